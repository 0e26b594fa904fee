package nianbao.batch;

import java.util.List;
import nianbao.model.Finding;
import nianbao.model.Severity;

/**
 * One input's line in the batch summary (contract.md "Batch summary"), failed inputs included.
 *
 * @param stem             the output file stem; {@code stem + ".html"} is the report page
 * @param substantiveRate  实质公开率 (予以公开 + 部分公开) / 办理总数, null when the table is missing
 * @param correctionRate   纠错率 复议纠正 / 复议总计, null when missing or no reviews
 * @param skipped          true when --resume kept the outputs of an earlier run
 * @param review           the findings with ids and reviewers' decisions (dismissed ones included), null for a failed input;
 *                         {@code findings}, {@code score}, {@code grade} and the severity counts are those after the decisions
 */
public record Row(String source, String stem, String sha256, String agency, String agencyLevel, String region, String url,
                  Integer reportYear, String format, Integer score, String grade, int[] severityCounts,
                  String errorCode, String errorMessage, Double substantiveRate, Double correctionRate,
                  List<Finding> findings, boolean skipped, nianbao.review.Reviewed review) {

    public Row(String source, String stem, String sha256, String agency, String agencyLevel, String region, String url,
               Integer reportYear, String format, Integer score, String grade, int[] severityCounts,
               String errorCode, String errorMessage, Double substantiveRate, Double correctionRate,
               List<Finding> findings, boolean skipped) {
        this(source, stem, sha256, agency, agencyLevel, region, url, reportYear, format, score, grade, severityCounts, errorCode, errorMessage,
                substantiveRate, correctionRate, findings, skipped, null);
    }

    public boolean failed() { return errorCode != null; }

    public int count(Severity s) { return severityCounts[s.ordinal()]; }

    public int getCritical() { return count(Severity.CRITICAL); }

    public int getMajor() { return count(Severity.MAJOR); }

    public int getMinor() { return count(Severity.MINOR); }

    public int getInfo() { return count(Severity.INFO); }

    public String getError() { return errorCode == null ? null : errorCode + ": " + errorMessage; }

    public String getHtml() { return stem + ".html"; }

    static int[] counts(List<Finding> findings) {
        int[] c = new int[Severity.values().length];
        for (Finding f : findings) c[f.severity().ordinal()]++;
        return c;
    }
}
