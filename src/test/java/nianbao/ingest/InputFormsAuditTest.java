package nianbao.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nianbao.CliRun;
import nianbao.TestSupport;
import nianbao.model.Section;
import nianbao.pipeline.AuditResult;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end (real parser, real Drools session): a sample report re-published in another input
 * form — run together into one line, wrapped in a saved web page, exported by a crawler — audits
 * to the same sections and table cells as the sample itself.
 */
class InputFormsAuditTest {
    private static final String SAMPLE = "004";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static List<String> sectionIds(AuditResult r) {
        return r.report().sections().stream().map(Section::id).toList();
    }

    private static List<String> cells(AuditResult r) {
        return r.report().cells().stream().map(c -> c.table() + "/" + c.row() + "/" + c.col() + "=" + c.value()).toList();
    }

    private static void assertSameReport(AuditResult form, AuditResult original) {
        assertThat(form.failed()).as(form.errorMessage()).isFalse();
        assertThat(sectionIds(form)).isNotEmpty().containsExactlyElementsOf(sectionIds(original));
        assertThat(cells(form)).isNotEmpty().containsExactlyElementsOf(cells(original));
        assertThat(form.report().reportYear()).isEqualTo(original.report().reportYear());
        assertThat(form.report().formatDetected()).isEqualTo(original.report().formatDetected());
    }

    @Test
    void sampleRunTogetherIntoOneLineWithFullWidthSpacesAuditsLikeTheSample() throws Exception {
        AuditResult original = TestSupport.audit(SAMPLE);
        List<String> lines = TestSupport.text(SAMPLE).lines().filter(l -> !l.isBlank()).toList();
        Path flat = tmp.resolve("flat.txt");
        Files.writeString(flat, "\u3000\u3000" + String.join("\u3000\u3000", lines) + "\n");
        AuditResult r = TestSupport.auditor().audit(flat);
        assertSameReport(r, original);
    }

    @Test
    void sampleInsideASavedWebPageAuditsLikeTheSample() throws Exception {
        AuditResult original = TestSupport.audit(SAMPLE);
        StringBuilder body = new StringBuilder();
        for (String l : TestSupport.text(SAMPLE).lines().filter(l -> !l.isBlank()).toList()) {
            body.append("<p>").append(org.jsoup.nodes.Entities.escape(l)).append("</p>\n");
        }
        StringBuilder menu = new StringBuilder();
        for (int i = 0; i < 30; i++) menu.append("<li><a href=\"/c").append(i).append("\">栏目").append(i).append("：政策文件与解读汇编</a></li>");
        String page = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>年报_某县人民政府</title></head><body>"
                + "<div class=\"head-wrap\"><ul class=\"menu-list\">" + menu + "</ul></div>"
                + "<div class=\"path\">当前位置：<a href=\"/\">首页</a> &gt; <a href=\"/xxgk\">信息公开</a></div>"
                + "<div class=\"main-box\"><div class=\"txt-box\" id=\"article\">\n" + body + "</div>"
                + "<div class=\"side\"><h3>热点推荐</h3><ul>" + menu + "</ul></div></div>"
                + "<div class=\"foot-box\">网站主办：某县人民政府办公室 地址：某县人民路1号 联系电话：0000-1234567 网站标识码1300000000</div>"
                + "</body></html>";
        Path f = tmp.resolve("saved.html");
        Files.writeString(f, page);
        AuditResult r = TestSupport.auditor().audit(f);
        assertSameReport(r, original);
        Document d = new Ingestor().read(f);
        assertThat(d.notes()).anySatisfy(n -> assertThat(n).contains("id=\"article\""));
        // The reviewer is told where the body was found, in the JSON and on the report page (escaped).
        assertThat(r.report().notes()).isEqualTo(d.notes());
        assertThat(JSON.valueToTree(nianbao.report.JsonReport.tree(r)).path("notes").get(0).asText()).contains("id=\"article\"");
        assertThat(new String(nianbao.report.HtmlReport.bytes(r), java.nio.charset.StandardCharsets.UTF_8)).contains("id=&quot;article&quot;");
    }

    @Test
    void crawlerExportWithTwoRowsGivesTwoAuditsNamedByRow() throws Exception {
        AuditResult original = TestSupport.audit(SAMPLE);
        StringWriter w = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader("标题", "时间", "内容", "一级类别", "访问地址").get())) {
            p.printRecord("一份不是年报的通知", "2022-01-05", "关于做好春节期间值班工作的通知，请各单位按要求安排值班。", "通知公告", "http://example.gov.cn/1");
            p.printRecord("友谊县友谊镇人民政府2022年政府信息公开工作年度报告", "2023-01-28 16:02:11", TestSupport.text(SAMPLE),
                    "政府信息公开年报", "http://example.gov.cn/2");
        }
        Path f = tmp.resolve("栏目导出.csv");
        Files.writeString(f, w.toString(), StandardCharsets.UTF_8);

        List<AuditResult> all = TestSupport.auditor().auditAll(f);
        assertThat(all).extracting(AuditResult::source).containsExactly(f + "#r1", f + "#r2");
        AuditResult report = all.get(1);
        assertSameReport(report, original);
        assertThat(report.report().publishedOn()).hasToString("2023-01-28");
        assertThat(report.report().title()).isEqualTo("友谊县友谊镇人民政府2022年政府信息公开工作年度报告");

        Path out = tmp.resolve("out");
        CliRun.Result run = CliRun.run("audit", f.toString(), "-o", out.toString(), "--rules", TestSupport.RULES.toString());
        assertThat(run.err()).doesNotContain("Exception");
        JsonNode r2 = JSON.readTree(out.resolve("栏目导出-r2.json").toFile());
        assertThat(r2.path("source").asText()).endsWith("栏目导出.csv#r2");
        assertThat(r2.path("publishedOn").asText()).isEqualTo("2023-01-28");
        assertThat(r2.path("sections").size()).isEqualTo(original.report().sections().size());
        assertThat(Files.exists(out.resolve("栏目导出-r1.json"))).isTrue();
        assertThat(Files.exists(out.resolve("栏目导出-r2.html"))).isTrue();
        assertThat(Files.exists(out.resolve("栏目导出.json"))).isFalse();
    }
}
