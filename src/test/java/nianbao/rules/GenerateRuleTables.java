package nianbao.rules;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import nianbao.rules.DecisionTableWriter.Column;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes the shipped decision tables with their starting values. Run once, on purpose only:
 * {@code ./mvnw -o test -Dtest=GenerateRuleTables -Dnianbao.generateTables=rules}. After that the
 * .drl.xlsx files in rules/ are the source of truth that policy staff edit; do not re-run over their edits.
 */
@EnabledIfSystemProperty(named = "nianbao.generateTables", matches = ".+")
class GenerateRuleTables {
    private static final String PKG = "nianbao.audit";

    private static Path target() {
        return Path.of(System.getProperty("nianbao.generateTables"));
    }

    @Test
    void weights() throws IOException {
        DecisionTableWriter.write(target().resolve("weights.drl.xlsx"), PKG, "nianbao.model.*", "Weights",
                List.of("扣分与严重程度表：每行一个问题代码。修改“扣分”或“严重程度”后保存，下次审核即按新值计分，无需重新构建。",
                        "严重程度只能填 critical（严重）、major（重要）、minor（一般）、info（提示）；留空表示沿用规则文件中的 @severity。",
                        "表中没有的问题代码沿用规则文件中的 @points。请勿合并单元格、勿改动灰色的控制行。"),
                List.of(Column.action("String code = \"$param\";", "问题代码", 16),
                        Column.action("findings.severity(code, \"$param\");", "严重程度", 12),
                        Column.action("findings.points(code, $param);", "扣分", 8),
                        new Column("METADATA", "", "note(\"$param\")", "说明（只供阅读）", 40)),
                List.of(row("FMT-OUTDATED", "major", "10", "使用了过时的报告格式"),
                        row("FMT-MIXED", "minor", "2", "混用两种报告格式"),
                        row("FMT-UNKNOWN", "major", "10", "无法识别报告格式"),
                        row("YEAR-UNKNOWN", "major", "5", "无法确定报告年度"),
                        row("YEAR-MISMATCH", "major", "5", "报告年度前后不一致"),
                        row("SEC-MISSING", "major", "5", "缺少必备章节（每缺一个章节扣一次）"),
                        row("SEC-ORDER", "minor", "2", "章节顺序与格式规定不一致"),
                        row("SEC-HEADING", "info", "0", "章节标题不规范"),
                        row("SEC-THIN", "minor", "2", "章节内容空洞"),
                        row("PER-MISSING", "info", "0", "未说明统计期限"),
                        row("PER-MISMATCH", "major", "5", "统计期限与报告年度不符"),
                        row("DL-LATE", "major", "10", "逾期发布年度报告"),
                        row("DL-UNKNOWN", "info", "0", "无法确定发布日期"),
                        row("TXT-OVERALL", "minor", "1", "总体情况内容不全（每缺一方面扣一次）"),
                        row("TXT-GOV-50-4", "major", "5", "未报告工作考核、社会评议和责任追究结果"),
                        row("TXT-FEE", "minor", "1", "未说明信息处理费收取情况")));
    }

    @Test
    void sectionHeadings() throws IOException {
        DecisionTableWriter.write(target().resolve("section-headings.drl.xlsx"), PKG, "nianbao.model.*, nianbao.parse.Normalizer", "SectionHeadings",
                List.of("章节与标题表：每行一个标题。“规定”行给出该章节的规定标题，“变体”行给出实践中可以接受的变体标题（只作提示）。",
                        "适用格式：GB = 60号和30号格式，也可写 GB_2019 或 GB_2021 只对一种格式生效；LEGACY = 2008年旧格式。",
                        "是否必备：只对“规定”行有意义，填“是”则缺少该章节时记录 SEC-MISSING。标题按去空格、全角转半角后的文字比较。",
                        "请勿合并单元格、勿改动灰色的控制行。"),
                List.of(Column.action("SectionHeading h = new SectionHeading(); h.setFamily(\"$param\");", "适用格式", 10),
                        Column.action("h.setId(\"$param\");", "章节", 8),
                        Column.action("h.setStandard(\"规定\".equals(\"$param\"));", "类型（规定/变体）", 14),
                        Column.action("h.setRequired(\"是\".equals(\"$param\"));", "是否必备（是/否）", 14),
                        Column.action("h.setHeading(\"$param\"); h.setNorm(Normalizer.norm(\"$param\")); insert(h);", "标题", 50)),
                List.of(row("GB", "S1", "规定", "是", "一、总体情况"),
                        row("GB", "S2", "规定", "是", "二、主动公开政府信息情况"),
                        row("GB", "S3", "规定", "是", "三、收到和处理政府信息公开申请情况"),
                        row("GB", "S4", "规定", "是", "四、政府信息公开行政复议、行政诉讼情况"),
                        row("GB", "S5", "规定", "是", "五、存在的主要问题及改进情况"),
                        row("GB", "S6", "规定", "是", "六、其他需要报告的事项"),
                        row("GB", "S5", "变体", "", "五、存在的问题及改进情况"),
                        row("GB", "S5", "变体", "", "五、政府信息公开工作存在的主要问题及改进情况"),
                        row("GB", "S5", "变体", "", "五、存在问题和改进措施"),
                        row("LEGACY", "L1", "规定", "是", "主动公开政府信息的情况"),
                        row("LEGACY", "L2", "规定", "是", "依申请公开政府信息和不予公开政府信息的情况"),
                        row("LEGACY", "L3", "规定", "是", "政府信息公开的收费及减免情况"),
                        row("LEGACY", "L4", "规定", "是", "因政府信息公开申请行政复议、提起行政诉讼的情况"),
                        row("LEGACY", "L5", "规定", "是", "政府信息公开工作存在的主要问题及改进情况"),
                        row("LEGACY", "L6", "规定", "是", "其他需要报告的事项")));
    }

