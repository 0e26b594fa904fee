package nianbao.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import nianbao.ingest.Block;
import nianbao.ingest.Document;
import nianbao.ingest.TextBlock;
import nianbao.model.Format;
import nianbao.model.Report;
import nianbao.model.Section;
import org.junit.jupiter.api.Test;

/**
 * Sections found by the canonical heading sequence wherever the headings stand: texts written here for
 * the test (no corpus file has these layouts), as a crawler or a converter would deliver them.
 */
class InlineHeadingsTest {
    private static Report parse(String... lines) {
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) blocks.add(new TextBlock(i + 1, lines[i]));
        return new ReportParser().parse(new Document("t.txt", "0", "text", "UTF-8", blocks));
    }

    private static List<String> ids(Report r) {
        return r.sections().stream().map(Section::id).toList();
    }

    /** One line, no paragraph marks at all: headings run on after a full stop, a digit or nothing. */
    @Test
    void gbReportOnOneLineWithAPreambleListAndTableLabels() {
        String text = "某市文化和旅游局2022年政府信息公开工作年度报告"
                + "本报告包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、"
                + "存在的主要问题及改进情况和其他需要报告的事项六个部分。本报告所列数据的统计期限为2022年1月1日至12月31日。"
                + "一．总体情况2022年，我局坚持公开为常态。（一）主动公开政府信息情况。全年主动公开各类信息320条。"
                + "（二）依申请公开情况。全年收到申请5件。二．主动公开政府信息情况第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数"
                + "规章000行政规范性文件213"
                + "三．收到和处理政府信息公开申请情况一、本年新收政府信息公开申请数量5000005二、上年结转政府信息公开申请数量0000000"
                + "四、结转下年度继续办理0000000"
                + "四．政府信息公开行政复议、行政诉讼情况行政复议行政诉讼000000000000000"
                + "五．存在的主要问题及改进情况一是解读形式单一。下一步将丰富解读形式。"
                + "六．其他需要报告的事项本年度未收取信息处理费。某市文化和旅游局2023年1月16日";
        Report r = parse(text);
        assertThat(ids(r)).containsExactly("S1", "S2", "S3", "S4", "S5", "S6");
        assertThat(r.sections()).extracting(Section::normHeading).containsExactly(
                "一.总体情况", "二.主动公开政府信息情况", "三.收到和处理政府信息公开申请情况",
                "四.政府信息公开行政复议、行政诉讼情况", "五.存在的主要问题及改进情况", "六.其他需要报告的事项");
        // the body of each part stops where the next heading starts, even without a separator
        assertThat(r.section("S1").text()).startsWith("2022年,我局").contains("全年收到申请5件").doesNotContain("第二十条");
        assertThat(r.section("S3").text()).contains("四、结转下年度继续办理").doesNotContain("行政复议行政诉讼");
        assertThat(r.section("S6").text()).startsWith("本年度未收取信息处理费");
        assertThat(r.formatDetected()).isEqualTo(Format.GB_2021);
        assertThat(r.reportYear()).isEqualTo(2022);
        assertThat(r.period().from()).hasToString("2022-01-01");
        assertThat(r.period().to()).hasToString("2022-12-31");
        assertThat(r.publishedOn()).hasToString("2023-01-16");
    }

    /** Paragraphs separated by runs of ideographic spaces, headings in Markdown and bold, "第X部分" numbering. */
    @Test
    void markdownBoldAndPartNumberingInParagraphRuns() {
        Report r = parse("某县水利局2021年政府信息公开工作年度报告",
                "　　## 第一部分 总体情况　　2021年，我局扎实推进政务公开。"
                        + "　　**第二部分 主动公开政府信息情况**　　本年制发件数　　现行有效件数"
                        + "　　第三部分：收到和处理政府信息公开申请情况　　全年收到申请2件。"
                        + "　　第四部分 政府信息公开行政复议、行政诉讼情况　　无。"
                        + "　　第五部分 存在的主要问题及改进情况　　公开内容不够全面。"
                        + "　　第六部分 其他需要报告的事项　　无。");
        assertThat(ids(r)).containsExactly("S1", "S2", "S3", "S4", "S5", "S6");
        assertThat(r.section("S2").normHeading()).isEqualTo("第二部分主动公开政府信息情况");
        assertThat(r.section("S2").heading()).isEqualTo("**第二部分 主动公开政府信息情况");
        assertThat(r.section("S1").text()).isEqualTo("2021年,我局扎实推进政务公开。");
    }

    /** A preamble that numbers the parts it lists is not the outline: the headings with bodies are. */
    @Test
    void numberedListOfPartsInThePreambleIsNotTheOutline() {
        Report r = parse("某区民政局2022年政府信息公开工作年度报告",
                "本报告分为：一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况；"
                        + "四、政府信息公开行政复议、行政诉讼情况；五、存在的主要问题及改进情况；六、其他需要报告的事项。",
                "一、总体情况", "2022年，我局认真贯彻条例，全面推进政务公开工作，取得了明显成效。",
                "二、主动公开政府信息情况", "本年制发件数", "三、收到和处理政府信息公开申请情况", "全年收到申请3件。",
                "四、政府信息公开行政复议、行政诉讼情况", "无。", "五、存在的主要问题及改进情况", "解读不够深入。",
                "六、其他需要报告的事项", "无。");
        assertThat(ids(r)).containsExactly("S1", "S2", "S3", "S4", "S5", "S6");
        assertThat(r.sections()).allSatisfy(s -> assertThat(s.line()).isGreaterThan(2));
        assertThat(r.section("S1").text()).contains("取得了明显成效");
    }

    /** A sentence mentioning a part's name and sub-items named like parts are not headings. */
    @Test
    void mentionsAndSubItemsAreNotHeadings() {
        Report r = parse("某县2021年度政府信息公开工作年度报告",
                "一、总体情况", "（一）主动公开政府信息情况。全年公开信息500条。", "（二）依申请公开情况。收到申请3件。",
                "关于主动公开政府信息情况，详见下表。",
                "二、主动公开政府信息情况", "本年制发件数");
        assertThat(ids(r)).containsExactly("S1", "S2");
        assertThat(r.section("S2").line()).isEqualTo(6);
    }

    /** Swapped parts are both found, so that SEC-ORDER can report them. */
    @Test
    void swappedPartsAreFoundInTheirOrder() {
        Report r = parse("某县2021年度政府信息公开工作年度报告　　一、总体情况　　内容内容内容　　二、主动公开政府信息情况　　本年制发件数"
                + "　　三、收到和处理政府信息公开申请情况　　内容　　四、政府信息公开行政复议、行政诉讼情况　　内容"
                + "　　六、其他需要报告的事项　　无。　　五、存在的主要问题及改进情况　　内容");
        assertThat(ids(r)).containsExactly("S1", "S2", "S3", "S4", "S6", "S5");
    }

    /** A legacy report crawled onto one line: detected as LEGACY_2008 from its headings, parts in free order. */
    @Test
    void legacyReportWithInlineHeadings() {
        Report r = parse("标题: 某县人口和计划生育局2012年政府信息公开工作年度报告",
                "发布时间: 2013-02-20 09:30",
                "当前位置： 首页 > 信息公开 > 年度报告 本报告根据《中华人民共和国政府信息公开条例》编制，本报告所列数据的统计期限自2012年1月1日起至2012年12月31日止。"
                        + "一、概述 2012年，我局进一步加强政府信息公开工作。二、主动公开政府信息的情况 全年主动公开信息86条。"
                        + "三、政府信息公开的收费及减免情况 未收取任何费用。四、依申请公开政府信息和不予公开政府信息的情况 未收到申请。"
                        + "五、因政府信息公开申请行政复议、提起行政诉讼的情况 无。六、存在的主要问题及改进措施 公开不够及时。");
        assertThat(r.formatDetected()).isEqualTo(Format.LEGACY_2008);
        assertThat(ids(r)).containsExactly("L1", "L3", "L2", "L4", "L5");
        assertThat(r.reportYear()).isEqualTo(2012);
        assertThat(r.publishedOn()).hasToString("2013-02-20");
        assertThat(r.period().to()).hasToString("2012-12-31");
        assertThat(r.section("L5").normHeading()).isEqualTo("六、存在的主要问题及改进措施");
    }

    /** In a GB report the part numbered 一 before 二、主动公开政府信息情况 is the overview, whatever its title. */
    @Test
    void overviewUnderAnotherTitleIsTheFirstPart() {
        Report r = parse("某区教育局2023年政府信息公开工作年度报告",
                "一、年度工作概况", "2023年，我局持续深化政务公开。",
                "二、主动公开政府信息情况", "本年制发件数", "三、收到和处理政府信息公开申请情况", "内容",
                "四、政府信息公开行政复议、行政诉讼情况", "内容", "五、存在的主要问题及改进情况", "内容",
                "六、其他需要报告的事项", "无。");
        assertThat(ids(r)).containsExactly("S1", "S2", "S3", "S4", "S5", "S6");
        assertThat(r.section("S1").normHeading()).isEqualTo("一、年度工作概况");
    }
}
