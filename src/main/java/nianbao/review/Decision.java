package nianbao.review;

/**
 * A reviewer's decision on one finding, as read from a decisions workbook.
 *
 * @param id      the finding id (问题编号)
 * @param file    the 文件 cell of the row, for listing the decision when its finding is gone
 * @param code    the 问题代码 cell, idem
 * @param message the 问题描述 cell, idem
 * @param where   "sheet row N" where it was read, for messages
 */
public record Decision(String id, Verdict verdict, String remark, String file, String code, String message, String where) {}
