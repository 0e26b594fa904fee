package nianbao.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nianbao.ingest.Document;
import nianbao.ingest.TextBlock;
import nianbao.model.AgencyLevel;
import nianbao.model.Report;
import nianbao.model.Section;
import org.junit.jupiter.api.Test;

class ReportParserTest {
    private static Report parse(String... lines) {
        List<nianbao.ingest.Block> blocks = new java.util.ArrayList<>();
        for (int i = 0; i < lines.length; i++) blocks.add(new TextBlock(i + 1, lines[i]));
        return new ReportParser().parse(new Document("t.txt", "0", "text", "UTF-8", blocks));
    }

    @Test
    void agencyLevelFromTheIssuingBody() {
        assertThat(ReportParser.level("成安县")).isEqualTo(AgencyLevel.GOVERNMENT);
        assertThat(ReportParser.level("陵川县人民政府")).isEqualTo(AgencyLevel.GOVERNMENT);
        assertThat(ReportParser.level("繁峙县人民政府办公室")).isEqualTo(AgencyLevel.DEPARTMENT);
        assertThat(ReportParser.level("某市教育局")).isEqualTo(AgencyLevel.DEPARTMENT);
        assertThat(ReportParser.level("友谊县友谊镇人民政府")).isEqualTo(AgencyLevel.TOWNSHIP);
        assertThat(ReportParser.level("某区东城街道办事处")).isEqualTo(AgencyLevel.TOWNSHIP);
        assertThat(ReportParser.level(null)).isEqualTo(AgencyLevel.UNKNOWN);
    }

    @Test
    void fullWidthAndSpacedHeadingsAreRecognised() {
        Report r = parse("某市卫生健康委员会２０２１年政府信息公开工作年度报告",
                "一 、 总 体 情 况", "正文内容正文内容正文内容正文内容正文内容",
                "二、主动公开政府信息情况", "本年制发件数",
                "三、收到和处理政府信息公开申请情况", "内容",
                "四、政府信息公开行政复议、行政诉讼情况", "内容",
                "五、存在的主要问题及改进情况", "内容",
                "六、其他需要报告的事项", "无。",
                "二〇二二年一月二十日");
        assertThat(r.sections()).extracting(Section::id).containsExactly("S1", "S2", "S3", "S4", "S5", "S6");
        assertThat(r.sections().get(0).normHeading()).isEqualTo("一、总体情况");
        assertThat(r.reportYear()).isEqualTo(2021);
        assertThat(r.agency()).isEqualTo("某市卫生健康委员会");
        assertThat(r.agencyLevel()).isEqualTo(AgencyLevel.DEPARTMENT);
        assertThat(r.publishedOn()).hasToString("2022-01-20");
    }

    @Test
    void subHeadingsAndTableRowsAreNotSections() {
        Report r = parse("某县2021年度政府信息公开工作年度报告", "一、总体情况", "（一）主动公开情况", "内容",
                "一、本年新收政府信息公开申请数量", "四、结转下年度继续办理");
        assertThat(r.sections()).extracting(Section::id).containsExactly("S1");
    }

    @Test
    void debrisIsNotTitleOrContent() {
        Report r = parse("当前位置：首页 > 政务公开 > 年度报告", "某县2021年度政府信息公开工作年度报告", "一、总体情况", "内容",
                "晋ICP备07500137号");
        assertThat(r.title()).isEqualTo("某县2021年度政府信息公开工作年度报告");
        assertThat(r.text()).doesNotContain("ICP");
    }
}
