package nianbao.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nianbao.TestSupport;
import nianbao.model.Finding;
import nianbao.model.Section;
import nianbao.parse.Debris;
import nianbao.pipeline.AuditResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Web-page and converter debris on realistic pages: a government site's article page and a Word
 * "save as web page" export, each wrapped around the text of sample 002. The debris stays out of
 * the title and the sections, and the site footer's links are not taken for spam.
 */
class DebrisTest {
    static final List<String> FURNITURE = List.of("当前位置", "首页>", "字体", "打印", "关闭", "浏览次数", "分享到", "扫一扫",
            "上一篇", "下一篇", "主办单位", "技术支持", "mmwlkj", "网站标识码", "ICP备", "公网安备", "Copyright", "分辨率",
            "supportLists", "-17-", "第3页共9页");

    @Test
    void furnitureLinesAreDebrisAndReportLinesAreNot() {
        for (String line : List.of("当前位置：首页 > 政务公开 > 年度报告", "您现在的位置: 首页 » 信息公开", "首页 >> 政务公开 >> 年度报告",
                "【字体：大 中 小】 【打印】 【关闭】", "分享到：微博 QQ空间 微信", "扫一扫在手机打开当前页", "上一篇：关于某某的通知", "下一篇",
                "主办单位：某某县人民政府办公室", "技术支持：某某网络科技有限公司 www.mmwlkj.com", "晋ICP备05001234号",
                "网站标识码：1409240001", "Copyright © 2022 某某县人民政府 版权所有", "建议使用1024×768以上分辨率浏览本网站",
                "浏览次数：1234", "— 1 —", "- 12 -", "—3—", "第 3 页 共 9 页", "第3页", "4/9", "共9页 第3页", "打印 | 关闭")) {
            assertThat(Debris.isDebrisText(line)).as(line).isTrue();
        }
        for (String line : List.of("一、总体情况", "（一）主动公开情况", "1", "12", "0", "-5", "+91", "2021年", "第二十条第（一）项",
                "六、其他需要报告的事项：无。", "联系电话：0349-5222156", "本报告电子版可在县人民政府门户网站（www.fanshi.gov.cn）查阅。",
                "二是开设专栏，在首页设置政府信息公开专栏。", "本年度共收到申请3件，其中1/3已办结。", "关闭了3个政务新媒体账号。")) {
            assertThat(Debris.isDebrisText(line)).as(line).isFalse();
        }
        assertThat(Debris.strip("<!--[if!supportLists]-->1.<!--[endif]-->在政府门户网站")).isEqualTo("1.在政府门户网站");
        assertThat(Debris.strip("<![if!supportLists]>1.<![endif]>在政府门户网站")).isEqualTo("1.在政府门户网站");
        assertThat(Debris.strip("[bookmark:_GoBack]二是开设专栏")).isEqualTo("二是开设专栏");
    }

    @Test
    void aGovernmentArticlePageIsAuditedLikeTheBareReport(@TempDir Path dir) throws IOException {
        Path page = dir.resolve("gov-page.html");
        Files.writeString(page, fixture("gov-page.html", StandardCharsets.UTF_8).replace("<!--REPORT-->", paragraphs(false)));
        assertLikeSample(TestSupport.auditor().audit(page));
    }

    @Test
    void aWordWebPageExportWithPageFootersIsAuditedLikeTheBareReport(@TempDir Path dir) throws IOException {
        Path page = dir.resolve("word-page.htm");
        Files.write(page, fixture("word-page.html", StandardCharsets.UTF_8).replace("<!--REPORT-->", paragraphs(true))
                .getBytes(Charset.forName("GB18030")));
        assertLikeSample(TestSupport.auditor().audit(page));
    }

    @Test
    void pageFootersInAConvertedTextStayOutOfTheSections(@TempDir Path dir) throws IOException {
        StringBuilder sb = new StringBuilder();
        String[] lines = TestSupport.text("002").split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            sb.append(lines[i]).append('\n');
            if (i % 40 == 39) sb.append("— ").append(i / 40 + 1).append(" —\n第 3 页 共 9 页\n");
        }
        sb.append("— 17 —\n");
        Path f = dir.resolve("converted.txt");
        Files.writeString(f, sb.toString().replaceFirst("2\\.在政府门户网站", "<!--[if !supportLists]-->2.<!--[endif]-->在政府门户网站"));
        assertLikeSample(TestSupport.auditor().audit(f));
    }

    private static void assertLikeSample(AuditResult r) {
        AuditResult sample = TestSupport.audit("002");
        assertThat(r.failed()).as(r.errorMessage()).isFalse();
        assertThat(r.report().title()).isEqualTo(sample.report().title());
        assertThat(r.report().agency()).isEqualTo(sample.report().agency());
        assertThat(r.report().sections()).extracting(Section::id)
                .containsExactlyElementsOf(sample.report().sections().stream().map(Section::id).toList());
        for (Section s : r.report().sections()) {
            for (String word : FURNITURE) assertThat(s.text()).as(s.id() + " holds page furniture").doesNotContain(word);
            assertThat(s.heading()).doesNotContain("当前位置");
        }
        assertThat(r.findings()).extracting(Finding::code).doesNotContain("INT-SPAM");
        // A page of <p> paragraphs loses the sample's empty table cells (a paragraph holding one space): where
        // the blanks stood is then unknown, so the row is not read (TAB-UNREAD) instead of read with blanks.
        assertThat(codes(r).stream().map(c -> c.equals("TAB-UNREAD") ? "TAB-BLANK" : c).sorted().toList()).isEqualTo(codes(sample));
    }

    private static List<String> codes(AuditResult r) {
        return r.findings().stream().map(Finding::code).filter(c -> !c.equals("PER-MISSING") && !c.equals("DL-UNKNOWN")).sorted().toList();
    }

    /** Sample 002 as HTML paragraphs; the Word variant adds MsoFooter page numbers every 40 lines. */
    private static String paragraphs(boolean word) {
        StringBuilder sb = new StringBuilder();
        String[] lines = TestSupport.text("002").split("\n");
        for (int i = 0; i < lines.length; i++) {
            sb.append(word ? "<p class=MsoNormal>" : "<p>").append(HostileCorpus.escape(lines[i])).append("</p>\n");
            if (word && i % 40 == 39) {
                sb.append("<p class=MsoFooter align=center><span lang=EN-US>— ").append(i / 40 + 1).append(" —</span></p>\n");
            }
        }
        return sb.toString();
    }

    private static String fixture(String name, Charset cs) throws IOException {
        try (InputStream in = DebrisTest.class.getResourceAsStream("/hostile/pages/" + name)) {
            return new String(in.readAllBytes(), cs);
        }
    }
}
