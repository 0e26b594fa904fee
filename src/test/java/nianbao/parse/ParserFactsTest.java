package nianbao.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import nianbao.ingest.Block;
import nianbao.ingest.Document;
import nianbao.ingest.TextBlock;
import nianbao.model.AgencyLevel;
import nianbao.model.Report;
import org.junit.jupiter.api.Test;

/** Publication date, period, title and level as reports and crawlers deliver them: variations written for the test. */
class ParserFactsTest {
    private static Report parse(String... lines) {
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) blocks.add(new TextBlock(i + 1, lines[i]));
        return new ReportParser().parse(new Document("t.txt", "0", "text", "UTF-8", blocks));
    }

    /** A spreadsheet export kept as text: the date column is the publication date, not the signature. */
    @Test
    void csvExportHeaderGivesTitleAndDate() {
        Report r = parse("题目,日期,正文,栏目,网址",
                "某市审计局2021年政府信息公开工作年度报告,2022/01/25,\"　　一、总体情况　　2021年，我局认真落实条例要求。"
                        + "　　二、主动公开政府信息情况　　本年制发件数　　某市审计局　　2022年1月20日\",年报,http://www.example.gov.cn/1.html");
        assertThat(r.publishedOn()).hasToString("2022-01-25");
        assertThat(r.title()).isEqualTo("某市审计局2021年政府信息公开工作年度报告");
        assertThat(r.reportYear()).isEqualTo(2021);
        assertThat(r.agency()).isEqualTo("某市审计局");
        assertThat(r.agencyLevel()).isEqualTo(AgencyLevel.DEPARTMENT);
        assertThat(r.sections()).extracting(s -> s.id()).containsExactly("S1", "S2");
    }

    /** A crawler's "key: value" page header above the text. */
    @Test
    void crawlerPageHeaderGivesTitleDateAndAgency() {
        Report r = parse("题目：关于某县2020年政府信息公开工作年度报告", "发布日期：2021年3月2日", "来源：某县人民政府办公室",
                "====", "一、总体情况", "2020年，我县持续推进政务公开。", "二〇二一年二月二十六日");
        assertThat(r.publishedOn()).hasToString("2021-03-02");
        assertThat(r.reportYear()).isEqualTo(2020);
        assertThat(r.agency()).isEqualTo("某县");
        assertThat(r.agencyLevel()).isEqualTo(AgencyLevel.GOVERNMENT);
    }

    /** A page header's bare "时间：" beside the source, and the signature when nothing else dates the report. */
    @Test
    void bareTimeLabelAndRunOnSignature() {
        Report page = parse("某区商务局2023年政府信息公开工作年度报告", "来源：某区商务局　时间：2024-01-19 10:02", "一、总体情况", "内容。");
        assertThat(page.publishedOn()).hasToString("2024-01-19");
        Report flat = parse("某区商务局2023年政府信息公开工作年度报告　　一、总体情况　　2023年，我局依法公开。"
                + "六、其他需要报告的事项　　无。某区商务局2024年1月22日更多信息请关注本局微信公众号");
        assertThat(flat.publishedOn()).hasToString("2024-01-22");
        Report mention = parse("某区商务局2023年政府信息公开工作年度报告", "一、总体情况",
                "我局将于2024年3月1日起实施新的公开目录。");
        assertThat(mention.publishedOn()).isNull();
    }

    @Test
    void periodWrittenInOtherWays() {
        assertThat(parse("某县2022年政府信息公开工作年度报告", "本报告中所列数据统计时限为2022年1月1日至12月31日。").period().to())
                .hasToString("2022-12-31");
        Report covers = parse("某县2018年政府信息公开工作年度报告", "本报告内容涵盖2018年1月1日至2018年12月31日期间我县政府信息公开工作情况。");
        assertThat(covers.period().from()).hasToString("2018-01-01");
        assertThat(covers.period().to()).hasToString("2018-12-31");
        assertThat(parse("某县2022年政府信息公开工作年度报告", "自2022年3月1日起至2022年6月30日开展专项检查。").period()).isNull();
    }

    @Test
    void levelsOfZonesAndUnnamedBodies() {
        assertThat(ReportParser.level("某某高新技术产业开发区管委会")).isEqualTo(AgencyLevel.GOVERNMENT);
        assertThat(ReportParser.level("某某新区东湖片区管理局")).isEqualTo(AgencyLevel.TOWNSHIP);
        // no title, no signature: a text that says 我局/本局 is a department's report
        assertThat(parse("一、总体情况", "2022年，我局坚持依法公开。", "二、主动公开政府信息情况", "本局全年公开信息30条。").agencyLevel())
                .isEqualTo(AgencyLevel.DEPARTMENT);
        // the government's report signed by its general office
        Report office = parse("关于2021年政务公开工作情况的报告", "2021年，我县围绕中心工作推进公开。我县共公开信息800条。",
                "某县人民政府办公室", "2022年1月30日");
        assertThat(office.agency()).isEqualTo("某县人民政府办公室");
        assertThat(office.agencyLevel()).isEqualTo(AgencyLevel.GOVERNMENT);
        // a department's office stays a department
        assertThat(parse("2021年政务公开工作情况的报告", "我局全年公开信息80条，本局网站更新及时。", "某县教育局办公室", "2022年1月20日")
                .agencyLevel()).isEqualTo(AgencyLevel.DEPARTMENT);
    }
}
