package nianbao.rules;

import nianbao.CliRun;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nianbao.TestSupport;
import nianbao.rules.cases.RuleCases;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** rules list / check / test and audit, run through the real command line on copies of the shipped rules. */
class RulesCommandTest {
    @TempDir
    Path tmp;

    /** Sets the cell in the column headed {@code label} of the row whose first cell is {@code key}. */
    static void setTableCell(Path xlsx, String key, String label, Object value) throws IOException {
        Workbook wb;
        try (InputStream in = Files.newInputStream(xlsx)) {
            wb = WorkbookFactory.create(in);
        }
        Sheet sh = wb.getSheetAt(0);
        int col = -1;
        boolean found = false;
        for (Row r : sh) {
            for (Cell c : r) if (c.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING && c.getStringCellValue().equals(label)) col = c.getColumnIndex();
            Cell first = r.getCell(0);
            if (col >= 0 && first != null && first.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING && first.getStringCellValue().equals(key)) {
                Cell c = r.getCell(col) == null ? r.createCell(col) : r.getCell(col);
                if (value instanceof Number n) c.setCellValue(n.doubleValue());
                else c.setCellValue(String.valueOf(value));
                found = true;
            }
        }
        if (!found) throw new IllegalArgumentException("no row " + key + " / column " + label + " in " + xlsx);
        try (OutputStream out = Files.newOutputStream(xlsx)) {
            wb.write(out);
        }
        wb.close();
    }

    /** Appends a data row below the last row of the first sheet, as staff would type it. */
    static void appendRow(Path xlsx, String... values) throws IOException {
        Workbook wb;
        try (InputStream in = Files.newInputStream(xlsx)) {
            wb = WorkbookFactory.create(in);
        }
        Sheet sh = wb.getSheetAt(0);
        Row row = sh.createRow(sh.getLastRowNum() + 1);
        for (int i = 0; i < values.length; i++) {
            if (values[i].matches("\\d+")) row.createCell(i).setCellValue(Integer.parseInt(values[i]));
            else if (!values[i].isEmpty()) row.createCell(i).setCellValue(values[i]);
        }
        try (OutputStream out = Files.newOutputStream(xlsx)) {
            wb.write(out);
        }
        wb.close();
    }

    @Test
    void aProvinceDeadlineAndAHeadingVariantTakeEffectFromTheTables() throws Exception {
        Path rules = RulesCli.copyRules(tmp);
        Path edited = tmp.resolve("002-edited.txt");
        Files.writeString(edited, TestSupport.text("002").replace("二、主动公开政府信息情况", "二、主动公开政府信息工作开展情况"), StandardCharsets.UTF_8);
        var before = new nianbao.pipeline.Auditor(new nianbao.ingest.Ingestor(), new nianbao.parse.ReportParser(),
                RuleSet.load(rules, null), nianbao.score.Grading.load(rules)).audit(edited);
        assertThat(TestSupport.findings(before, "DL-LATE")).isEmpty();
        assertThat(TestSupport.findings(before, "SEC-HEADING")).singleElement().satisfies(f -> assertThat(f.message()).contains("不一致"));

        appendRow(rules.resolve("deadlines.drl.xlsx"), "GB", "DEPARTMENT", "", "", "1", "20", "某省通知：部门于1月20日前公布", "本省规定");
        appendRow(rules.resolve("section-headings.drl.xlsx"), "GB", "S2", "变体", "", "二、主动公开政府信息工作开展情况");
        var after = new nianbao.pipeline.Auditor(new nianbao.ingest.Ingestor(), new nianbao.parse.ReportParser(),
                RuleSet.load(rules, null), nianbao.score.Grading.load(rules)).audit(edited);
        assertThat(TestSupport.findings(after, "DL-LATE")).singleElement().satisfies(f -> assertThat(f.message())
                .isEqualTo("发布日期2022-01-24晚于2022年1月20日的时限（某省通知：部门于1月20日前公布），逾期4天"));
        assertThat(TestSupport.findings(after, "SEC-HEADING")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("使用了常见变体标题“二、主动公开政府信息工作开展情况”"));
        assertThat(RulesCli.run("rules", "check", "--rules", rules.toString(), "--no-cache").out()).contains("0 个警告");
    }

