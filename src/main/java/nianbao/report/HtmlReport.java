package nianbao.report;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nianbao.model.Finding;
import nianbao.model.Section;
import nianbao.model.SourceLine;
import nianbao.pipeline.AuditResult;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The Chinese HTML audit report (Thymeleaf, template {@code nianbao/templates/report.html}).
 * Offline and printable; all report text goes through th:text, so it is always escaped. What the page
 * shows is worked out in Java ({@link ReportPage}, {@link LineView}, TableGrid): the template only reads properties.
 */
public final class HtmlReport {
    private static final TemplateEngine ENGINE = Templates.ENGINE;

    private HtmlReport() {}


    /**
     * A source line as the listing shows it. Worked out here, not in the template: the listing has
     * hundreds of lines per report and was half of a batch's rendering time with per-line expressions.
     * JavaBean getters on purpose: Thymeleaf resolves {@code ${l.text}} on a getter without OGNL
     * (its shortcut path); a record accessor call {@code ${l.text()}} goes through OGNL's reflective
     * method call and member check, about three times slower per line.
     */
    public static final class LineView {
        private final String id, css, label, text;

        LineView(String id, String css, String label, String text) {
            this.id = id;
            this.css = css;
            this.label = label;
            this.text = text;
        }

        public String getId() { return id; }
        public String getCss() { return css; }
        public String getLabel() { return label; }
        public String getText() { return text; }
    }

    static List<LineView> lineViews(AuditResult a) {
        Set<Integer> flagged = new HashSet<>();
        for (Finding f : a.findings()) if (f.location().line() != null) flagged.add(f.location().line());
        Set<Integer> headings = new HashSet<>();
        for (Section s : a.report().sections()) headings.add(s.line());
        List<LineView> out = new ArrayList<>(a.report().lines().size());
        for (SourceLine l : a.report().lines()) {
            // Blank lines carry nothing to read or link to; line numbers keep the gaps visible.
            if (l.text().isBlank()) continue;
            String css = headings.contains(l.no()) ? "head" : flagged.contains(l.no()) ? "flag" : null;
            String label = l.place() == null ? String.valueOf(l.no()) : l.no() + " " + l.place();
            out.add(new LineView("L" + l.no(), css, label, l.text()));
        }
        return out;
    }

    public static byte[] bytes(AuditResult a) {
        Context ctx = new Context();
        ctx.setVariable("page", new ReportPage(a));
        if (a.report() != null) {
            ctx.setVariable("lines", lineViews(a));
            List<nianbao.parse.tables.TableGrid.Grid> tables = nianbao.parse.tables.TableGrid.of(a.report(), a.findings());
            ctx.setVariable("tables", tables.isEmpty() ? null : tables);
        }
        return ENGINE.process("report", ctx).getBytes(StandardCharsets.UTF_8);
    }
}
