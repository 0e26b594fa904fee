package nianbao.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import nianbao.TestSupport;
import nianbao.ingest.Ingestor;
import nianbao.model.Cell;
import nianbao.model.CellStatus;
import nianbao.model.Finding;
import nianbao.model.Report;
import nianbao.parse.ReportParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every sentence of the shipped rules/audit.dsl, used in rules written the way policy staff would
 * write them, compiled together with the shipped rules and run on a real sample (and on table
 * cells built here, since the table extractor is another stage): each fires where it should and
 * stays quiet where it should not.
 */
class DslShapesTest {
    @TempDir
    static Path tmp;

    static RuleSet rules;
    static String dslr;

    private static final String META = "@title(\"t\") @severity(\"minor\") @points(1) @category(\"测试\") @basis(\"测试\")";

    private static String rule(String code, String when, String then) {
        return "rule \"" + code + "\"\n    @code(\"" + code + "\") " + META + "\nwhen\n" + when.indent(4) + "then\n" + then.indent(4) + "end\n\n";
    }

    @BeforeAll
    static void compile() throws Exception {
        Path dir = RulesCli.copyRules(tmp);
        dslr = "package nianbao.audit;\n\nimport nianbao.model.*;\nglobal nianbao.rules.Findings findings;\n\n"
                + rule("T-NO-S6", "报告格式为 GB_2021\n缺少章节 S6", "记录问题 \"30号格式报告缺少第六部分\"")
                + rule("T-GOV", "报告为60号或30号格式\n报告机关为人民政府", "记录问题 \"人民政府\"")
                + rule("T-DEPT", "报告机关为政府部门", "记录问题 \"部门\"")
                + rule("T-TOWN", "报告机关为乡镇街道", "记录问题 \"乡镇\"")
                + rule("T-IS-REPORT", "本文件是年度报告", "记录问题 \"是年度报告\"")
                + rule("T-TEXT-ABSENT", "全文没有提到 \"区块链|元宇宙\"", "记录问题 \"没有提到区块链\"")
                + rule("T-TEXT-PRESENT", "全文没有提到 \"政务公开\"", "记录问题 \"没有提到政务公开\"")
                + rule("T-S2-WORD", "章节 S2 中没有提到 \"区块链\"", "在该章节记录问题 \"主动公开部分没有提到区块链\"")
                + rule("T-S6-SHORT", "章节 S6 的正文少于 1000 个字", "在该章节记录问题 \"第六部分不足1000字\"")
                + rule("T-S1-SHORT", "章节 S1 的正文少于 5 个字", "在该章节记录问题 \"总体情况不足5字\"")
                + rule("T-LATE-TABLE", "发布日期晚于发布时限表中的时限", "记录逾期问题")
                + rule("T-LATE-0120", "发布日期晚于次年 1 月 20 日", "在发布日期处记录问题 \"晚于1月20日\"")
                + rule("T-LATE-0131", "发布日期晚于次年 1 月 31 日", "在发布日期处记录问题 \"晚于1月31日\"")
                + rule("T-CELL-GT", "表 T3 行 3.1 列 total 的数值大于 40", "在该单元格记录问题 \"予以公开总数大于40\"")
                + rule("T-CELL-GT-60", "表 T3 行 3.1 列 total 的数值大于 60", "在该单元格记录问题 \"予以公开总数大于60\"")
                + rule("T-CELL-LT", "表 T3 行 1 列 natural 的数值小于 0", "在该单元格记录问题 \"新收申请数为负\"")
                + rule("T-CELL-ANY", "表 T4 中有数值小于 0 的单元格", "在该单元格记录问题 \"复议诉讼表有负数\"");
        Files.writeString(dir.resolve("shapes-test.dslr"), dslr, StandardCharsets.UTF_8);
        rules = RuleSet.load(dir, null);
    }

    private static Report parse(String sample, String from, String to) throws Exception {
        String text = TestSupport.text(sample);
        if (from != null) {
            assertThat(text).contains(from);
            text = text.replace(from, to);
        }
        Path f = Files.createTempFile(tmp, sample, ".txt");
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return new ReportParser().parse(new Ingestor().read(f));
    }

    private static Report withCells(Report r, List<Cell> cells) {
        return new Report(r.source(), r.sha256(), r.title(), r.titleLine(), r.agency(), r.agencyLevel(), r.reportYear(), r.titleYear(),
                r.bodyYear(), r.publishedOn(), r.publishedLine(), r.publishedEvidence(), r.period(), r.formatDetected(),
                r.formatExpected(), r.markers(), r.sections(), cells, r.lines(), r.text(), r.statements(), r.notes());
    }

    private static Cell cell(String table, String row, String col, String raw, int line) {
        return new Cell(table, row, col, new BigDecimal(raw), raw, line, CellStatus.NUMBER, false);
    }

    private static List<String> codes(Report r) {
        return rules.evaluate(r).stream().map(Finding::code).filter(c -> c.startsWith("T-")).toList();
    }