    @Test
    void deadlines() throws IOException {
        DecisionTableWriter.write(target().resolve("deadlines.drl.xlsx"), PKG, "nianbao.model.*", "Deadlines",
                List.of("发布时限表：报告年度次年的月、日。国家规定列按条例填写；本省如规定了更早的时限，填在“本省时限”三列，两者取较早者。",
                        "适用格式：GB = 60号和30号格式（2019年度起），LEGACY = 旧格式。机关层级：GOVERNMENT 人民政府、DEPARTMENT 政府部门、TOWNSHIP 乡镇街道、ALL 所有机关。",
                        "月、日都空着的行不检查（例如条例未规定乡镇的时限）。请勿合并单元格、勿改动灰色的控制行。"),
                List.of(Column.action("Deadline dl = new Deadline(); dl.setFamily(\"$param\");", "适用格式", 10),
                        Column.action("dl.setLevel(\"$param\");", "机关层级", 14),
                        Column.action("dl.setMonth($param);", "国家规定：月", 12),
                        Column.action("dl.setDay($param);", "国家规定：日", 12),
                        Column.action("dl.setLocalMonth($param);", "本省时限：月", 12),
                        Column.action("dl.setLocalDay($param);", "本省时限：日", 12),
                        Column.action("dl.setLocalBasis(\"$param\");", "本省时限依据", 30),
                        Column.action("dl.setBasis(\"$param\"); insert(dl);", "国家规定依据", 50)),
                List.of(row("GB", "GOVERNMENT", "3", "31", "", "", "", "条例第四十九条：县级以上地方人民政府年度报告于每年3月31日前公布"),
                        row("GB", "DEPARTMENT", "1", "31", "", "", "", "条例第四十九条：县级以上人民政府部门于每年1月31日前公布"),
                        row("GB", "TOWNSHIP", "", "", "", "", "", "条例未规定乡镇、街道的发布时限；本省有规定的填在本省时限列"),
                        row("LEGACY", "ALL", "3", "31", "", "", "", "492号条例第三十一条：每年3月31日前公布")));
    }

    @Test
    void lexicon() throws IOException {
        DecisionTableWriter.write(target().resolve("lexicon.drl.xlsx"), PKG, "nianbao.model.*", "Lexicon",
                List.of("词表：每行一组词语，规则按“词表”和“名称”取用。词语之间用 | 分隔，正文中出现其一即算提到（可以使用正则表达式，如 规范性文件.*清理）。",
                        "“总体情况”词表供 TXT-OVERALL 使用：总体情况中五个方面各一行，某一方面的词语都没有出现时记录问题。",
                        "其他规则可以新建词表（如垃圾信息词），在规则中写 LexiconEntry( list == \"词表名\", $w : words )。请勿合并单元格、勿改动灰色的控制行。"),
                List.of(Column.action("LexiconEntry le = new LexiconEntry(); le.setList(\"$param\");", "词表", 12),
                        Column.action("le.setName(\"$param\");", "名称", 22),
                        Column.action("le.setNote(\"$param\");", "说明（可空）", 30),
                        Column.action("le.setWords(\"$param\"); insert(le);", "词语（用 | 分隔）", 60)),
                List.of(row("总体情况", "主动公开", "国办公开办函〔2021〕30号", "主动公开"),
                        row("总体情况", "依申请公开", "国办公开办函〔2021〕30号", "依申请|申请公开|公开申请"),
                        row("总体情况", "政府信息管理", "国办公开办函〔2021〕30号", "信息管理|公文公开属性|公开属性|信息发布审查|保密审查|规范性文件.*清理"),
                        row("总体情况", "政府信息公开平台建设", "国办公开办函〔2021〕30号", "平台|网站|政务新媒体|公开专栏|公开栏"),
                        row("总体情况", "监督保障", "国办公开办函〔2021〕30号", "监督|保障|考核|培训|评议")));
    }

    private static List<String> row(String... cells) {
        return List.of(cells);
    }
}
