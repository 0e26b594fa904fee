package nianbao.parse.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import nianbao.TestSupport;
import nianbao.model.Finding;
import nianbao.pipeline.AuditResult;
import nianbao.report.HtmlReport;
import nianbao.report.JsonReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A legacy report of our own with a flattened 统计表, audited end to end: findings, JSON written and read back, HTML. */
class LegacyTableAuditTest {

    private static final String REPORT = String.join("\n",
            "某某镇人民政府2010年政府信息公开工作年度报告",
            "本报告根据《中华人民共和国政府信息公开条例》编制。本报告所列数据的统计期限自2010年1月1日起至2010年12月31日止。",
            "一、概述",
            "2010年，我镇认真贯彻落实《条例》，明确专人负责政府信息公开工作，建立健全保密审查等制度，全年工作平稳有序。",
            "二、主动公开政府信息情况",
            "2010年主动公开政府信息58条，其中镇村务公开栏公开信息数为6条。",
            "三、依申请公开政府信息情况",
            "全年共收到政府信息公开申请2件，其中网上申请2件。",
            "四、政府信息公开的收费及减免情况",
            "本年度依申请提供政府信息，未收取检索、复制、邮寄等任何费用，也未发生减免情况。",
            "五、因政府信息公开申请提起行政复议、行政诉讼的情况",
            "本年度未发生因政府信息公开申请提起行政复议、行政诉讼的情况。",
            "六、政府信息公开工作存在的主要问题及改进情况",
            "公开内容还不够全面，下一步将加强业务培训，提高公开质量。",
            "七、其他需要报告的事项",
            "无。",
            // 58/300 (the other splits 5/8300, 583/00 are ruled out by the narrative and by 0-leading parts);
            // 受理 2/9; its items 当面 1/5 and 网上 1/4 are complete only with 其他, which is absent: 网上 1 ≠ narrative 2
            "附件：<某某镇>政府信息公开情况统计表 指标名称计量单位2010年度历年累计主动公开信息数条58300受理依申请公开信息总数件29"
                    + "其中：1、当面申请件152、网上申请件14行政复议数件00",
            "某某镇人民政府",
            "2011年2月1日");

    @Test
    void flattenedLegacyTableIsReadReportedAndShown(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("zhen-2010.txt");
        Files.writeString(file, REPORT, StandardCharsets.UTF_8);
        AuditResult a = TestSupport.auditor().audit(file);

        assertThat(a.findings()).extracting(Finding::code).contains("TXT-NUMBERS");
        assertThat(a.findings()).filteredOn(f -> f.code().equals("TXT-NUMBERS")).extracting(Finding::message)
                .anySatisfy(m -> assertThat(m).contains("网上申请").contains("2件").contains("为1件"))
                // 58 agrees with the narrative; the 6 of a notice board is a part, not the whole
                .noneSatisfy(m -> assertThat(m).contains("主动公开"));

        Path json = dir.resolve("out.json");
        Files.write(json, JsonReport.bytes(a));
        JsonNode t = new ObjectMapper().readTree(json.toFile()).path("legacyTable");
        assertThat(t.path("columns").toString()).isEqualTo("[\"2010年度\",\"历年累计\"]");
        assertThat(t.path("layout").asText()).isEqualTo("flattened");
        JsonNode first = t.path("rows").get(0);
        assertThat(first.path("label").asText()).isEqualTo("主动公开信息数");
        assertThat(first.path("values").get(0).path("value").asInt()).isEqualTo(58);
        assertThat(first.path("values").get(1).path("value").asInt()).isEqualTo(300);
        JsonNode online = t.path("rows").get(3);
        assertThat(online.path("label").asText()).isEqualTo("网上申请");
        assertThat(online.path("parent").asText()).isEqualTo("受理依申请公开信息总数");
        assertThat(online.path("number").asInt()).isEqualTo(2);
        assertThat(online.path("values").get(0).path("read").asText()).isEqualTo("inferred");

        String html = new String(HtmlReport.bytes(a), StandardCharsets.UTF_8);
        assertThat(html).contains("统计表（原文所附）").contains(">58*<").contains("网上申请");
        assertThat(html).doesNotContain("<某某镇>").contains("&lt;某某镇&gt;");
    }
}
