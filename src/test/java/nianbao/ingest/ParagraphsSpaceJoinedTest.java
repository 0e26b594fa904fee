package nianbao.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Text a crawler joined with plain spaces: split after a sentence's end, never between words or numbers. */
class ParagraphsSpaceJoinedTest {
    private static final String PARA = "本机关认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，持续推进决策、执行、管理、服务、结果公开。";

    @Test
    void aSpaceAfterASentenceEndIsALostLineBreak() {
        String line = PARA + " 一、总体情况 " + PARA + " （一）主动公开 " + PARA + "？ 二、主动公开政府信息情况";
        List<String> pieces = Paragraphs.pieces(line);
        assertThat(pieces).hasSize(4);
        assertThat(String.join("", pieces)).isEqualTo(line);
        assertThat(pieces.get(1)).startsWith(" 一、总体情况");
    }

    @Test
    void spacesBetweenWordsAndBetweenNumbersStay() {
        // PDF and OCR text put spaces inside titles and labels; a table row laid out with spaces keeps its numbers.
        String line = "友谊县友谊镇人民政府 2022 年政府 信息公开工作年度报告 " + PARA.replace("。", "") + " 一、本年新收政府信息公开申请数量 160 02 0 018 "
                + "二、上年结转政府信息公开申请数量 0 0 0 0 0 00 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计 " + PARA.replace("。", "");
        assertThat(line.length()).isGreaterThan(Paragraphs.LONG_LINE);
        assertThat(Paragraphs.pieces(line)).containsExactly(line);
    }
}
