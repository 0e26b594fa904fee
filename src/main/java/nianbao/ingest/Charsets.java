package nianbao.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * Decides how to decode a report's bytes: byte-order mark first, then strict UTF-8, then a
 * declared charset (HTML meta), then juniversalchardet, which tells GBK from Big5 even on short
 * texts. GBK is read as GB18030, its superset.
 */
public final class Charsets {
    public static final Charset GB18030 = Charset.forName("GB18030");

    private Charsets() {}

    /** A decoding: the charset and how many leading bytes (a BOM) to skip. */
    public record Decoding(Charset charset, int skip) {
        public String decode(byte[] bytes) {
            return new String(bytes, skip, bytes.length - skip, charset);
        }
    }

    public static Decoding detect(byte[] b, Optional<String> declared) {
        if (startsWith(b, 0xEF, 0xBB, 0xBF)) return new Decoding(StandardCharsets.UTF_8, 3);
        if (startsWith(b, 0xFF, 0xFE)) return new Decoding(StandardCharsets.UTF_16LE, 2);
        if (startsWith(b, 0xFE, 0xFF)) return new Decoding(StandardCharsets.UTF_16BE, 2);
        if (isUtf8(b)) return new Decoding(StandardCharsets.UTF_8, 0);
        Optional<Charset> utf16 = utf16WithoutBom(b);
        if (utf16.isPresent()) return new Decoding(utf16.get(), 0);
        if (declared.isPresent()) {
            Charset cs = forName(declared.get());
            if (cs != null && isStrict(b, cs)) return new Decoding(widen(cs), 0);
        }
        UniversalDetector detector = new UniversalDetector();
        detector.handleData(b, 0, Math.min(b.length, 1 << 20));
        detector.dataEnd();
        Charset guessed = forName(detector.getDetectedCharset());
        return new Decoding(guessed == null ? GB18030 : widen(guessed), 0);
    }

    /**
     * UTF-16 without a BOM: NULs (the high byte of ASCII characters) on one side only, and the
     * head decodes to mostly Chinese, ASCII and full-width characters. Chinese-heavy text has few
     * ASCII characters, so a share of NULs is not enough on its own; the decoded text decides.
     */
    static Optional<Charset> utf16WithoutBom(byte[] b) {
        int n = Math.min(b.length & ~1, 8192);
        if (n < 8) return Optional.empty();
        int zeroEven = 0, zeroOdd = 0;
        for (int i = 0; i < n; i += 2) {
            if (b[i] == 0) zeroEven++;
            if (b[i + 1] == 0) zeroOdd++;
        }
        int pairs = n / 2;
        if (zeroOdd * 100 >= pairs && zeroEven * 8 < zeroOdd && plausible(b, n, StandardCharsets.UTF_16LE)) {
            return Optional.of(StandardCharsets.UTF_16LE);
        }
        if (zeroEven * 100 >= pairs && zeroOdd * 8 < zeroEven && plausible(b, n, StandardCharsets.UTF_16BE)) {
            return Optional.of(StandardCharsets.UTF_16BE);
        }
        return Optional.empty();
    }

    /** At least 90% of the decoded head is CJK, CJK punctuation, full-width forms or printable ASCII. */
    private static boolean plausible(byte[] b, int n, Charset cs) {
        String s = new String(b, 0, n, cs);
        int good = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7F || c == '\n' || c == '\r' || c == '\t' || c >= 0x4E00 && c <= 0x9FFF
                    || c >= 0x3000 && c <= 0x303F || c >= 0xFF00 && c <= 0xFFEF || c >= 0x2000 && c <= 0x206F || c == 0xA0) {
                good++;
            }
        }
        return good * 10 >= s.length() * 9;
    }

    private static Charset widen(Charset cs) {
        String n = cs.name().toUpperCase();
        return n.equals("GBK") || n.equals("GB2312") || n.equals("EUC-CN") || n.equals("X-EUC-CN") ? GB18030 : cs;
    }

    private static Charset forName(String name) {
        if (name == null || name.isBlank()) return null;
        try {
            return Charset.forName(name.trim());
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Whether the bytes are well-formed UTF-8, exactly as the JDK's decoder with {@code REPORT} judges them
     * (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF, no sequence cut off at the end),
     * without decoding: most reports are UTF-8, and the text is decoded once afterwards.
     */
    static boolean isUtf8(byte[] b) {
        int i = 0, n = b.length;
        while (i < n) {
            int c = b[i];
            if (c >= 0) { i++; continue; }   // ASCII
            c &= 0xFF;
            int len, lo = 0x80, hi = 0xBF;   // allowed range of the second byte
            if (c >= 0xC2 && c <= 0xDF) len = 2;
            else if (c >= 0xE0 && c <= 0xEF) {
                len = 3;
                if (c == 0xE0) lo = 0xA0;        // overlong
                else if (c == 0xED) hi = 0x9F;   // surrogates
            } else if (c >= 0xF0 && c <= 0xF4) {
                len = 4;
                if (c == 0xF0) lo = 0x90;        // overlong
                else if (c == 0xF4) hi = 0x8F;   // above U+10FFFF
            } else return false;                 // a continuation byte, C0, C1 or F5..FF as a lead
            if (i + len > n) return false;
            int second = b[i + 1] & 0xFF;
            if (second < lo || second > hi) return false;
            for (int k = 2; k < len; k++) if ((b[i + k] & 0xC0) != 0x80) return false;
            i += len;
        }
        return true;
    }

    static boolean isStrict(byte[] b, Charset cs) {
        try {
            cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if ((b[i] & 0xFF) != prefix[i]) return false;
        return true;
    }
}
