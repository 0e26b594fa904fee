package nianbao.model;

import java.math.BigDecimal;

/**
 * A number stated in the narrative ("共收到政府信息公开申请37件"), for the rules that compare the text with
 * the tables and a stated total with its stated parts.
 *
 * @param line        source line
 * @param sentence    sentence number in the report (a sentence opening with 其中 continues the one before)
 * @param phrase      the words before the number in its clause, normalised ("2020年共收到政府信息公开申请")
 * @param sentenceText the whole sentence, normalised (context for the rules' lexicons)
 * @param value       the number
 * @param counter     the counter word after it: 件, 条, 项, 次, 个, 起, 人次
 * @param approximate "余", "多", "约", "近": the number is a bound, not a count
 * @param role        "total" (the number a 其中 breaks down), "part" (a number after 其中) or ""
 * @param evidence    the clause as found
 */
public record Statement(int line, int sentence, String phrase, String sentenceText, BigDecimal value, String counter,
                        boolean approximate, String role, String evidence) {}
