package nianbao.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import nianbao.TestSupport;
import nianbao.model.Finding;
import nianbao.model.Section;
import nianbao.pipeline.AuditResult;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crawler export whose rows are a separately published statistics table and the report itself, as portals list
 * them in the annual-report column: each row is audited as users get it ({@code Auditor.auditAll}), real files
 * written (CSV by commons-csv, XLSX by POI) and read back, real parser and Drools session. The row's title column
 * is its title whatever it says; the statistics table gets the one not-annual verdict, the report is audited as a
 * report. The tables and titles are written for the test (another layout than any corpus file).
 */
class ExportRowsTest {
    /** A local statistics table in its own layout: tab-separated 指标/单位/数量 rows. */
    static final String TABLE = String.join("\n",
            "指标名称\t计量单位\t数量",
            "一、主动公开政府信息数\t条\t412",
            "其中：规范性文件\t件\t7",
            "二、依申请公开",
            "（一）收到申请数\t件\t9",
            "（二）办结数\t件\t9",
            "三、行政复议\t件\t1",
            "四、行政诉讼\t件\t0",
            "五、收取费用\t万元\t0");
    /** The report row's title column: 年报, not 报告, while the body's second line is "…工作年度报告". */
    static final String REPORT_TITLE = "繁峙县人民政府办公室2021年度政府信息公开工作年报";

    @TempDir
    Path tmp;

    private static List<String> codes(AuditResult r) {
        return r.findings().stream().map(Finding::code).toList();
    }

    private static List<String> sections(AuditResult r) {
        return r.report().sections().stream().map(Section::id).toList();
    }

