package nianbao.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import nianbao.TestSupport;
import nianbao.pipeline.AuditResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/**
 * The source listing and the redrawn tables are written in Java (speed); they must be the markup the
 * template's former th:each loops wrote, escaping included. The loops are rendered here by Thymeleaf
 * over the same page and compared character for character, on reports carrying markup, quotes and
 * ampersands in their lines and in a table label.
 */
class PageMarkupTest {
    private static final String TABLES_LOOP = """
            <table th:each="g : ${page.tables}" class="grid">
              <caption th:text="${g.title}">表</caption>
              <tr th:each="row : ${g.rows}">
                <th th:each="c : ${row.heads}" th:colspan="${c.span}" th:text="${c.text}">标签</th>
                <td th:each="c : ${row.values}" th:class="${c.css}" th:title="${c.title}"><a th:href="${c.href}" th:text="${c.text}">0</a></td>
              </tr>
            </table>""";
    private static final String SOURCE_LOOP = """
            <div class="src">
              <div th:each="l : ${page.lines}" th:id="${l.id}" th:class="${l.css}"><span class="no" th:text="${l.label}">1</span><span class="t" th:text="${l.text}">text</span></div>
            </div>""";

    @TempDir Path dir;

    private static String thymeleaf(String template, ReportPage page) {
        StringTemplateResolver r = new StringTemplateResolver();
        r.setTemplateMode(TemplateMode.HTML);
        TemplateEngine e = new TemplateEngine();
        e.setTemplateResolver(r);
        Context ctx = new Context();
        ctx.setVariable("page", page);
        return e.process(template, ctx);
    }

    private static void sameAsLoops(AuditResult a) {
        ReportPage page = new ReportPage(a);
        assertThat(page.getTables()).as("a report with tables").isNotNull();
        assertThat("<div class=\"src\">" + page.getSourceHtml() + "</div>").isEqualTo(thymeleaf(SOURCE_LOOP, page));
        // as in the page: the tables stand after a paragraph, on lines of their own
        assertThat("<p></p>\n" + page.getTablesHtml() + "\n").isEqualTo(thymeleaf("<p></p>\n" + TABLES_LOOP + "\n", page));
    }

    @Test
    void everySampleIsWrittenAsTheLoopsWroteIt() {
        for (String s : new String[] {"000", "001", "002", "003", "004"}) {
            AuditResult a = TestSupport.audit(s);
            if (a.report().cells().isEmpty()) continue;
            sameAsLoops(a);
        }
    }

    @Test
    void markupInTheReportIsEscapedAsThymeleafEscapesIt() throws Exception {
        String hostile = "<script>alert('x')</script> & \"引号\" &amp; <b>粗体</b>";
        AuditResult a = TestSupport.auditEdited(dir, "000", "成安县2021年度政府信息公开年度报告",
                "成安县2021年度政府信息公开年度报告 " + hostile);
        sameAsLoops(a);
        String html = new String(HtmlReport.bytes(a), StandardCharsets.UTF_8);
        assertThat(html).doesNotContain("<script>alert").doesNotContain("<b>粗体</b>")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;引号&quot; &amp;amp; &lt;b&gt;粗体&lt;/b&gt;");
    }
}
