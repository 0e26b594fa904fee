package nianbao.report;

import nianbao.pipeline.AuditResult;
import org.thymeleaf.context.Context;

/**
 * The Chinese HTML audit report (Thymeleaf, template {@code nianbao/templates/report.html}).
 * Offline and printable; all report text goes through th:text, so it is always escaped. What the page
 * shows is worked out in Java ({@link ReportPage}): the template only reads properties.
 */
public final class HtmlReport {
    private HtmlReport() {}

    /**
     * Renders a throw-away page so that the engine, the template and its expression language are initialised
     * (about a tenth of a second at start-up); commands call it on a second thread while the rules load.
     */
    public static void warmUp() {
        bytes(AuditResult.error("warm-up", null, "WARM_UP", "warm-up", 0));
    }

    public static byte[] bytes(AuditResult a) {
        return bytes(a, null);
    }

    /** With the findings' ids and the reviewers' decisions (dismissed ones struck through with the remark). */
    public static byte[] bytes(AuditResult a, nianbao.review.Reviewed review) {
        Context ctx = new Context();
        ctx.setVariable("page", new ReportPage(a, review));
        // the page holds the whole text in its source listing (up to 3 UTF-8 bytes a character), plus findings and tables
        String text = a.report() == null ? null : a.report().text();
        return Templates.render("report", ctx, 32 * 1024 + (text == null ? 0 : 3 * text.length()));
    }
}