    private int scoreOf(Path rules, String sample) throws IOException {
        Path out = Files.createTempDirectory(tmp, "out");
        CliRun.Result r = RulesCli.run("audit", TestSupport.sample(sample).toString(), "--rules", rules.toString(), "--no-cache", "-o", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        try (var s = Files.list(out)) {
            Path json = s.filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow();
            return new ObjectMapper().readTree(json.toFile()).get("score").asInt();
        }
    }

    @Test
    void changingPointsInTheWeightsTableChangesTheScoreOnTheNextAudit() throws IOException {
        Path rules = RulesCli.copyRules(tmp);
        int before = scoreOf(rules, "000"); // 000 has one TXT-GOV-50-4 finding, 5 points in the table
        assertThat(TestSupport.findings(TestSupport.audit("000"), "TXT-GOV-50-4")).hasSize(1);
        setTableCell(rules.resolve("weights.drl.xlsx"), "TXT-GOV-50-4", "扣分", 20);
        int after = scoreOf(rules, "000");
        assertThat(before - after).isEqualTo(15);
        // and the list shows the value in force
        CliRun.Result list = RulesCli.run("rules", "list", "--rules", rules.toString(), "--no-cache");
        assertThat(list.out()).containsPattern("TXT-GOV-50-4\\tmajor\\t20\\t");
    }

    @Test
    void theCompiledRulesCacheDoesNotHideAnEditedTable() throws Exception {
        Path rules = RulesCli.copyRules(tmp);
        Path cache = tmp.resolve("cache");
        RuleSet first = RuleSet.load(rules, cache);
        setTableCell(rules.resolve("weights.drl.xlsx"), "DL-UNKNOWN", "扣分", 7);
        setTableCell(rules.resolve("weights.drl.xlsx"), "DL-UNKNOWN", "严重程度", "minor");
        RuleSet second = RuleSet.load(rules, cache);
        assertThat(second.fingerprint()).isNotEqualTo(first.fingerprint());
        assertThat(second.fromCache()).isFalse(); // the classic build, right after the edit
        // what the detached JVM does when the run ends (CacheWriter), here in this JVM
        assertThat(CacheWriter.write(rules, cache)).isTrue();
        RuleSet third = RuleSet.load(rules, cache);
        assertThat(third.fromCache()).isTrue();
        for (RuleSet set : List.of(second, third)) {
            var auditor = new nianbao.pipeline.Auditor(new nianbao.ingest.Ingestor(), new nianbao.parse.ReportParser(), set,
                    nianbao.score.Grading.load(rules));
            var f = TestSupport.findings(auditor.audit(TestSupport.sample("003")), "DL-UNKNOWN");
            assertThat(f).singleElement().satisfies(x -> {
                assertThat(x.points()).isEqualTo(7);
                assertThat(x.severity()).isEqualTo(nianbao.model.Severity.MINOR);
            });
        }
    }

    @Test
    void aDrlSyntaxErrorStopsCheckAndAuditWithExit2AndFileLine() throws IOException {
        Path rules = RulesCli.copyRules(tmp);
        Path bad = rules.resolve("format.drl");
        List<String> lines = Files.readAllLines(bad, StandardCharsets.UTF_8);
        int n = lines.size();
        Files.writeString(bad, String.join("\n", lines) + "\n\nrule \"坏规则\"\nwhen\n    Report( reportYear > 2000\nthen\nend\n", StandardCharsets.UTF_8);
        int thenLine = n + 5; // the parser notices the missing ')' at "then"
        CliRun.Result check = RulesCli.run("rules", "check", "--rules", rules.toString(), "--no-cache");
        assertThat(check.exit()).isEqualTo(2);
        assertThat(check.err()).contains("format.drl:" + thenLine + ": 语法错误");
        CliRun.Result audit = RulesCli.run("audit", TestSupport.sample("002").toString(), "--rules", rules.toString(), "--no-cache",
                "-o", tmp.resolve("out").toString());
        assertThat(audit.exit()).isEqualTo(2);
        assertThat(audit.err()).contains("format.drl:" + thenLine + ":");
        assertThat(audit.err()).doesNotContain("Exception").doesNotContain("KieProject");
        assertThat(check.err().lines().filter(l -> l.contains(".drl:"))).as("only the parse error, not its follow-on errors").hasSize(1);
    }

    @Test
    void anUndefinedDslSentenceIsReportedAtItsLine() throws IOException {
        Path rules = RulesCli.copyRules(tmp);
        Path dslr = rules.resolve("content.dslr");
        String text = Files.readString(dslr, StandardCharsets.UTF_8).replace("报告机关为人民政府", "报告机关为人民法院");
        Files.writeString(dslr, text, StandardCharsets.UTF_8);
        int line = text.lines().toList().indexOf("    报告机关为人民法院") + 1;
        CliRun.Result check = RulesCli.run("rules", "check", "--rules", rules.toString(), "--no-cache");
        assertThat(check.exit()).isEqualTo(2);
        assertThat(check.err()).contains("content.dslr:" + line + ": 这句中文句式在 .dsl 文件中没有定义");
    }

    @Test
    void aBadValueInADecisionTablePointsAtTheSheetRow() throws IOException {
        Path rules = RulesCli.copyRules(tmp);
        setTableCell(rules.resolve("weights.drl.xlsx"), "SEC-ORDER", "扣分", "两分");
        CliRun.Result check = RulesCli.run("rules", "check", "--rules", rules.toString(), "--no-cache");
        assertThat(check.exit()).isEqualTo(2);
        assertThat(check.err()).containsPattern("weights\\.drl\\.xlsx:\\d+: .*表格第\\d+行");
    }

    @Test
    void aGbkRuleFileIsRejected() throws IOException {
        Path rules = RulesCli.copyRules(tmp);
        Files.write(rules.resolve("local.drl"), "package nianbao.audit;\n// 本省规则\n".getBytes(Charset.forName("GBK")));
        CliRun.Result check = RulesCli.run("rules", "check", "--rules", rules.toString(), "--no-cache");
        assertThat(check.exit()).isEqualTo(2);
        assertThat(check.err()).contains("local.drl:0: 规则文件不是UTF-8编码");
    }

    @Test
    void theShippedRulesCheckCleanAndListEveryCode() throws Exception {
        CliRun.Result check = RulesCli.run("rules", "check", "--no-cache");
        assertThat(check.exit()).as(check.err()).isZero();
        assertThat(check.out()).doesNotContain("警告 / warning:").contains("0 个警告");
        CliRun.Result list = RulesCli.run("rules", "list", "--no-cache");
        for (RuleInfo r : RuleSet.load(TestSupport.RULES, null).rules()) {
            assertThat(r.reportsFindings() || r.supporting()).as(r.name()).isTrue();
            if (r.reportsFindings()) assertThat(list.out()).contains(r.code() + "\t");
        }
        for (String code : List.of("FMT-OUTDATED", "FMT-MIXED", "FMT-UNKNOWN", "YEAR-UNKNOWN", "YEAR-MISMATCH", "SEC-MISSING",
                "SEC-ORDER", "SEC-HEADING", "SEC-THIN", "PER-MISSING", "PER-MISMATCH", "DL-LATE", "DL-UNKNOWN", "TXT-OVERALL",
                "TXT-GOV-50-4", "TXT-FEE")) {
            assertThat(list.out()).contains(code + "\t");
        }
    }

    @Test
    void rulesTestReportsPassedAndFailedAndExits1OnFailure() throws Exception {
        CliRun.Result ok = RulesCli.run("rules", "test", "--no-cache");
        int rules = (int) RuleSet.load(TestSupport.RULES, null).rules().stream().filter(RuleInfo::reportsFindings).count();
        int cases = RuleCases.load(TestSupport.RULES).size();
        assertThat(ok.out()).contains(cases + " passed, 0 failed");
        assertThat(ok.exit()).isZero();
        assertThat(cases).isGreaterThanOrEqualTo(2 * rules);

        Path rulesCopy = RulesCli.copyRules(tmp);
        Files.writeString(rulesCopy.resolve("tests/wrong.case"), "name: 故意写错\nbase: 002_dfcf094cd729cac8.txt\nexpect: DL-LATE\n", StandardCharsets.UTF_8);
        CliRun.Result bad = RulesCli.run("rules", "test", "--rules", rulesCopy.toString(), "--no-cache", "--samples", "samples");
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.out()).contains("FAIL tests/wrong.case（故意写错）").contains(cases + " passed, 1 failed");
    }