    /** Writes a CSV export with commons-csv: one row per {title, date, content}. */
    static Path csv(Path file, String[] header, String[][] rows) throws Exception {
        StringWriter w = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT)) {
            p.printRecord((Object[]) header);
            for (String[] r : rows) p.printRecord((Object[]) r);
        }
        Files.writeString(file, w.toString(), StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void csvStatisticsTableRowGetsOneVerdictAndTheReportRowKeepsItsTitleColumn() throws Exception {
        String sample = TestSupport.text("002");
        Path f = csv(tmp.resolve("年报栏目.csv"), new String[] {"标题", "发布时间", "内容", "链接"}, new String[][] {
                {"繁峙县政府信息公开统计数据（2021年度）", "2022-01-20 10:31:00", TABLE, "http://example.gov.cn/a/1.html"},
                {REPORT_TITLE, "2022年01月24日", sample, "http://example.gov.cn/a/2.html"}});
        List<AuditResult> rows = TestSupport.auditor().auditAll(f);
        assertThat(rows).hasSize(2);

        AuditResult table = rows.get(0);
        assertThat(table.failed()).as(table.errorMessage()).isFalse();
        assertThat(table.report().title()).isEqualTo("繁峙县政府信息公开统计数据（2021年度）");
        assertThat(codes(table)).containsExactly("NOT-ANNUAL-REPORT");
        assertThat(table.findings().get(0).message()).contains("统计表", "不是政府信息公开工作年度报告");
        assertThat(table.report().publishedOn()).isEqualTo(LocalDate.of(2022, 1, 20));

        AuditResult report = rows.get(1);
        assertThat(report.report().title()).as("the title column, not the body's own title line").isEqualTo(REPORT_TITLE);
        assertThat(report.report().agency()).isEqualTo("繁峙县人民政府办公室");
        assertThat(report.report().reportYear()).isEqualTo(2021);
        assertThat(report.report().publishedOn()).isEqualTo(LocalDate.of(2022, 1, 24));
        assertThat(codes(report)).doesNotContain("NOT-ANNUAL-REPORT", "FMT-UNKNOWN", "SEC-MISSING", "YEAR-UNKNOWN");
        assertThat(sections(report)).containsExactlyElementsOf(sections(TestSupport.audit("002")));
    }

    /** A title column that is no report title at all still is the title: the body's sentences do not replace it. */
    @Test
    void aTitleColumnWithoutTheWordReportIsNotReplacedByABodySentence() throws Exception {
        String body = "现将本局2022年政府信息公开工作年度报告公布如下。\n" + TestSupport.text("002");
        Path f = csv(tmp.resolve("one.csv"), new String[] {"题目", "日期", "正文"}, new String[][] {
                {"某县审计局　　信息公开年度情况", "2023/1/9", body}});
        AuditResult r = TestSupport.auditor().audit(f);
        assertThat(r.report().title()).isEqualTo("某县审计局 信息公开年度情况");
        assertThat(r.report().titleLine()).isPositive();
        assertThat(codes(r)).doesNotContain("NOT-ANNUAL-REPORT");
    }

    /**
     * A 30号-format table III published alone, months after the deadline: the verdict silences what presupposes a
     * report (parts, missing tables II and IV, period, deadline); the table's own figures may still be checked.
     */
    @Test
    void aStandaloneGbTableGetsTheVerdictAndNothingThatPresupposesAReport() throws Exception {
        String sample = TestSupport.text("002");
        String table = sample.substring(sample.indexOf("三、收到和处理政府信息公开申请情况"), sample.indexOf("四、政府信息公开行政复议"));
        Path f = csv(tmp.resolve("t3.csv"), new String[] {"标题", "发布时间", "内容"}, new String[][] {
                {"繁峙县2021年政府信息公开申请办理情况统计表", "2022-05-24", table}});
        AuditResult r = TestSupport.auditor().audit(f);
        assertThat(r.report().cells()).as("table III is read").isNotEmpty();
        assertThat(codes(r)).contains("NOT-ANNUAL-REPORT")
                .doesNotContain("FMT-UNKNOWN", "SEC-MISSING", "SEC-ORDER", "SEC-HEADING", "SEC-THIN", "TAB-MISSING", "TAB-ROWS",
                        "YEAR-UNKNOWN", "YEAR-MISMATCH", "PER-MISSING", "PER-MISMATCH", "DL-LATE", "DL-UNKNOWN");
    }

    @Test
    void xlsxWrittenByPoiReportFirstThenTheStatisticsTable() throws Exception {
        Path f = tmp.resolve("导出.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream o = Files.newOutputStream(f)) {
            XSSFSheet s = wb.createSheet("年报");
            CellStyle dateStyle = wb.createCellStyle();
            dateStyle.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy年m月d日"));
            String[] header = {"题目", "发布日期", "正文", "网址"};
            Row h = s.createRow(0);
            for (int i = 0; i < header.length; i++) h.createCell(i).setCellValue(header[i]);
            Object[][] rows = {
                    {REPORT_TITLE, LocalDate.of(2022, 1, 24), TestSupport.text("002")},
                    {"政府信息公开情况统计表　（2021年度）", LocalDate.of(2022, 1, 24), TABLE}};
            for (int r = 0; r < rows.length; r++) {
                Row row = s.createRow(1 + r);
                row.createCell(0).setCellValue((String) rows[r][0]);
                row.createCell(1).setCellValue((LocalDate) rows[r][1]);
                row.getCell(1).setCellStyle(dateStyle);
                row.createCell(2).setCellValue((String) rows[r][2]);
                row.createCell(3).setCellValue("http://example.gov.cn/x/" + r);
            }
            wb.write(o);
        }
        List<AuditResult> rows = TestSupport.auditor().auditAll(f);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).report().title()).isEqualTo(REPORT_TITLE);
        assertThat(codes(rows.get(0))).doesNotContain("NOT-ANNUAL-REPORT", "FMT-UNKNOWN");
        assertThat(sections(rows.get(0))).containsExactlyElementsOf(sections(TestSupport.audit("002")));
        AuditResult table = rows.get(1);
        assertThat(table.report().title()).isEqualTo("政府信息公开情况统计表 （2021年度）");
        assertThat(codes(table)).containsExactly("NOT-ANNUAL-REPORT");
        assertThat(table.report().publishedOn()).isEqualTo(LocalDate.of(2022, 1, 24));
    }
}
