package nianbao.parse.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import nianbao.model.Format;
import nianbao.model.SourceLine;
import nianbao.model.Statement;
import nianbao.parse.Normalizer;
import org.junit.jupiter.api.Test;

/**
 * The cheap character tests that spare the table reader a regex (issue 14) answer exactly what the regex
 * answers: checked against the plain regex definitions on labels, cells and sentences of other layouts.
 */
class ShortcutsTest {
    // the definitions as they stood before the shortcuts
    private static final Pattern NUMBERING =
            Pattern.compile("^(\\([一二三四五六七八九十\\d-]{1,3}\\)|[一二三四五六七八九十]{1,3}[、.,]|\\d{1,2}[.、,]|[·•.、])");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]");
    private static final Pattern NUMBER = Pattern.compile("[+\\-]?\\d[\\d,]*(\\.\\d+)?(万元|元)?");
    private static final Pattern PLACEHOLDER = Pattern.compile("无|/|-|--|—|——|x|X|×|空|\\?");

    private static final Pattern GLUED = Pattern.compile(
            "[\\p{IsHan})”]\\s*[+\\-]?\\d[\\d ]*(?:\\.\\d+)?(?:万元|元)?(?=[\\p{IsHan}(“]|\\s*$)");

    private static List<Integer> gluedEndsByRegex(String n) {
        List<Integer> ends = new ArrayList<>();
        java.util.regex.Matcher m = GLUED.matcher(n);
        while (m.find()) ends.add(m.end());
        return ends;
    }

    private static String coreByRegex(String s) {
        String n = Normalizer.norm(s), prev;
        do {
            prev = n;
            n = NUMBERING.matcher(n).replaceFirst("");
        } while (!n.equals(prev));
        return NOT_WORD.matcher(n).replaceAll("");
    }

    private static boolean isValueByRegex(String r) {
        String nf = Normalizer.nfkc(r).strip();
        if (nf.length() > 2 && !Normalizer.hasAsciiDigit(nf)) return false;
        if (PLACEHOLDER.matcher(nf).matches()) return true;
        for (String p : nf.split("\\s+")) if (!NUMBER.matcher(p).matches()) return false;
        return true;
    }

    @Test
    void labelCoresAsTheRegexMakesThem() {
        List<String> labels = new ArrayList<>();
        for (Format f : List.of(Format.GB_2019, Format.GB_2021)) {
            for (String t : List.of("T2", "T3", "T4")) {
                for (TableTemplate.Entry e : TableTemplate.of(f).entries(t)) labels.add(e.label());
            }
        }
        List<String> inputs = new ArrayList<>();
        for (String l : labels) {
            String bare = coreByRegex(l);
            // other numberings, spacing and punctuation than the template prints
            for (String v : List.of(l, bare, "（十二）" + bare, "12." + bare, "(1)·" + bare, "、、" + bare, "二、(三)" + bare,
                    "① " + bare, bare + "（件）", " 三 . " + bare + " ", "Ⅳ" + bare, "第" + bare, "-" + bare, "(" + bare)) {
                inputs.add(v);
            }
        }
        inputs.addAll(List.of("", "、", "一、", "(一)", "12", "1.2", "2021年", "合计：", "•", "ａｂ１２"));
        for (String s : inputs) assertThat(SchemaTableExtractor.core(s)).as(s).isEqualTo(coreByRegex(s));
    }

    @Test
    void cellsTakenForValuesAsTheRegexTakesThem() {
        for (String s : List.of("0", " 12 ", "1 2", "1  23\t4", "+3", "-5", "－", "—", "——", "---", "x", "×", "无", "空格", "空",
                "12万元", "1,234.5元", "１２", "１ ２", "1\u000B2", "1\u00A02", "", "a1", "1.2.3", "—1", "3件", "?", "？",
                "12 无", "本年新收", "(一)", "1.", ".5", "+", "1\u30002")) {
            assertThat(Tokens.isValue(s)).as("[%s]", s).isEqualTo(isValueByRegex(s));
        }
    }

    @Test
    void narrativeCountsFoundWhateverTheirCounterOrFrame() {
        String text = "在本年度主动公开的1913条政府信息中,规范性文件120条,占6%;其他1793条。"
                + "接待群众咨询420人次,电话咨询36次,其中网上咨询12个,占比为3%。全年共有2家单位、5份文件、3起案件,2022年度无。";
        List<Statement> s = NarrativeNumbers.of(List.of(new SourceLine(4, text, null, Normalizer.norm(text))));
        assertThat(s).extracting(Statement::counter).containsExactly("条", "条", "条", "人次", "次", "个", "家", "份", "起");
        assertThat(s).extracting(Statement::role).containsExactly("total", "part", "", "", "total", "part", "", "", "");
        assertThat(s.get(1).hasShare()).isTrue();   // "占6%" in a clause of its own goes to the count before it
        assertThat(s.get(5).hasShare()).isTrue();
    }

    @Test
    void readingsOfPlainTokensComeEachOnce() {
        // why the sign/unit filter and the de-duplication of readings may be skipped for tokens without +-.元
        for (List<String> tokens : List.of(List.of("0", "0", "0"), List.of("12", "3"), List.of("105", "0"), List.of("1", "23", "4"),
                List.of("1001", "10"), List.of("7"))) {
            for (int k = 1; k <= 8; k++) {
                for (boolean blanks : new boolean[] {false, true}) {
                    List<List<String>> all = Values.splits(tokens, k, 20000, blanks);
                    if (all == null) continue;
                    assertThat(all.stream().distinct().count()).as("%s k=%d blanks=%s", tokens, k, blanks).isEqualTo(all.size());
                    int cells = k;
                    assertThat(all).allSatisfy(r -> assertThat(r).hasSize(cells));
                }
            }
        }
    }

    @Test
    void gluedValuesFoundWhereTheRegexFindsThem() {
        // random strings over the characters the pattern cares about (and a Han character outside the BMP)
        String[] alphabet = {"数", "量", ")", "”", "(", "“", " ", "\t", "+", "-", "0", "1", "9", ".", "万元", "元", "年", "a", "、", "\uD840\uDC00", "|"};
        java.util.Random random = new java.util.Random(14);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int len = random.nextInt(24); len > 0; len--) b.append(alphabet[random.nextInt(alphabet.length)]);
            String n = b.toString();
            assertThat(Tokens.gluedEnds(n)).as(n).isEqualTo(gluedEndsByRegex(n));
        }
        for (String n : List.of("数量110000011二、", "规章000行政规范性文件", "收到申请11件", "(一)行政许可 12 3(二)", "”-5万元", "数 +3.5元")) {
            assertThat(Tokens.gluedEnds(n)).as(n).isEqualTo(gluedEndsByRegex(n));
        }
    }
}