    @Test
    void everySentenceOfTheShippedDslIsExercisedHere() throws Exception {
        for (String line : Files.readAllLines(Path.of("rules/audit.dsl"), StandardCharsets.UTF_8)) {
            if (!line.startsWith("[when]") && !line.startsWith("[then]")) continue;
            String key = line.substring(6, line.indexOf('='));
            Pattern p = Pattern.compile("(?m)^\\s*" + Pattern.quote(key).replaceAll("\\{[^}]+}", "\\\\E.+?\\\\Q") + "\\s*$");
            assertThat(p.matcher(dslr).find()).as("sentence not covered by this test: " + key).isTrue();
        }
    }

    @Test
    void reportAndSectionSentences() throws Exception {
        Report dept = parse("002", null, null); // a 2021 department report, on time, with all six sections
        assertThat(codes(dept)).contains("T-DEPT", "T-TEXT-ABSENT", "T-S2-WORD", "T-S6-SHORT", "T-LATE-0120")
                .doesNotContain("T-NO-S6", "T-GOV", "T-TOWN", "T-TEXT-PRESENT", "T-S1-SHORT", "T-LATE-TABLE", "T-LATE-0131");
        assertThat(codes(parse("002", "六、其他需要报告的事项", ""))).contains("T-NO-S6");
        assertThat(codes(parse("000", null, null))).contains("T-GOV").doesNotContain("T-DEPT");
        assertThat(codes(parse("004", null, null))).contains("T-TOWN");

        Finding s2 = rules.evaluate(dept).stream().filter(f -> f.code().equals("T-S2-WORD")).findFirst().orElseThrow();
        assertThat(s2.location().section()).isEqualTo("S2");
        assertThat(s2.message()).startsWith("主动公开部分没有提到区块链。见章节“二、主动公开政府信息情况”（第");
        assertThat(s2.evidence()).contains("主动公开");
    }

    /** 本文件是年度报告: true of a report, false once NOT-ANNUAL-REPORT has judged the file another kind of document. */
    @Test
    void notAnnualReportSentence() throws Exception {
        assertThat(codes(parse("002", null, null))).contains("T-IS-REPORT");
        Path f = Files.createTempFile(tmp, "table", ".csv");
        Files.writeString(f, "标题,时间,内容\n某区政府信息公开统计数据（2020年度）,2021-01-12,\"统计指标\t单位\t统计数\n一、主动公开政府信息数\t条\t40\"\n",
                StandardCharsets.UTF_8);
        Report table = new ReportParser().parse(new Ingestor().read(f));
        assertThat(rules.evaluate(table)).extracting(Finding::code).contains("NOT-ANNUAL-REPORT").doesNotContain("T-IS-REPORT");
    }

    @Test
    void deadlineSentences() throws Exception {
        Report late = parse("002", "2022年1月24日", "2022年2月24日");
        assertThat(codes(late)).contains("T-LATE-TABLE", "T-LATE-0120", "T-LATE-0131");
        Finding f = rules.evaluate(late).stream().filter(x -> x.code().equals("T-LATE-TABLE")).findFirst().orElseThrow();
        assertThat(f.message()).contains("2022年1月31日", "逾期24天", "条例第四十九条");
        assertThat(f.location().line()).isEqualTo(late.publishedLine());
        Finding fixed = rules.evaluate(late).stream().filter(x -> x.code().equals("T-LATE-0120")).findFirst().orElseThrow();
        assertThat(fixed.message()).startsWith("晚于1月20日。发布日期为2022-02-24");
    }

    @Test
    void cellThresholdSentences() throws Exception {
        Report base = parse("002", null, null);
        assertThat(codes(base)).doesNotContain("T-CELL-GT", "T-CELL-GT-60", "T-CELL-LT", "T-CELL-ANY"); // no cells, no findings
        Report withCells = withCells(base, List.of(
                cell("T3", "3.1", "total", "50", 120),
                cell("T3", "1", "natural", "-2", 110),
                cell("T3", "1", "total", "7", 110),
                cell("T4", "review", "upheld", "-1", 150),
                new Cell("T3", "3.1", "natural", null, "", 120, CellStatus.BLANK, false)));
        assertThat(codes(withCells)).contains("T-CELL-GT", "T-CELL-LT", "T-CELL-ANY").doesNotContain("T-CELL-GT-60");
        Finding f = rules.evaluate(withCells).stream().filter(x -> x.code().equals("T-CELL-LT")).findFirst().orElseThrow();
        assertThat(f.location().table()).isEqualTo("T3");
        assertThat(f.location().row()).isEqualTo("1");
        assertThat(f.location().col()).isEqualTo("natural");
        assertThat(f.location().line()).isEqualTo(110);
        assertThat(f.evidence()).isEqualTo("-2");
        assertThat(f.message()).isEqualTo("新收申请数为负。表T3第1行natural列的原文为“-2”（第110行）");
    }
}
