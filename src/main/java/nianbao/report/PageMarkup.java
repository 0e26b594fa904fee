package nianbao.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import nianbao.parse.tables.TableGrid;
import org.unbescape.html.HtmlEscape;

/**
 * The report page's markup, written in Java from what {@link ReportPage} works out. A page is written for every
 * report; as a Thymeleaf template it cost about a tenth of a cold batch's CPU (the engine handles every element,
 * attribute and expression of every page, and a short batch runs that code interpreted or barely compiled).
 *
 * <p>The page is, character for character, what the Thymeleaf template {@code report-reference.html} (in the
 * tests) renders: {@code PageMarkupTest} compares the two on the samples, the corpus, hostile text, reviewed
 * findings, old-style tables and failed inputs. All report text is escaped with the escaper Thymeleaf's th:text
 * and attribute processors use ({@link HtmlEscape#escapeHtml4Xml}); the only text written unescaped is this
 * class's own markup. The whitespace between elements is the template's, as Thymeleaf leaves it: an element
 * left out by th:if leaves the text around it, and a th:each element that stands between two runs of white space
 * repeats the run before it between its items.
 */
final class PageMarkup {
    /** The page's style sheet, inlined: the page's Content-Security-Policy lets it load nothing from outside. */
    private static final String STYLE = resource("report.css");

    private PageMarkup() {}

    static String esc(String s) {
        return HtmlEscape.escapeHtml4Xml(s);
    }

    /** The whole page; {@code expectedChars} sizes the buffer. */
    static String page(ReportPage p, int expectedChars) {
        StringBuilder b = new StringBuilder(Math.max(expectedChars, 8192));
        b.append("""
                <!DOCTYPE html>
                <html lang="zh-CN">
                <head>
                <meta charset="UTF-8">
                <!-- Report text comes from published pages, some defaced: no script may run, nothing may load from outside. -->
                <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">
                <meta name="referrer" content="no-referrer">
                <title>""").append(text(p.getPageTitle())).append("</title>\n<style>\n").append(STYLE).append("""
                </style>
                </head>
                <body>
                <h1>""").append(text(p.getHeading())).append("</h1>\n<p class=\"muted\">来源文件：<span>").append(text(p.getSource()))
                .append("</span>");
        if (p.isHashed()) b.append("<span> · SHA-256 <span>").append(text(p.getSha256())).append("</span></span>");
        b.append("</p>\n");
        each(b, "\n", p.getNotes(), note -> b.append("<p class=\"muted\">").append(text(note)).append("</p>"));
        b.append("\n\n");
        if (p.isFailed()) {
            b.append("<div class=\"error\">\n  <h2>无法审核</h2>\n  <p><span class=\"code\">").append(text(p.getErrorCode()))
                    .append("</span>：<span>").append(text(p.getErrorMessage())).append("</span></p>\n</div>");
        }
        b.append("\n\n");
        if (p.isAudited()) audited(b, p);
        return b.append("""

                <p class="muted">由 nianbao 生成。规则可在 rules/ 目录中修改，下次运行即生效。</p>
                </body>
                </html>
                """).toString();
    }

    private static void audited(StringBuilder b, ReportPage p) {
        b.append("\n<p><span class=\"score\">").append(p.getScore()).append("</span><span");
        attr(b, "class", p.getGradeCss());
        b.append('>').append(text(p.getGrade())).append("</span>\n  ");
        for (String c : p.getCounts()) b.append("<span class=\"muted\">").append(text(c)).append("</span>");
        b.append("</p>\n");
        if (p.getCap() != null) b.append("<p class=\"cap\">").append(text(p.getCap())).append("</p>");
        b.append('\n');
        if (p.getReviewNote() != null) b.append("<p class=\"muted\">").append(text(p.getReviewNote())).append("</p>");
        b.append("\n\n<h2>报告概况</h2>\n<table>\n  <tr><th>发布机关</th><td>").append(text(p.getAgency()))
                .append("</td>\n      <th>机关层级</th><td>").append(text(p.getLevel()))
                .append("</td></tr>\n  <tr><th>报告年度</th><td>").append(text(p.getYear()))
                .append("</td>\n      <th>发布日期</th><td>").append(text(p.getPublished()))
                .append("</td></tr>\n  <tr><th>统计期限</th><td>").append(text(p.getPeriod()))
                .append("</td>\n      <th>格式</th><td>").append(text(p.getFormat()))
                .append("</td></tr>\n</table>\n\n<h2>发现的问题</h2>\n");
        if (p.isClean()) b.append("<p class=\"ok\">未发现问题。</p>");
        b.append('\n');
        each(b, "\n", p.getGroups(), g -> {
            b.append("<div>\n  <h3>").append(text(g.getHeading())).append("</h3>\n  ");
            each(b, "\n  ", g.getFindings(), f -> finding(b, f));
            b.append("\n</div>");
        });
        b.append("\n\n<h2>章节结构</h2>\n<table>\n  <tr><th>章节</th><th>报告中的标题</th><th>位置</th></tr>\n  ");
        each(b, "\n  ", p.getSections(), s -> b.append("<tr>\n    <td>").append(text(s.getId())).append("</td><td>")
                .append(text(s.getHeading())).append("</td>\n    <td><a href=\"").append(text(s.getHref())).append("\">")
                .append(text(s.getLines())).append("</a></td>\n  </tr>"));
        b.append("\n</table>\n\n");
        List<TableGrid.Grid> tables = p.getTables();
        if (tables != null) {
            b.append("""

                    <h2>统计表（按规定格式重绘）</h2>
                    <p class="muted">红框为有问题的单元格，黄色为未填写，灰色为无法识别；鼠标停留可看勾稽关系和计算值，点击数字跳到原文行。带 * 的数字由连写数字拆分得出。</p>

                    """);
            tables(b, tables);
            b.append('\n');
        }
        b.append("\n\n");
        LegacyTableView legacy = p.getLegacy();
        if (legacy != null) legacy(b, legacy);
        b.append("\n\n<h2>原文（带行号）</h2>\n<div class=\"src\">");
        source(b, p.getLines());
        b.append("</div>\n");
    }

