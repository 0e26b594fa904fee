package nianbao.parse.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import nianbao.TestSupport;
import nianbao.pipeline.AuditResult;
import nianbao.report.HtmlReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML report re-draws the tables with official labels, highlights offending cells and links to source lines. */
class HtmlTablesTest {
    @TempDir
    Path tmp;

    @Test
    void perturbedCellIsHighlightedWithTheRelation() throws IOException {
        AuditResult r = TestSupport.auditEdited(tmp, "003", "2020年共收到政府信息公开申请37件", "2020年共收到政府信息公开申请37件");
        String ok = new String(HtmlReport.bytes(r), StandardCharsets.UTF_8);
        assertThat(ok).contains("统计表（按规定格式重绘）", "表三 收到和处理政府信息公开申请情况",
                "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "第二十条第（九）项", "href=\"#L204\"");
        // no table cell is flagged (source lines of 003 are, for its INT-SPAM defacement)
        assertThat(ok).doesNotContain("<td class=\"flag\"").doesNotContain("<script");

        String text = TestSupport.text("003");
        String[] lines = text.split("\n", -1);
        lines[203] = lines[203].replace("16", "17");
        Path f = tmp.resolve("003-p.txt");
        java.nio.file.Files.writeString(f, String.join("\n", lines), StandardCharsets.UTF_8);
        String html = new String(HtmlReport.bytes(TestSupport.auditor().audit(f)), StandardCharsets.UTF_8);
        assertThat(html).contains("<td class=\"flag\" title=\"BAL-T3-TOTAL-COL：表三总计列与各类申请人之和不符：“（一）予以公开”行", "计算值：19");
        assertThat(html).contains("title=\"BAL-T3-TOTAL-ROW：表三（七）总计与各项办理结果之和不符：“自然人”列");
    }

    @Test
    void blankCellsShownAsBlank() {
        String html = new String(HtmlReport.bytes(TestSupport.audit("004")), StandardCharsets.UTF_8);
        assertThat(html).contains("class=\"blank\" title=\"未填写\"", "（六）其他处理");
    }
}
