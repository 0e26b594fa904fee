package nianbao.report;

import java.util.List;
import nianbao.parse.tables.TableGrid;
import org.unbescape.html.HtmlEscape;

/**
 * The two long, repetitive parts of the report page — the source listing (hundreds of lines) and the
 * redrawn statistical tables (about 200 cells) — written as markup in Java and inserted by the template
 * with th:utext. Through th:each they were most of a report's rendering time (Thymeleaf handles every
 * element and attribute of every iteration); here they are plain string building.
 *
 * <p>All report text is escaped with the escaper Thymeleaf's th:text and attribute processors use
 * ({@link HtmlEscape#escapeHtml4Xml}), so the page reads and escapes exactly as before; the markup and the
 * whitespace between elements are the ones the former th:each loops produced.
 */
final class PageMarkup {
    private PageMarkup() {}

    static String esc(String s) {
        return HtmlEscape.escapeHtml4Xml(s);
    }

    /** The inside of {@code <div class="src">}: one {@code <div>} per listed line. */
    static String source(List<ReportPage.LineView> lines) {
        StringBuilder b = new StringBuilder(lines.size() * 120);
        for (ReportPage.LineView l : lines) {
            b.append("\n  <div");
            attr(b, "id", l.getId());
            attr(b, "class", l.getCss());
            b.append("><span class=\"no\">").append(text(l.getLabel())).append("</span><span class=\"t\">")
                    .append(text(l.getText())).append("</span></div>");
        }
        return b.append('\n').toString();
    }

    /** The redrawn tables, one {@code <table class="grid">} each, one after another on their own lines. */
    static String tables(List<TableGrid.Grid> grids) {
        StringBuilder b = new StringBuilder(grids.size() * 8192);
        for (TableGrid.Grid g : grids) {
            if (b.length() > 0) b.append('\n');
            b.append("<table class=\"grid\">\n  <caption>").append(text(g.getTitle())).append("</caption>");
            for (TableGrid.GridRow row : g.getRows()) {
                // as th:each wrote it: the loop's leading white space once, then again before every further item
                b.append("\n  <tr>\n    ");
                String sep = "";
                for (TableGrid.GridCell c : row.getHeads()) {
                    b.append(sep).append("<th");
                    sep = "\n    ";
                    attr(b, "colspan", c.getSpan() == null ? null : c.getSpan().toString());
                    b.append('>').append(text(c.getText())).append("</th>");
                }
                b.append("\n    ");
                sep = "";
                for (TableGrid.GridCell c : row.getValues()) {
                    b.append(sep).append("<td");
                    sep = "\n    ";
                    attr(b, "class", c.getCss());
                    attr(b, "title", c.getTitle());
                    // th:href keeps the attribute, empty, when the link is null
                    b.append("><a href=\"").append(text(c.getHref())).append('"');
                    b.append('>').append(text(c.getText())).append("</a></td>");
                }
                b.append("\n  </tr>");
            }
            b.append("\n</table>");
        }
        return b.toString();
    }

    /** As th:id, th:class, th:title or th:colspan: left out when null or empty, else escaped. */
    private static void attr(StringBuilder b, String name, String value) {
        if (value != null && !value.isEmpty()) b.append(' ').append(name).append("=\"").append(esc(value)).append('"');
    }

    /** th:text writes null as nothing. */
    private static String text(String s) {
        return s == null ? "" : esc(s);
    }
}
