package nianbao.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import nianbao.ingest.Block;
import nianbao.ingest.Document;
import nianbao.ingest.TextBlock;
import nianbao.model.Report;
import org.junit.jupiter.api.Test;

/**
 * The cheap character tests in front of the parser's per-line regexes (issue 14) pass every line the regex
 * would have matched: numbering tokens, furniture terms and year mentions wherever they stand in a line.
 */
class ParseShortcutsTest {
    private static Report parse(String... lines) {
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) blocks.add(new TextBlock(i + 1, lines[i]));
        return new ReportParser().parse(new Document("t.txt", "0", "text", "UTF-8", blocks));
    }

    @Test
    void numberingTokensFoundInEveryStyleAndPlace() {
        List<String> lines = List.of("进一步推进一体化平台建设", "工作取得了成效。三、收到和处理政府信息公开申请情况",
                "##第四部分:政府信息公开行政复议情况", "(十二)其他事项", "**五.**存在的主要问题", "二十,其他", "六:", "第一、二季度");
        List<Headings.Candidate> c = Headings.candidates(lines.stream().map(Normalizer::norm).toList(), lines);
        assertThat(c).extracting(Headings.Candidate::seg, Headings.Candidate::number, Headings.Candidate::style)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 3, Headings.Style.PLAIN),
                        org.assertj.core.groups.Tuple.tuple(2, 4, Headings.Style.PART),
                        org.assertj.core.groups.Tuple.tuple(3, 12, Headings.Style.PAREN),
                        org.assertj.core.groups.Tuple.tuple(4, 5, Headings.Style.PLAIN),
                        org.assertj.core.groups.Tuple.tuple(5, 20, Headings.Style.PLAIN));
    }

    @Test
    void furnitureTermsFoundAtAnyPlace() {
        for (String s : List.of("ICP备05001234号", "本站网站地图", "内容©", "欢迎访问联系我们|关于本站", "建议使用IE9以上浏览器访问",
                "当前位置:首页>信息公开", "第3页,共9页")) {
            assertThat(Debris.isDebris(Normalizer.norm(s))).as(s).isTrue();
        }
        for (String s : List.of("ICP许可", "分享经验", "版权", "一、总体情况", "打印机采购2台")) {
            assertThat(Debris.isDebris(Normalizer.norm(s))).as(s).isFalse();
        }
    }

    @Test
    void wholeLineFurnitureFoundForEveryLeadingCharacter() {
        // one line per branch of Debris.LINE (and per first character it may start with): the cheap test of the
        // first character must let each through
        for (String s : List.of("当前位置:首页>信息公开", "您的位置:首页", "您现在的位置:首页>政务公开", "您当前的位置:首页",
                "所在位置:首页>年报", "位置:首页>公开", "首页>政务公开", "首页»公开", "网站首页|政务公开", "首页>政务公开>信息公开年报",
                "网站首页/政务公开/年度报告", "上一篇:关于某事的通知", "下一篇", "相关链接:", "相关阅读:某文", "相关文章:某文", "友情链接",
                "打印|关闭", "关闭", "收藏", "分享|微信|微博", "返回顶部", "返回首页", "微信", "微博", "QQ空间", "视力保护色",
                "— 3 —", "-12-", "_4_", "~5~", "第3页", "第3页共9页", "3/9", "共9页第3页")) {
            assertThat(Debris.isDebris(Normalizer.norm(s))).as(s).isTrue();
        }
        for (String s : List.of("位置适中", "首页内容", "打印机采购2台", "共有3人", "3个", "第三部分")) {
            assertThat(Debris.isDebris(Normalizer.norm(s))).as(s).isFalse();
        }
    }

    @Test
    void spacedNumberingFoundOnlyBeforeTitleText() {
        List<String> lines = List.of("一 总体情况", "  ## 二　主动公开政府信息情况", "**三 收到申请", "四 ", "五");
        List<Headings.Candidate> c = Headings.candidates(lines.stream().map(Normalizer::norm).toList(), lines);
        assertThat(c).extracting(Headings.Candidate::seg, Headings.Candidate::number)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0, 1), org.assertj.core.groups.Tuple.tuple(1, 2),
                        org.assertj.core.groups.Tuple.tuple(2, 3));
    }

    @Test
    void yearMentionsCountedOnlyWhereTheyStandAlone() {
        // 2021 three times (at a line's start, after text, after a full-width digit's NFKC), 12020年 is no year
        Report r = parse("2021年,本局深化公开。", "截至２０２１年底,完成2021年计划", "编号12020年、12020年、12020年", "1899年、2120年");
        assertThat(r.bodyYear()).isEqualTo(2021);
        assertThat(parse("2021年与2022年", "2022年、2021年").bodyYear()).isNull();
    }
}
