package nianbao.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A title a crawler ran together with the first sentence or the page metadata is cut off at its 报告. */
class TitleHeadTest {
    @Test
    void theTitleAtTheStartOfARunTogetherLine() {
        assertThat(ReportParser.titleHead("某某县人民政府2023年政府信息公开工作年度报告 根据《中华人民共和国政府信息公开条例》要求，编制本报告。"))
                .isEqualTo("某某县人民政府2023年政府信息公开工作年度报告");
        assertThat(ReportParser.titleHead("某某市财政局2019年政府信息公开工作年度报告按照《条例》规定，现公布如下。"))
                .isEqualTo("某某市财政局2019年政府信息公开工作年度报告");
        assertThat(ReportParser.titleHead("某某镇2022年度政务公开工作报告 发布日期：2023-01-10 来源：某某镇"))
                .isEqualTo("某某镇2022年度政务公开工作报告");
    }

    @Test
    void notWhenTheReportIsOnlyMentioned() {
        assertThat(ReportParser.titleHead("关于印发2023年政府信息公开工作年度报告的通知 各乡镇人民政府：")).isNull();
        assertThat(ReportParser.titleHead("现将2023年政府信息公开工作年度报告")).isNull();
        assertThat(ReportParser.titleHead("报告")).isNull();
    }
}
