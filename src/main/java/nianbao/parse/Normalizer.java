package nianbao.parse;

import java.text.Normalizer.Form;

/**
 * Text as matched, never as quoted: NFKC (full-width to half-width), curly quotes made straight,
 * and all whitespace removed, so "2022 年 1 2 月" matches like "2022年12月" and "法律服 务机构"
 * like "法律服务机构". Evidence always quotes the original text.
 */
public final class Normalizer {
    private Normalizer() {}

    /**
     * Per character: its NFKC when that is one character that nothing can combine with, else {@link #COMPLEX};
     * 0 until first seen (filled lazily; a race only computes an entry twice). Most lines are made of such
     * characters, so they are normalised character by character; a line with any other character goes through
     * the full NFKC algorithm. Every line is normalised several times (parser, tables, rules), so this matters.
     */
    private static final char[] SIMPLE = new char[0x10000];
    private static final char COMPLEX = '\uFFFF';

    public static String norm(String s) {
        if (s == null || s.isEmpty()) return "";
        char[] out = new char[s.length()];
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            // CJK unified ideographs, most of a report, are NFKC-stable, no space, and only 零 is unified
            if (c >= 0x4E00 && c <= 0x9FFF) { out[n++] = c == '零' ? '〇' : c; continue; }
            char k = alone(c);
            if (k == COMPLEX) return matched(java.text.Normalizer.normalize(s, Form.NFKC));
            if (!skipped(k)) out[n++] = unified(k);
        }
        return new String(out, 0, n);
    }

    /**
     * An ASCII digit anywhere — what a regex {@code \d} matches (after NFKC every digit a report writes is one):
     * the cheap test before a pattern that needs a digit.
     */
    public static boolean hasAsciiDigit(String s) {
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) >= '0' && s.charAt(i) <= '9') return true;
        return false;
    }

    /** Exactly NFKC, whitespace and punctuation kept (numbers are cut at spaces), through the same table as {@link #norm}. */
    public static String nfkc(String s) {
        char[] out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i), k = alone(c);
            if (k == COMPLEX) return java.text.Normalizer.normalize(s, Form.NFKC);
            if (k != c) {
                if (out == null) out = s.toCharArray();
                out[i] = k;
            }
        }
        return out == null ? s : new String(out);
    }

    /** The definition {@link #norm} implements faster: full NFKC, then {@link #matched}. */
    static String reference(String s) {
        return s == null || s.isEmpty() ? "" : matched(java.text.Normalizer.normalize(s, Form.NFKC));
    }

    /** Whitespace removed and look-alike punctuation unified, on NFKC text. */
    private static String matched(String nfkc) {
        StringBuilder sb = new StringBuilder(nfkc.length());
        for (int i = 0; i < nfkc.length(); i++) {
            char c = nfkc.charAt(i);
            if (!skipped(c)) sb.append(unified(c));
        }
        return sb.toString();
    }

    private static boolean skipped(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B' || c == '\uFEFF';
    }

    private static char unified(char c) {
        return switch (c) {
            case '“', '”', '„', '〝', '〞' -> '"';
            case '‘', '’' -> '\'';
            case '—', '–', '－', '―' -> '-';
            case '〇', '○', 'Ｏ', '零' -> '〇';
            case '，' -> ',';
            case '．' -> '.';
            default -> c;
        };
    }

    /** The character's NFKC from the table, or {@link #COMPLEX}. */
    private static char alone(char c) {
        if (c >= 0x4E00 && c <= 0x9FFF) return c;   // CJK unified ideographs are NFKC-stable
        char k = SIMPLE[c];
        return k != 0 ? k : (SIMPLE[c] = simple(c));
    }

    private static char simple(char c) {
        if (Character.isSurrogate(c) || c == COMPLEX || !standsAlone(c)) return COMPLEX;
        String n = java.text.Normalizer.normalize(String.valueOf(c), Form.NFKC);
        return n.length() == 1 && n.charAt(0) != 0 && standsAlone(n.charAt(0)) ? n.charAt(0) : COMPLEX;
    }

    /** Not a combining mark and not a Hangul jamo or syllable: nothing composes with it. */
    private static boolean standsAlone(char c) {
        int type = Character.getType(c);
        if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK) return false;
        return !(c >= 0x1100 && c <= 0x11FF || c >= 0x3130 && c <= 0x318F || c >= 0xA960 && c <= 0xA97F
                || c >= 0xAC00 && c <= 0xD7FF || c >= 0xFFA0 && c <= 0xFFDC);
    }
}