    @Test
    void checkWarnsAboutWhatCompilesButCannotBeRight() throws IOException {
        Path rules = RulesCli.copyRules(tmp);
        Files.writeString(rules.resolve("local.drl"), """
                package nianbao.audit;
                import nianbao.model.*;
                global nianbao.rules.Findings findings;
                declare Neverland name : String end
                rule "无元数据"
                when Report( reportYear == null ) then findings.add(drools.getRule(), "x", Location.none(), "");
                end
                rule "重复代码"
                    @code("SEC-MISSING") @title("缺少必备章节") @severity("major") @points(9) @category("章节") @basis("b")
                when Report() then end
                rule "不存在的章节"
                    @code("LOCAL-S9") @title("t") @severity("minor") @points(1) @category("c") @basis("b")
                when Section( id == "S9" ) then end
                rule "永不插入"
                    @code("LOCAL-NEVER") @title("t") @severity("minor") @points(1) @category("c")
                when Neverland() then end
                """, StandardCharsets.UTF_8);
        setTableCell(rules.resolve("deadlines.drl.xlsx"), "GB", "机关层级", "GOVERMENT");
        appendRow(rules.resolve("lexicon.drl.xlsx"), "总体情况", "坏词", "", "监督(保障");
        // a merged region whose second cell does not physically exist
        Path table = rules.resolve("weights.drl.xlsx");
        Workbook wb;
        try (InputStream in = Files.newInputStream(table)) {
            wb = WorkbookFactory.create(in);
        }
        Row far = wb.getSheetAt(0).createRow(200);
        far.createCell(0).setCellValue("x");
        wb.getSheetAt(0).addMergedRegion(new CellRangeAddress(200, 200, 0, 1));
        try (OutputStream out = Files.newOutputStream(table)) {
            wb.write(out);
        }
        wb.close();

        CliRun.Result check = RulesCli.run("rules", "check", "--rules", rules.toString(), "--no-cache");
        assertThat(check.exit()).as(check.err()).isZero();
        assertThat(check.out())
                .contains("规则“无元数据”: 规则没有 @code")
                .contains("SEC-MISSING: 问题代码重复且元数据不一致 / duplicate code with conflicting points")
                .contains("local.drl:13: 章节代号“S9”不存在")
                .contains("规则“永不插入”: 缺少元数据 / missing metadata: @basis")
                .contains("规则“永不插入”: 需要 Neverland 事实")
                .contains("机关层级“GOVERMENT”不存在")
                .contains("词语“监督(保障”不是有效的写法")
                .contains("合并单元格 A201:B201 中 B201 没有实际单元格")
                .contains("LOCAL-NEVER: rules/tests 中缺少 触发用例");
    }

    @Test
    void theHtmlCatalogueShowsMetadataAndExamplesFromTheCases() throws IOException {
        Path html = tmp.resolve("catalogue.html");
        CliRun.Result r = RulesCli.run("rules", "list", "--format", "html", "-o", html.toString(), "--no-cache");
        assertThat(r.exit()).as(r.err()).isZero();
        String page = Files.readString(html, StandardCharsets.UTF_8);
        assertThat(page).contains("SEC-MISSING", "缺少必备章节", "条例第五十条", "sec-missing-fires.case", "sec-missing-ok.case")
                .contains("未找到必备章节“六、其他需要报告的事项”（S6）") // the message the failing case produced
                .contains("把“六、其他需要报告的事项”改为“”")
                .containsPattern("415 +2022年2月24日"); // the numbered report line of the late-publication example
    }
}
