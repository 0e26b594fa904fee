package nianbao.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nianbao.CliRun;
import nianbao.TestSupport;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFDataValidation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spring review end to end through the command line, on the real samples: batch, decide in
 * summary.xlsx (dismiss one finding of 003, confirm another, add a manual problem, leave a decision
 * whose finding does not exist), re-run with --decisions, and read back every output (JSON, HTML,
 * the workbook, the .docx notices with POI).
 */
class ReviewWorkflowTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DataFormatter FMT = new DataFormatter();
    private static final String STEM_003 = "003_a649cb153f94700b", STEM_004 = "004_75957690f29c90b5";

    @TempDir
    Path tmp;

    @Test
    void decisionsFromTheWorkbookChangeScoresPagesAndNoticesAndIdsStayStable() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        try (var s = Files.list(TestSupport.SAMPLES)) {
            for (Path p : s.toList()) Files.copy(p, in.resolve(p.getFileName()));
        }
        Path out1 = tmp.resolve("out1");
        assertThat(CliRun.run("batch", in.toString(), "-o", out1.toString(), "--no-cache").code()).isZero();
        JsonNode before = json(out1.resolve(STEM_003 + ".json"));
        assertThat(before.path("grade").asText()).isEqualTo("不合格");   // defaced: capped
        int score003 = before.path("score").asInt(), score004 = json(out1.resolve(STEM_004 + ".json")).path("score").asInt();

        // The workbook: Chinese headers, ids, the verdict drop-down.
        Path decisions = tmp.resolve("审核结论.xlsx");
        String dismissedId, confirmedId;
        int dismissedPoints;
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(out1.resolve("summary.xlsx")))) {
            XSSFSheet sheet = wb.getSheet("问题明细");
            Map<String, Integer> col = header(sheet);
            assertThat(col).containsKeys("文件", "问题编号", "问题代码", "严重程度", "扣分", "问题描述", "审核结论", "审核意见");
            assertThat(wb.getSheet("报告").getRow(0).getCell(0).getStringCellValue()).isEqualTo("文件");
            assertThat(wb.getSheet("补充问题")).isNotNull();
            List<XSSFDataValidation> dv = sheet.getDataValidations();
            assertThat(dv).anySatisfy(v -> {
                assertThat(v.getValidationConstraint().getExplicitListValues()).containsExactly("确认", "驳回", "待定");
                assertThat(v.getRegions().getCellRangeAddress(0).getFirstColumn()).isEqualTo(col.get("审核结论"));
            });
            List<Row> rows003 = new ArrayList<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (cell(row, col.get("文件")).contains(STEM_003) && Integer.parseInt(cell(row, col.get("扣分"))) > 0) rows003.add(row);
            }
            assertThat(rows003).hasSizeGreaterThanOrEqualTo(2);
            Row dismiss = rows003.get(0), confirm = rows003.get(1);
            dismissedId = cell(dismiss, col.get("问题编号"));
            confirmedId = cell(confirm, col.get("问题编号"));
            dismissedPoints = Integer.parseInt(cell(dismiss, col.get("扣分")));
            assertThat(dismissedId).startsWith("F-").isNotEqualTo(confirmedId);
            dismiss.getCell(col.get("审核结论"), Row.MissingCellPolicy.CREATE_NULL_AS_BLANK).setCellValue("驳回");
            dismiss.getCell(col.get("审核意见"), Row.MissingCellPolicy.CREATE_NULL_AS_BLANK).setCellValue("经核实为页面模板中的友情链接，非植入内容<b>");
            confirm.getCell(col.get("审核结论"), Row.MissingCellPolicy.CREATE_NULL_AS_BLANK).setCellValue("确认");
            confirm.getCell(col.get("审核意见"), Row.MissingCellPolicy.CREATE_NULL_AS_BLANK).setCellValue("请立即清理");
            // a decision whose finding does not exist (e.g. a report since corrected)
            Row ghost = sheet.createRow(sheet.getLastRowNum() + 1);
            ghost.createCell(col.get("文件")).setCellValue("in/已删除.txt");
            ghost.createCell(col.get("问题编号")).setCellValue("F-000000000000");
            ghost.createCell(col.get("审核结论")).setCellValue("驳回");
            ghost.createCell(col.get("审核意见")).setCellValue("旧结论");
            // a problem the machine missed, for 004 (named by file name only)
            Sheet manual = wb.getSheet("补充问题");
            Map<String, Integer> mc = header(manual);
            Row m = manual.createRow(1);
            m.createCell(mc.get("文件")).setCellValue(STEM_004 + ".txt");
            m.createCell(mc.get("问题代码")).setCellValue("人工");
            m.createCell(mc.get("严重程度")).setCellValue("重要");
            m.createCell(mc.get("扣分")).setCellValue(5);
            m.createCell(mc.get("问题描述")).setCellValue("政策解读链接失效");
            m.createCell(mc.get("位置")).setCellValue("S2");
            try (OutputStream os = Files.newOutputStream(decisions)) {
                wb.write(os);
            }
        }
        byte[] decisionsBytes = Files.readAllBytes(decisions);

        Path out2 = tmp.resolve("out2");
        CliRun.Result r2 = CliRun.run("batch", in.toString(), "-o", out2.toString(), "--decisions", decisions.toString(), "--no-cache");
        assertThat(r2.code()).as(r2.err()).isZero();                                   // warnings do not change the exit code
        assertThat(r2.err()).contains("F-000000000000", "失效结论");
        assertThat(Files.readAllBytes(decisions)).isEqualTo(decisionsBytes);          // never modified

        JsonNode after = json(out2.resolve(STEM_003 + ".json"));
        assertThat(after.path("score").asInt()).isEqualTo(score003 + dismissedPoints);
        assertThat(after.path("scoreBeforeReview").asInt()).isEqualTo(score003);
        assertThat(after.path("grade").asText()).isEqualTo("不合格");                    // the confirmed INT-SPAM still caps it
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        for (JsonNode f : after.path("findings")) byId.put(f.path("id").asText(), f);
        assertThat(byId.get(dismissedId).path("decision").path("verdict").asText()).isEqualTo("dismissed");
        assertThat(byId.get(dismissedId).path("decision").path("remark").asText()).startsWith("经核实为页面模板");
        assertThat(byId.get(confirmedId).path("decision").path("verdict").asText()).isEqualTo("confirmed");

        JsonNode after004 = json(out2.resolve(STEM_004 + ".json"));
        assertThat(after004.path("score").asInt()).isEqualTo(Math.max(0, score004 - 5));
        assertThat(after004.path("findings")).anySatisfy(f -> {
            assertThat(f.path("manual").asBoolean()).isTrue();
            assertThat(f.path("id").asText()).startsWith("M-");
            assertThat(f.path("location").path("section").asText()).isEqualTo("S2");
        });

        String html = Files.readString(out2.resolve(STEM_003 + ".html"), StandardCharsets.UTF_8);
        assertThat(html).contains("finding critical dismissed", "已驳回", "已确认", "审核意见：经核实为页面模板中的友情链接，非植入内容&lt;b&gt;", dismissedId)
                .doesNotContain("非植入内容<b>");

        // The notice lists the confirmed problem, not the dismissed one; the bulletin exists.
        Path notice = out2.resolve("notices").resolve(STEM_003 + "-整改通知书.docx");
        String text = docx(notice);
        assertThat(text).contains("整改通知书", confirmedId, "请立即清理", "依据：", "整改要求：", "原文：").doesNotContain(dismissedId);
        assertThat(text).contains(byId.get(confirmedId).path("message").asText());
        assertThat(docx(out2.resolve("通报.docx"))).contains("审核情况的通报", "得分排名", "主要问题", "表现较好的报告", "驳回误报1项");

        // The newest workbook carries the decisions, the manual problem and the orphan forward.
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(out2.resolve("summary.xlsx")))) {
            Sheet sheet = wb.getSheet("问题明细");
            Map<String, Integer> col = header(sheet);
            Map<String, String> verdicts = new LinkedHashMap<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                verdicts.put(cell(row, col.get("问题编号")), cell(row, col.get("审核结论")) + "|" + cell(row, col.get("审核意见")));
            }
            assertThat(verdicts.get(dismissedId)).startsWith("驳回|经核实为页面模板");
            assertThat(verdicts.get(confirmedId)).isEqualTo("确认|请立即清理");
            assertThat(cell(wb.getSheet("补充问题").getRow(1), header(wb.getSheet("补充问题")).get("问题描述"))).isEqualTo("政策解读链接失效");
            Sheet orphans = wb.getSheet("失效结论");
            assertThat(cell(orphans.getRow(1), 0)).isEqualTo("F-000000000000");
        }
        JsonNode summary = json(out2.resolve("summary.json"));
        assertThat(summary.path("totals").path("review").path("dismissed").asInt()).isEqualTo(1);
        assertThat(summary.path("totals").path("review").path("confirmed").asInt()).isEqualTo(2);   // one by hand, one manual
        assertThat(summary.path("orphanedDecisions").get(0).path("id").asText()).isEqualTo("F-000000000000");

        // A reviewer goes on in the newest file: the same decisions apply again.
        Path out3 = tmp.resolve("out3");
        CliRun.Result r3 = CliRun.run("batch", in.toString(), "-o", out3.toString(), "--decisions", out2.resolve("summary.xlsx").toString(), "--no-cache");
        assertThat(r3.code()).isZero();
        assertThat(json(out3.resolve(STEM_003 + ".json")).path("score").asInt()).isEqualTo(score003 + dismissedPoints);

        // Ids: the same on a plain re-run, and after an edit to a rule that does not produce them.
        Path out4 = tmp.resolve("out4");
        assertThat(CliRun.run("batch", in.toString(), "-o", out4.toString(), "--no-cache").code()).isZero();
        Path rules = tmp.resolve("rules");
        copyTree(TestSupport.RULES, rules);
        String period = Files.readString(rules.resolve("period.drl"), StandardCharsets.UTF_8);
        // other wording and weight for the period rules (their findings' ids must not move either)
        String edited = period.replace("@title(\"统计期限与报告年度不符\") @severity(\"major\") @points(5)",
                "@title(\"统计期限和报告年度不一致\") @severity(\"major\") @points(7)").replace("@title(\"未说明统计期限\")", "@title(\"报告没有写明统计期限\")");
        assertThat(edited).isNotEqualTo(period);
        Files.writeString(rules.resolve("period.drl"), edited, StandardCharsets.UTF_8);
        Path out5 = tmp.resolve("out5");
        CliRun.Result r5 = CliRun.run("batch", in.toString(), "-o", out5.toString(), "--rules", rules.toString(), "--no-cache");
        assertThat(r5.code()).as(r5.err()).isZero();
        try (var s = Files.list(in)) {
            for (Path p : s.toList()) {
                String stem = p.getFileName().toString().replaceFirst("\\.txt$", "");
                List<String> ids = ids(out1.resolve(stem + ".json"));
                assertThat(ids).as(stem).isNotEmpty().doesNotHaveDuplicates();
                assertThat(ids(out4.resolve(stem + ".json"))).as(stem).isEqualTo(ids);
                assertThat(ids(out5.resolve(stem + ".json"))).as(stem).containsExactlyInAnyOrderElementsOf(ids);
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
    }

    static List<String> ids(Path json) throws IOException {
        List<String> ids = new ArrayList<>();
        for (JsonNode f : json(json).path("findings")) ids.add(f.path("id").asText());
        return ids;
    }

    static JsonNode json(Path p) throws IOException { return JSON.readTree(p.toFile()); }

    static String docx(Path p) throws IOException {
        assertThat(p).isNotEmptyFile();
        try (InputStream in = Files.newInputStream(p); XWPFDocument doc = new XWPFDocument(in); XWPFWordExtractor x = new XWPFWordExtractor(doc)) {
            return x.getText();
        }
    }

    static Map<String, Integer> header(Sheet s) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (var c : s.getRow(0)) m.put(FMT.formatCellValue(c), c.getColumnIndex());
        return m;
    }

    static String cell(Row row, int col) {
        return row == null || row.getCell(col) == null ? "" : FMT.formatCellValue(row.getCell(col));
    }
}