    private static void finding(StringBuilder b, ReportPage.FindingView f) {
        b.append("<div");
        attr(b, "class", f.getCss());
        b.append(">\n    <div>");
        if (f.getVerdict() != null) {
            b.append("<span");
            attr(b, "class", f.getVerdictCss());
            b.append('>').append(text(f.getVerdict())).append("</span>");
        }
        b.append("\n      <span class=\"struck\"><span class=\"code\">").append(text(f.getCode())).append("</span> <strong>")
                .append(text(f.getTitle())).append("</strong></span>\n      ");
        if (f.getPoints() != null) b.append("<span class=\"muted\">").append(text(f.getPoints())).append("</span>");
        b.append("\n      ");
        if (f.getSection() != null) b.append("<span class=\"muted\">").append(text(f.getSection())).append("</span>");
        b.append("\n      ");
        if (f.getHref() != null) b.append("<a href=\"").append(text(f.getHref())).append("\">").append(text(f.getLineText())).append("</a>");
        b.append("\n      <span class=\"fid\">").append(text(f.getId())).append("</span></div>\n    <div class=\"struck\">")
                .append(text(f.getMessage())).append("</div>\n    ");
        if (f.getRemark() != null) b.append("<div class=\"remark\">").append(text(f.getRemark())).append("</div>");
        b.append("\n    ");
        if (f.isQuoted()) b.append("<div>原文：<span class=\"evidence\">").append(text(f.getEvidence())).append("</span></div>");
        b.append("\n    ");
        if (f.getBasis() != null) b.append("<div class=\"basis\">").append(text(f.getBasis())).append("</div>");
        b.append("\n  </div>");
    }

    /** The statistics table of a 2008-style report, as it was published. */
    private static void legacy(StringBuilder b, LegacyTableView t) {
        b.append("\n<h2>统计表（原文所附）</h2>\n<p class=\"muted\"><span>").append(text(t.getSummary())).append("</span>")
                .append("带 * 的数字由连写数字拆分得出，灰色“?”为无法可靠识别的数字；鼠标停留可看读法说明，点击数字跳到原文行。</p>\n")
                .append("<table class=\"grid\">\n  <tr><th>指标名称</th><th>计量单位</th>");
        for (String c : t.getColumns()) b.append("<th>").append(text(c)).append("</th>");
        b.append("</tr>\n  ");
        each(b, "\n  ", t.getRows(), row -> {
            b.append("<tr>\n    <th");
            attr(b, "title", row.getTitle());
            b.append('>').append(text(row.getLabel())).append("</th><th>").append(text(row.getUnit())).append("</th>\n    ");
            each(b, "\n    ", row.getValues(), c -> value(b, c.getCss(), c.getTitle(), c.getHref(), c.getText()));
            b.append("\n  </tr>");
        });
        b.append("\n</table>\n");
    }

    /** The source listing: one {@code <div>} per listed line. */
    private static void source(StringBuilder b, List<ReportPage.LineView> lines) {
        for (ReportPage.LineView l : lines) {
            b.append("\n  <div");
            attr(b, "id", l.getId());
            attr(b, "class", l.getCss());
            b.append("><span class=\"no\">").append(text(l.getLabel())).append("</span><span class=\"t\">")
                    .append(text(l.getText())).append("</span></div>");
        }
        b.append('\n');
    }

    /** The redrawn tables, one {@code <table class="grid">} each, one after another on their own lines. */
    private static void tables(StringBuilder b, List<TableGrid.Grid> grids) {
        each(b, "\n", grids, g -> {
            b.append("<table class=\"grid\">\n  <caption>").append(text(g.getTitle())).append("</caption>\n  ");
            each(b, "\n  ", g.getRows(), row -> {
                b.append("<tr>\n    ");
                each(b, "\n    ", row.getHeads(), c -> {
                    b.append("<th");
                    attr(b, "colspan", c.getSpan() == null ? null : c.getSpan().toString());
                    b.append('>').append(text(c.getText())).append("</th>");
                });
                b.append("\n    ");
                each(b, "\n    ", row.getValues(), c -> value(b, c.getCss(), c.getTitle(), c.getHref(), c.getText()));
                b.append("\n  </tr>");
            });
            b.append("\n</table>");
        });
    }

    /** A table value: its cell (class and tooltip), a link to its source line. */
    private static void value(StringBuilder b, String css, String title, String href, String text) {
        b.append("<td");
        attr(b, "class", css);
        attr(b, "title", title);
        // th:href keeps the attribute, empty, when the link is null
        b.append("><a href=\"").append(text(href)).append("\">").append(text(text)).append("</a></td>");
    }

    /** The items of a th:each loop, the white space before the loop repeated between them, as Thymeleaf writes it. */
    private static <T> void each(StringBuilder b, String between, List<T> items, Consumer<T> item) {
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) b.append(between);
            item.accept(items.get(i));
        }
    }

    /** As th:id, th:class, th:title or th:colspan: left out when null or empty, else escaped. */
    private static void attr(StringBuilder b, String name, String value) {
        if (value != null && !value.isEmpty()) b.append(' ').append(name).append("=\"").append(esc(value)).append('"');
    }

    /** th:text writes null as nothing. */
    private static String text(String s) {
        return s == null ? "" : esc(s);
    }

    private static String resource(String name) {
        try (InputStream in = PageMarkup.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource nianbao/report/" + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
