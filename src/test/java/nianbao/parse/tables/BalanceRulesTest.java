package nianbao.parse.tables;

import static nianbao.TestSupport.audit;
import static nianbao.TestSupport.findings;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nianbao.TestSupport;
import nianbao.model.Finding;
import nianbao.pipeline.AuditResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The table rules on the real samples and on copies with one cell changed (by source line). */
class BalanceRulesTest {
    @TempDir
    Path tmp;

    /** Audits a copy of a sample with line {@code no} edited (from → to, literal, must occur on that line). */
    private AuditResult editLine(String sample, int no, String from, String to) throws IOException {
        List<String> lines = new java.util.ArrayList<>(List.of(TestSupport.text(sample).split("\n", -1)));
        String l = lines.get(no - 1);
        if (!l.contains(from)) throw new IllegalArgumentException("line " + no + " has no " + from + ": " + l);
        lines.set(no - 1, l.replace(from, to));
        Path f = tmp.resolve(sample + "-" + no + ".txt");
        Files.writeString(f, String.join("\n", lines), StandardCharsets.UTF_8);
        return TestSupport.auditor().audit(f);
    }

    private static List<Finding> bal(AuditResult r) {
        return r.findings().stream().filter(f -> f.code().startsWith("BAL-")).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"000", "002", "003", "004"})
    void samplesBalance(String sample) {
        assertThat(bal(audit(sample))).isEmpty();
        assertThat(findings(audit(sample), "TAB-MISSING")).isEmpty();
        assertThat(findings(audit(sample), "TAB-NEGATIVE")).isEmpty();
        assertThat(findings(audit(sample), "TAB-NONNUMERIC")).isEmpty();
    }

    @Test
    void blankCellsReported() {
        assertThat(findings(audit("000"), "TAB-BLANK")).anySatisfy(f -> {
            assertThat(f.location().table()).isEqualTo("T4");
            assertThat(f.message()).contains("表四有6个单元格未填写");
        });
        assertThat(findings(audit("004"), "TAB-BLANK")).singleElement().satisfies(f ->
                assertThat(f.message()).contains("2个", "第64行", "第85行"));
        assertThat(findings(audit("003"), "TAB-BLANK")).isEmpty();
    }

    @Test
    void oneApplicantCellChanged_totalRowAndTotalColumnNameIt() throws IOException {
        AuditResult r = editLine("003", 204, "16", "17"); // （一）予以公开 / 自然人
        // 一+二 still equals the reported (七)总计 + 四: the main relation holds; the result rows do not add up to (七)
        assertThat(findings(r, "BAL-T3-MAIN")).isEmpty();
        Finding row = findings(r, "BAL-T3-TOTAL-ROW").get(0);
        assertThat(row.location().col()).isEqualTo("natural");
        assertThat(row.message()).contains("（七）总计33（第533行）", "各项之和34", "差额-1", "予以公开=17（第204行）");
        Finding col = findings(r, "BAL-T3-TOTAL-COL").get(0);
        assertThat(col.location().row()).isEqualTo("3.1");
        assertThat(col.message()).contains("总计18（第216行）", "计算值：19", "自然人=17（第204行）");
        assertThat(bal(r)).hasSize(2);
    }

    @Test
    void failuresInSeveralColumnsOfOneTableAreOneFinding() throws IOException {
        // 一、本年新收: 自然人 33 -> 35 and its 总计 37 -> 39: two columns fail the main relation, one finding lists both
        String t = TestSupport.text("003");
        List<String> lines = new java.util.ArrayList<>(List.of(t.split("\n", -1)));
        lines.set(167, lines.get(167).replace("33", "35"));
        int total = -1;
        for (int i = 168; i < 200 && total < 0; i++) if (lines.get(i).strip().matches("37\\s*\\|")) total = i;
        lines.set(total, lines.get(total).replace("37", "39"));
        Path f = tmp.resolve("003-two-cols.txt");
        Files.writeString(f, String.join("\n", lines), StandardCharsets.UTF_8);
        AuditResult r = TestSupport.auditor().audit(f);
        assertThat(findings(r, "BAL-T3-MAIN")).singleElement().satisfies(x ->
                assertThat(x.message()).contains("（2列）", "（1）“自然人”列", "（2）“总计”列", "第一项35（第168行）", "第一项39"));
    }

    @Test
    void totalRowCellChanged() throws IOException {
        AuditResult r = editLine("003", 545, "37", "38"); // （七）总计 / 总计
        assertThat(findings(r, "BAL-T3-MAIN")).singleElement().satisfies(f -> assertThat(f.location().col()).isEqualTo("total"));
        assertThat(findings(r, "BAL-T3-TOTAL-ROW")).singleElement().satisfies(f -> assertThat(f.message()).contains("总计38（第545行）"));
        assertThat(findings(r, "BAL-T3-TOTAL-COL")).singleElement().satisfies(f -> assertThat(f.location().row()).isEqualTo("3.7"));
    }

    @Test
    void newApplicationsChanged() throws IOException {
        AuditResult r = editLine("003", 168, "33", "35"); // 一、本年新收 / 自然人
        assertThat(findings(r, "BAL-T3-MAIN")).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("第一项35（第168行）", "差额2");
            assertThat(f.location().col()).isEqualTo("natural");
        });
        assertThat(findings(r, "BAL-T3-TOTAL-COL")).singleElement().satisfies(f -> assertThat(f.location().row()).isEqualTo("1"));
        assertThat(findings(r, "BAL-T3-TOTAL-ROW")).isEmpty();
    }

    @Test
    void reviewTotalChanged() throws IOException {
        AuditResult r = editLine("003", 615, "8", "9"); // 行政复议 总计
        Finding f = findings(r, "BAL-T4-TOTAL").get(0);
        assertThat(f.location().row()).isEqualTo("review");
        assertThat(f.message()).contains("行政复议", "总计9（第615行）", "计算值：8", "差额1", "结果维持=4（第607行）");
        assertThat(bal(r)).hasSize(1);
        AuditResult r2 = editLine("003", 621, "5", "6"); // 未经复议直接起诉 其他结果
        assertThat(findings(r2, "BAL-T4-TOTAL")).singleElement().satisfies(x -> assertThat(x.location().row()).isEqualTo("suit_direct"));
    }

    @Test
    void negativeAndNonNumericCells() throws IOException {
        AuditResult neg = editLine("003", 206, "2", "-2"); // 予以公开 / 商业企业
        assertThat(findings(neg, "TAB-NEGATIVE")).singleElement().satisfies(f -> assertThat(f.message()).contains("第206行", "-2"));
        assertThat(findings(audit("003"), "TAB-NEGATIVE")).isEmpty(); // 本年增/减 -177 is allowed
        AuditResult txt = editLine("003", 210, "0", "无"); // 予以公开 / 社会公益组织
        assertThat(findings(txt, "TAB-NONNUMERIC")).singleElement().satisfies(f -> {
            assertThat(f.evidence()).isEqualTo("无");
            assertThat(f.location().line()).isEqualTo(210);
        });
        assertThat(bal(txt)).isEmpty(); // relations over an unreadable cell are not judged
    }

    @Test
    void missingTableAndMissingRow() throws IOException {
        String t = TestSupport.text("003");
        String cut = t.substring(0, t.indexOf("四、政府信息公开行政复议、行政诉讼情况")) + "四、政府信息公开行政复议、行政诉讼情况\n本年度未发生。\n"
                + t.substring(t.indexOf("五、存在的主要问题及改进情况"));
        Path f = tmp.resolve("003-no-t4.txt");
        Files.writeString(f, cut, StandardCharsets.UTF_8);
        AuditResult r = TestSupport.auditor().audit(f);
        assertThat(findings(r, "TAB-MISSING")).singleElement().satisfies(x -> assertThat(x.location().table()).isEqualTo("T4"));

        AuditResult rows = editLine("003", 357, "8.属于行政查询事项", "8.");
        assertThat(findings(rows, "TAB-ROWS")).singleElement().satisfies(x -> {
            assertThat(x.location().row()).isEqualTo("3.3.8");
            assertThat(x.message()).contains("属于行政查询事项");
        });
        // absent result rows: no (七)总计 computed from rows that are not there
        assertThat(findings(rows, "BAL-T3-TOTAL-ROW")).isEmpty();
        assertThat(findings(audit("003"), "TAB-ROWS")).isEmpty();
    }
}
