package nianbao.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import nianbao.TestSupport;
import nianbao.hostile.HostileCorpus;
import nianbao.model.Finding;
import nianbao.model.Location;
import nianbao.model.Severity;
import nianbao.pipeline.AuditResult;
import nianbao.review.Decision;
import nianbao.review.FindingIds;
import nianbao.review.Item;
import nianbao.review.Reviewed;
import nianbao.review.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/**
 * The report page is written in Java (speed); its specification is the Thymeleaf template
 * {@code nianbao/templates/report-reference.html}, in which every report text goes through th:text or an attribute
 * processor. The template is rendered here over the same page and compared character for character: on the
 * samples, the corpus (old-style tables included), the hostile inputs, markup, quotes and ampersands in a report's
 * text and in a reviewer's remark, reviewed findings of every verdict and a manual one, a page without findings,
 * and a failed input.
 */
class PageMarkupTest {
    private static final TemplateEngine ENGINE = engine();
    private static final String REFERENCE = reference();

    @TempDir Path dir;

    private static TemplateEngine engine() {
        StringTemplateResolver r = new StringTemplateResolver();
        r.setTemplateMode(TemplateMode.HTML);
        TemplateEngine e = new TemplateEngine();
        e.setTemplateResolver(r);
        return e;
    }

    private static String reference() {
        try (InputStream t = PageMarkupTest.class.getResourceAsStream("/nianbao/templates/report-reference.html");
             InputStream css = PageMarkup.class.getResourceAsStream("report.css")) {
            String template = new String(t.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(template).contains("/* report.css */\n");
            return template.replace("/* report.css */\n", new String(css.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void sameAsTemplate(AuditResult a, Reviewed review) {
        Context ctx = new Context();
        ctx.setVariable("page", new ReportPage(a, review));
        String expected = ENGINE.process(REFERENCE, ctx);
        assertThat(new String(HtmlReport.bytes(a, review), StandardCharsets.UTF_8)).as(a.source()).isEqualTo(expected);
    }

    private static void sameAsTemplate(AuditResult a) {
        sameAsTemplate(a, null);
    }

    @Test
    void everySampleAndCorpusReportIsWrittenAsTheTemplateRendersIt() throws IOException {
        for (String s : new String[] {"000", "001", "002", "003", "004"}) sameAsTemplate(TestSupport.audit(s));
        List<Path> corpus;
        try (Stream<Path> files = Files.list(Path.of("corpus"))) {
            corpus = files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
        int legacy = 0, tables = 0;
        for (Path p : corpus) {
            for (AuditResult a : TestSupport.auditor().auditAll(p, r -> r)) {
                sameAsTemplate(a);
                if (a.report() != null && a.report().legacyTable() != null) legacy++;
                if (a.report() != null && !a.report().cells().isEmpty()) tables++;
            }
        }
        assertThat(legacy).as("corpus reports with an old-style table").isPositive();
        assertThat(tables).as("corpus reports with statistical tables").isPositive();
    }

    @Test
    void hostileInputsAreWrittenAsTheTemplateRendersThem() throws Exception {
        int n = 0;
        for (HostileCorpus.Case c : HostileCorpus.write(dir.resolve("hostile"), 9)) {
            for (AuditResult a : TestSupport.auditor().auditAll(c.file(), r -> r)) {
                sameAsTemplate(a);
                n++;
            }
        }
        assertThat(n).isGreaterThan(10);
    }

    @Test
    void markupInTheReportIsEscapedAsThymeleafEscapesIt() throws Exception {
        String hostile = "<script>alert('x')</script> & \"引号\" &amp; <b>粗体</b>";
        AuditResult a = TestSupport.auditEdited(dir, "000", "成安县2021年度政府信息公开年度报告",
                "成安县2021年度政府信息公开年度报告 " + hostile);
        sameAsTemplate(a);
        String html = new String(HtmlReport.bytes(a), StandardCharsets.UTF_8);
        assertThat(html).doesNotContain("<script>alert").doesNotContain("<b>粗体</b>")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;引号&quot; &amp;amp; &lt;b&gt;粗体&lt;/b&gt;");
    }

    @Test
    void reviewedFindingsOfEveryKindAreWrittenAsTheTemplateRendersThem() {
        AuditResult a = TestSupport.audit("003");
        List<String> ids = FindingIds.assign(a.report(), a.findings());
        List<Item> items = new ArrayList<>();
        Verdict[] verdicts = {Verdict.DISMISSED, Verdict.PENDING};   // the rest undecided
        for (int i = 0; i < ids.size(); i++) {
            Decision d = i < verdicts.length
                    ? new Decision(ids.get(i), verdicts[i], i == 0 ? "模板链接 <i>&</i> \"误报\"" : "", "", "", "", "") : null;
            items.add(new Item(ids.get(i), a.findings().get(i), d, false));
        }
        Finding manual = new Finding("MANUAL", "人工补充的问题", Severity.MAJOR, "人工", "审核人员发现 <b>表三</b> 有误", 2, null,
                new Location("S3", "T3", null, null, 5), "原文 & 引文");
        items.add(new Item("F-manual", manual, new Decision("F-manual", Verdict.CONFIRMED, "", "", "", "", ""), true));
        assertThat(items).as("findings left undecided").hasSizeGreaterThan(verdicts.length + 1);
        sameAsTemplate(a, new Reviewed(List.copyOf(items), 55, "不合格", "INT-SPAM"));
    }

    @Test
    void aPageWithoutFindingsAndAFailedInputAreWrittenAsTheTemplateRendersThem() {
        AuditResult a = TestSupport.audit("000");
        sameAsTemplate(a, new Reviewed(List.of(), 100, "优秀", null));
        assertThat(new String(HtmlReport.bytes(a, new Reviewed(List.of(), 100, "优秀", null)), StandardCharsets.UTF_8)).contains("未发现问题。");
        AuditResult failed = AuditResult.error("in/<坏>.pdf", null, "PDF_ENCRYPTED", "文件已加密 <不能读> & 无法审核", 0);
        sameAsTemplate(failed);
        assertThat(new String(HtmlReport.bytes(failed), StandardCharsets.UTF_8)).contains("无法审核", "&lt;不能读&gt; &amp;");
    }
}
