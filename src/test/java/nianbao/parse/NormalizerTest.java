package nianbao.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import nianbao.TestSupport;
import org.junit.jupiter.api.Test;

/**
 * The character-by-character paths give exactly full NFKC: {@link Normalizer#nfkc} alone, {@link Normalizer#norm}
 * plus the matching rules.
 */
class NormalizerTest {
    @Test
    void everyCharacterAloneMatchesFullNfkc() {
        for (int c = 0; c < 0x10000; c++) {
            if (Character.isSurrogate((char) c)) continue;
            String s = String.valueOf((char) c);
            assertThat(Normalizer.norm(s)).as("U+%04X", c).isEqualTo(Normalizer.reference(s));
            assertThat(Normalizer.nfkc(s)).as("U+%04X", c).isEqualTo(nfkc(s));
        }
    }

    private static String nfkc(String s) {
        return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKC);
    }

    @Test
    void nfkcKeepsSpacesAndPunctuation() {
        assertThat(Normalizer.nfkc("１２ ３４，－")).isEqualTo("12 34,-");
        assertThat(Normalizer.nfkc("无")).isSameAs("无".intern());   // nothing to change: the same string
        assertThat(Normalizer.nfkc("ｶﾞ")).isEqualTo("ガ");
    }

    @Test
    void combiningSequencesGoThroughTheFullAlgorithm() {
        assertThat(Normalizer.norm("cafe\u0301")).isEqualTo("café");
        assertThat(Normalizer.norm("ｶﾞ")).isEqualTo("ガ");                 // half-width kana + voiced mark compose
        assertThat(Normalizer.norm("ㄱㅏ")).isEqualTo(Normalizer.reference("ㄱㅏ"));   // compatibility jamo compose
        assertThat(Normalizer.norm("２０２２ 年 １２ 月，“公开”")).isEqualTo("2022年12月,\"公开\"");
    }

    @Test
    void everySampleLineAndRandomMixesMatchFullNfkc() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(TestSupport.SAMPLES)) {
            files = s.sorted().toList();
        }
        StringBuilder pool = new StringBuilder();
        for (Path f : files) {
            for (String line : Files.readAllLines(f)) {
                assertThat(Normalizer.norm(line)).isEqualTo(Normalizer.reference(line));
                assertThat(Normalizer.nfkc(line)).isEqualTo(nfkc(line));
                pool.append(line);
            }
        }
        pool.append("ｶﾞｷﾞ\u3099\u309Aé\u0301ㄱㅏ①⑩㈱™ﬁ\u00A0\u3000ＡＢＣａｂｃ１２３＿－．，");
        Random rnd = new Random(1);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder s = new StringBuilder();
            for (int k = rnd.nextInt(12); k >= 0; k--) s.append(pool.charAt(rnd.nextInt(pool.length())));
            assertThat(Normalizer.norm(s.toString())).as(s.toString()).isEqualTo(Normalizer.reference(s.toString()));
            assertThat(Normalizer.nfkc(s.toString())).as(s.toString()).isEqualTo(nfkc(s.toString()));
        }
    }
}
