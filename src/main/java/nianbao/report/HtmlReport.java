package nianbao.report;

import java.nio.charset.StandardCharsets;
import nianbao.pipeline.AuditResult;

/**
 * The Chinese HTML audit report: offline and printable, every piece of report text escaped. What the page shows
 * is worked out in {@link ReportPage}; {@link PageMarkup} writes it.
 */
public final class HtmlReport {
    private HtmlReport() {}

    /**
     * Writes a throw-away page so that the page's classes and the escaper's tables are loaded; commands call it on a
     * second thread while the rules load.
     */
    public static void warmUp() {
        bytes(AuditResult.error("warm-up", null, "WARM_UP", "warm-up", 0));
    }

    public static byte[] bytes(AuditResult a) {
        return bytes(a, null);
    }

    /** With the findings' ids and the reviewers' decisions (dismissed ones struck through with the remark). */
    public static byte[] bytes(AuditResult a, nianbao.review.Reviewed review) {
        // the page holds the whole text in its source listing, plus findings and tables
        String text = a.report() == null ? null : a.report().text();
        return PageMarkup.page(new ReportPage(a, review), 32 * 1024 + (text == null ? 0 : 2 * text.length()))
                .getBytes(StandardCharsets.UTF_8);
    }
}
