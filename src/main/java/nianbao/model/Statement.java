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
 * @param approximate "余", "多", "约", "近", "以上", "左右", or one end of a range ("3-5件"): the number is a bound, not a count
 * @param role        "total" (the number a 其中 or an "在…N条…中" frame breaks down), "part" (a number of that
 *                    breakdown), "nested" (a number of a breakdown inside the breakdown: a second 其中, or in
 *                    brackets) or ""
 * @param evidence    the clause as found
 * @param share       the share stated right after the number ("…1397条，占73%" gives 73), or null
 * @param shareDecimals decimal places of the stated share (73 → 0, 8.05 → 2), telling its rounding
 * @param offset      where the number stands in its normalised line (orders statements of one line)
 */
public record Statement(int line, int sentence, String phrase, String sentenceText, BigDecimal value, String counter,
                        boolean approximate, String role, String evidence, BigDecimal share, int shareDecimals, int offset) {

    public Statement(int line, int sentence, String phrase, String sentenceText, BigDecimal value, String counter,
                     boolean approximate, String role, String evidence) {
        this(line, sentence, phrase, sentenceText, value, counter, approximate, role, evidence, null, 0, 0);
    }

    /** This statement in another role. */
    public Statement withRole(String newRole) {
        return new Statement(line, sentence, phrase, sentenceText, value, counter, approximate, newRole, evidence, share, shareDecimals, offset);
    }

    /** This statement with the share stated after it. */
    public Statement withShare(BigDecimal percent) {
        return new Statement(line, sentence, phrase, sentenceText, value, counter, approximate, role, evidence, percent,
                Math.max(0, percent.scale()), offset);
    }

    /** The stated share, as a double for the rules (NaN when none is stated). */
    public double shareValue() { return share == null ? Double.NaN : share.doubleValue(); }

    /** Whether a share is stated after the number. */
    public boolean hasShare() { return share != null; }
}
