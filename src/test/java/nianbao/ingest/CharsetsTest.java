package nianbao.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The UTF-8 check without decoding must agree with the JDK's strict decoder on every byte sequence. */
class CharsetsTest {
    private static final CharsetDecoder JDK = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);

    /** What {@code CharsetDecoder.decode(ByteBuffer)} (as {@link Charsets#isStrict} calls it) decides, without its exception. */
    private static boolean jdkAccepts(byte[] b) {
        JDK.reset();
        CharBuffer out = CharBuffer.allocate(2 * b.length + 4);
        return !JDK.decode(ByteBuffer.wrap(b), out, true).isError() && !JDK.flush(out).isError();
    }

    private static void agree(byte[] b) {
        boolean expected = jdkAccepts(b);
        if (expected != Charsets.isUtf8(b)) assertEquals(expected, Charsets.isUtf8(b), Arrays.toString(b));
    }

    @Test
    void theReferenceIsTheStrictDecoder() {
        for (byte[] b : new byte[][] {{'a'}, {(byte) 0xE4, (byte) 0xB8, (byte) 0x80}, {(byte) 0xE4, (byte) 0xB8}, {(byte) 0xC0, (byte) 0x80}}) {
            assertEquals(Charsets.isStrict(b, StandardCharsets.UTF_8), jdkAccepts(b));
        }
    }

    @Test
    void everyLeadAndSecondByteWithTheirTruncations() {
        // Every pair of first two bytes, followed by continuation bytes, by ASCII and by nothing: this covers
        // each lead's allowed second-byte range (overlongs, surrogates, above U+10FFFF) and every cut-off sequence.
        byte[][] tails = {{}, {(byte) 0x80}, {(byte) 0xBF, (byte) 0x80}, {(byte) 0x80, (byte) 0x80, 'a'}, {'a', 'b'}, {(byte) 0xC0, (byte) 0x80}};
        for (int first = 0; first < 256; first++) {
            agree(new byte[] {(byte) first});
            for (int second = 0; second < 256; second++) {
                for (byte[] tail : tails) {
                    byte[] b = new byte[2 + tail.length];
                    b[0] = (byte) first;
                    b[1] = (byte) second;
                    System.arraycopy(tail, 0, b, 2, tail.length);
                    agree(b);
                    byte[] behindAscii = new byte[b.length + 1];
                    behindAscii[0] = 'x';
                    System.arraycopy(b, 0, behindAscii, 1, b.length);
                    agree(behindAscii);
                }
            }
        }
    }

    @Test
    void everyThirdAndFourthByteAfterEachMultiByteLead() {
        int[] leads = {0xE0, 0xE1, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5};
        for (int lead : leads) {
            for (int second : new int[] {0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF}) {
                for (int third = 0; third < 256; third++) {
                    agree(new byte[] {(byte) lead, (byte) second, (byte) third});
                    for (int fourth = 0; fourth < 256; fourth += 3) {
                        agree(new byte[] {(byte) lead, (byte) second, (byte) third, (byte) fourth});
                    }
                }
            }
        }
    }

    @Test
    void randomTextsAndTheirCorruptions() {
        Random random = new Random(20261130);
        String alphabet = "政府信息公开工作年度报告，。（一）表三12ab\n\t€😀\u00e9\uFEFF";
        for (int t = 0; t < 20_000; t++) {
            StringBuilder sb = new StringBuilder();
            int len = random.nextInt(40);
            for (int i = 0; i < len; i++) sb.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0, random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
            byte[] b = sb.toString().getBytes(StandardCharsets.UTF_8);
            agree(b);
            if (b.length > 0) {
                b[random.nextInt(b.length)] = (byte) random.nextInt(256);
                agree(b);
                agree(Arrays.copyOf(b, random.nextInt(b.length)));
            }
            agree(sb.toString().getBytes(Charsets.GB18030));
        }
    }
}
