package nianbao.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import nianbao.TestSupport;
import nianbao.model.Finding;
import nianbao.pipeline.AuditResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A document that is not an annual report gets one verdict (NOT-ANNUAL-REPORT), not a list of missing
 * parts: real files written and audited with the shipped rules. The texts are written for the test.
 */
class NotAnnualReportTest {
    @TempDir Path tmp;

    private AuditResult audit(String name, String text) throws IOException {
        Path f = tmp.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return TestSupport.auditor().audit(f);
    }

    /** A notice about compiling the annual report mentions 年度报告 and has numbered parts, yet is a notice. */
    @Test
    void aNoticeAboutTheAnnualReportGetsOneVerdict() throws IOException {
        AuditResult r = audit("notice.txt", String.join("\n",
                "某县人民政府办公室关于做好2023年政府信息公开工作年度报告编制发布工作的通知",
                "各乡镇人民政府，县政府各部门：",
                "为做好2023年政府信息公开工作年度报告编制发布工作，现将有关事项通知如下：",
                "一、总体要求",
                "各单位要按照国办公开办函〔2021〕30号规定的格式编制年度报告，于2024年1月31日前在政府网站公布。",
                "二、工作安排",
                "请各单位于2024年1月20日前将年度报告报送县政务公开办。",
                "特此通知。",
                "某县人民政府办公室",
                "2024年1月5日"));
        assertThat(r.failed()).isFalse();
        assertThat(r.findings()).extracting(Finding::code).containsExactly("NOT-ANNUAL-REPORT");
        assertThat(r.findings().get(0).message()).contains("不是政府信息公开工作年度报告", "编制发布工作的通知");
    }

    /** A crawled letter on one line, under a crawler header, dated before the year ends. */
    @Test
    void aLetterUnderACrawlerHeaderGetsOneVerdict() throws IOException {
        AuditResult r = audit("letter.txt", String.join("\n",
                "标题: 关于2023年政务公开工作要点落实情况的函",
                "发布时间: 2023-12-08 10:00",
                "栏目: 政府信息公开年报",
                "省政府办公厅： 根据《关于印发2023年政务公开工作要点的通知》要求，现将我市落实情况函告如下。"
                        + "一、2023年政务公开工作情况 全年主动公开政府信息1200余条。"
                        + "二、存在问题及下一步工作计划 部分单位信息更新不够及时。 某市人民政府办公室 2023年12月8日"));
        assertThat(r.findings()).extracting(Finding::code).containsExactly("NOT-ANNUAL-REPORT");
        assertThat(r.report().publishedOn()).hasToString("2023-12-08");
    }

    /** A notice that publishes the report (关于印发《…年度报告》的通知) is the report itself. */
    @Test
    void aNoticePublishingTheReportIsNotRejected() throws IOException {
        String sample = TestSupport.text("002");
        AuditResult r = audit("published.txt", "关于印发《某县2021年政府信息公开工作年度报告》的通知\n" + sample);
        assertThat(r.findings()).extracting(Finding::code).doesNotContain("NOT-ANNUAL-REPORT");
        assertThat(TestSupport.audit("002").findings()).extracting(Finding::code).doesNotContain("NOT-ANNUAL-REPORT");
    }
}
