package nianbao.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import nianbao.CliRun;
import nianbao.TestSupport;
import nianbao.model.Location;
import nianbao.model.Severity;
import nianbao.pipeline.AuditResult;
import nianbao.score.Grading;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a decisions workbook: what it accepts, the one-line errors for what it cannot use, and applying it to a real audit. */
class DecisionsTest {
    @TempDir
    Path tmp;

    /** A workbook made the way a reviewer's would be: sheet 问题明细 with the given header and rows, optional 补充问题 rows. */
    private Path workbook(String name, List<String> header, List<List<String>> rows, List<List<String>> manual) throws IOException {
        Path p = tmp.resolve(name);
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            fill(wb.createSheet("问题明细"), header, rows);
            if (manual != null) fill(wb.createSheet("补充问题"), List.of("文件", "问题代码", "严重程度", "扣分", "问题描述", "位置", "依据"), manual);
            try (OutputStream os = Files.newOutputStream(p)) {
                wb.write(os);
            }
        }
        return p;
    }

    private static void fill(Sheet s, List<String> header, List<List<String>> rows) {
        Row h = s.createRow(0);
        for (int i = 0; i < header.size(); i++) h.createCell(i).setCellValue(header.get(i));
        for (int r = 0; r < rows.size(); r++) {
            Row row = s.createRow(r + 1);
            for (int i = 0; i < rows.get(r).size(); i++) if (!rows.get(r).get(i).isEmpty()) row.createCell(i).setCellValue(rows.get(r).get(i));
        }
    }

    // Columns in another order than summary.xlsx writes them, and extra ones: they are found by header.
    private static final List<String> HEADER = List.of("审核意见", "备注", "问题编号", "文件", "审核结论");

    @Test
    void readsVerdictsByHeaderInAnyColumnOrder() throws Exception {
        Path p = workbook("d.xlsx", HEADER, List.of(
                List.of("误报", "", "F-aaaaaaaaaaaa", "a.txt", "驳回"),
                List.of("", "", "F-bbbbbbbbbbbb", "a.txt", "确认"),
                List.of("再核实", "", "F-cccccccccccc", "a.txt", ""),            // a remark alone: pending
                List.of("", "x", "F-dddddddddddd", "a.txt", ""),                 // nothing decided
                List.of("", "", "F-eeeeeeeeeeee", "a.txt", "dismissed")), null);
        Decisions d = Decisions.load(p);
        assertThat(d.get("F-aaaaaaaaaaaa").verdict()).isEqualTo(Verdict.DISMISSED);
        assertThat(d.get("F-aaaaaaaaaaaa").remark()).isEqualTo("误报");
        assertThat(d.get("F-bbbbbbbbbbbb").verdict()).isEqualTo(Verdict.CONFIRMED);
        assertThat(d.get("F-cccccccccccc").verdict()).isEqualTo(Verdict.PENDING);
        assertThat(d.get("F-dddddddddddd")).isNull();
        assertThat(d.get("F-eeeeeeeeeeee").verdict()).isEqualTo(Verdict.DISMISSED);
        assertThat(d.orphans(Set.of("F-aaaaaaaaaaaa"))).extracting(Decision::id)
                .containsExactly("F-bbbbbbbbbbbb", "F-cccccccccccc", "F-eeeeeeeeeeee");
    }

    @Test
    void unusableFilesGiveOneLineErrorsNamingTheProblem() throws Exception {
        Path text = tmp.resolve("结论.xlsx");
        Files.writeString(text, "问题编号,审核结论\nF-1,驳回\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Decisions.load(text)).isInstanceOf(DecisionsException.class)
                .hasMessageContaining("结论.xlsx").hasMessageContaining("不是Excel工作簿").hasMessageContaining("not an Excel workbook");

        Path noColumn = workbook("nocol.xlsx", List.of("问题编号", "审核意见"), List.of(List.of("F-1", "x")), null);
        assertThatThrownBy(() -> Decisions.load(noColumn)).hasMessageContaining("nocol.xlsx").hasMessageContaining("缺少列 审核结论")
                .hasMessageContaining("lacks the columns");

        Path badVerdict = workbook("bad.xlsx", HEADER, List.of(List.of("", "", "F-1", "a.txt", "同意")), null);
        assertThatThrownBy(() -> Decisions.load(badVerdict)).hasMessageContaining("问题明细第2行").hasMessageContaining("“同意”")
                .hasMessageContaining("unknown verdict");

        Path badManual = workbook("manual.xlsx", HEADER, List.of(), List.of(List.of("a.txt", "", "很严重", "5", "缺少链接", "", "")));
        assertThatThrownBy(() -> Decisions.load(badManual)).hasMessageContaining("补充问题第2行").hasMessageContaining("很严重");
        Path badPoints = workbook("points.xlsx", HEADER, List.of(), List.of(List.of("a.txt", "", "重要", "五分", "缺少链接", "", "")));
        assertThatThrownBy(() -> Decisions.load(badPoints)).hasMessageContaining("扣分“五分”");

        for (DecisionsException e : List.of(catchIt(text), catchIt(noColumn), catchIt(badVerdict))) {
            assertThat(e.getMessage()).doesNotContain("\n");
        }
        assertThat(catchIt(tmp.resolve("missing.xlsx")).getMessage()).contains("missing.xlsx", "不存在");
    }

    private static DecisionsException catchIt(Path p) {
        try {
            Decisions.load(p);
            throw new AssertionError("loaded " + p);
        } catch (DecisionsException e) {
            return e;
        }
    }

    @Test
    void aVerdictWithoutAnIdIsAWarningNotSilence() throws Exception {
        Path p = workbook("w.xlsx", HEADER, List.of(List.of("跨报告问题也看过", "", "", "a.txt ; b.txt", "确认")), null);
        Decisions d = Decisions.load(p);
        assertThat(d.all()).isEmpty();
        assertThat(d.warnings()).singleElement().asString().contains("问题明细第2行", "没有问题编号");
    }

    @Test
    void decisionsAndManualProblemsApplyToARealAudit() throws Exception {
        AuditResult r = TestSupport.audit("002");
        List<String> ids = FindingIds.assign(r.report(), r.findings());
        int i = 0;
        while (r.findings().get(i).points() == 0) i++;
        int dismissed = r.findings().get(i).points();
        String file = Path.of(r.source()).getFileName().toString();
        Path p = workbook("d.xlsx", HEADER, List.of(List.of("误报", "", ids.get(i), file, "驳回")),
                List.of(List.of(file, "", "一般", "3", "附件表格无法打开", "第 12 行", "")));
        Decisions d = Decisions.load(p);
        Grading g = Grading.load(TestSupport.RULES);
        Reviewed rv = d.apply(r, "002_dfcf094cd729cac8", g);
        assertThat(rv.score()).isEqualTo(Math.max(0, Math.min(100, r.score() + dismissed - 3)));
        assertThat(rv.items()).hasSize(r.findings().size() + 1);
        Item manual = rv.items().get(rv.items().size() - 1);
        assertThat(manual.manual()).isTrue();
        assertThat(manual.id()).startsWith("M-");
        assertThat(manual.finding().severity()).isEqualTo(Severity.MINOR);
        assertThat(manual.finding().location()).isEqualTo(Location.line(12));
        assertThat(manual.confirmed()).isTrue();
        // another report is not touched by a manual row naming 002
        Reviewed other = d.apply(TestSupport.audit("001"), "001_b199cdbee76e2a89", g);
        assertThat(other.manual()).isZero();
        assertThat(d.orphans(Set.copyOf(rv.items().stream().map(Item::id).toList()))).isEmpty();
    }

    @Test
    void theCommandLineRejectsABadDecisionsFileWithExitTwoAndWritesNothing() throws Exception {
        Path text = tmp.resolve("结论.xlsx");
        Files.writeString(text, "not a workbook", StandardCharsets.UTF_8);
        Path out = tmp.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("summary.json"), "{\"earlier\":true}", StandardCharsets.UTF_8);
        CliRun.Result r = CliRun.run("batch", "samples", "-o", out.toString(), "--decisions", text.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).doesNotContain("\n").startsWith("错误 / error: ").contains("结论.xlsx", "不是Excel工作簿");
        // nothing is lost: the earlier outputs are untouched
        assertThat(Files.readString(out.resolve("summary.json"), StandardCharsets.UTF_8)).isEqualTo("{\"earlier\":true}");

        Path bad = workbook("bad.xlsx", HEADER, List.of(List.of("", "", "F-1", "a.txt", "通过")), null);
        CliRun.Result a = CliRun.run("audit", "samples/000_30f21ffa1848b77a.txt", "-o", out.toString(), "--decisions", bad.toString());
        assertThat(a.code()).isEqualTo(2);
        assertThat(a.err()).contains("bad.xlsx", "“通过”");
    }

    @Test
    void auditAppliesDecisionsToTheFilesItAuditsAndWarnsOnlyAboutTheirOrphans() throws Exception {
        AuditResult r = TestSupport.audit("003");
        List<String> ids = FindingIds.assign(r.report(), r.findings());
        int points = r.findings().get(0).points();
        assertThat(points).isPositive();
        String file = Path.of(r.source()).getFileName().toString();
        Path p = workbook("d.xlsx", HEADER, List.of(
                List.of("误报", "", ids.get(0), "samples/" + file, "驳回"),
                List.of("已更正", "", "F-0123456789ab", "samples/" + file, "确认"),            // gone from this file: warned
                List.of("", "", "F-ba9876543210", "samples/000_30f21ffa1848b77a.txt", "确认")),  // another file's: not audited now, no warning
                null);
        Path out = tmp.resolve("out");
        CliRun.Result a = CliRun.run("audit", r.source(), "-o", out.toString(), "--decisions", p.toString(), "--no-cache");
        assertThat(a.code()).as(a.err()).isZero();
        assertThat(a.err()).contains("F-0123456789ab").doesNotContain("F-ba9876543210");
        var json = ReviewWorkflowTest.json(out.resolve(file.replaceFirst("\\.txt$", ".json")));
        assertThat(json.path("score").asInt()).isEqualTo(Math.min(100, r.score() + points));
        assertThat(json.path("findings").get(0).path("decision").path("verdict").asText()).isEqualTo("dismissed");
        assertThat(a.out()).contains(json.path("score").asInt() + "分");
    }
}
