package nianbao.ingest;

import java.util.HashMap;
import java.util.Map;

/**
 * Word's automatic list numbers ("一、", "（二）", "3.") are not part of the paragraph text, yet
 * the report's section headings depend on them; this counts them as Word would and renders
 * the level text. Shared by the DOCX and DOC readers.
 */
final class WordNumbering {
    private final Map<String, int[]> counters = new HashMap<>();

    /**
     * The number text for the next paragraph of list {@code list} at level {@code level}.
     * {@code levelText} uses %1..%9 for the counters of levels 0..8 (DOCX form).
     */
    String next(String list, int level, String levelText, Format[] formats, int[] starts) {
        if (level < 0 || level > 8) return "";
        int[] c = counters.computeIfAbsent(list, k -> new int[9]);
        c[level] = c[level] == 0 ? start(starts, level) : c[level] + 1;
        for (int l = level + 1; l < 9; l++) c[l] = 0;
        if (levelText == null) return "";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < levelText.length(); i++) {
            char ch = levelText.charAt(i);
            if (ch == '%' && i + 1 < levelText.length() && Character.isDigit(levelText.charAt(i + 1))) {
                int l = levelText.charAt(++i) - '1';
                if (l < 0 || l > 8) continue;
                int n = c[l] == 0 ? start(starts, l) : c[l];
                sb.append(format(n, formats == null || l >= formats.length || formats[l] == null ? Format.DECIMAL : formats[l]));
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }

    private static int start(int[] starts, int level) {
        return starts != null && level < starts.length && starts[level] > 0 ? starts[level] : 1;
    }

    enum Format { DECIMAL, CHINESE, CHINESE_LEGAL, CIRCLED, UPPER_LETTER, LOWER_LETTER, UPPER_ROMAN, LOWER_ROMAN, FULL_WIDTH, TIANGAN, NONE }

    /** Maps an OOXML numFmt value. */
    static Format ooxml(String f) {
        if (f == null) return Format.DECIMAL;
        return switch (f) {
            case "chineseCounting", "chineseCountingThousand", "japaneseCounting", "ideographDigital", "koreanCounting" -> Format.CHINESE;
            case "chineseLegalSimplified", "ideographLegalTraditional", "japaneseLegal" -> Format.CHINESE_LEGAL;
            case "decimalEnclosedCircle", "decimalEnclosedCircleChinese" -> Format.CIRCLED;
            case "upperLetter" -> Format.UPPER_LETTER;
            case "lowerLetter" -> Format.LOWER_LETTER;
            case "upperRoman" -> Format.UPPER_ROMAN;
            case "lowerRoman" -> Format.LOWER_ROMAN;
            case "decimalFullWidth", "decimalFullWidth2" -> Format.FULL_WIDTH;
            case "ideographTraditional" -> Format.TIANGAN;
            case "none", "bullet" -> Format.NONE;
            default -> Format.DECIMAL;
        };
    }

    /** Maps a Word 97 number format code (nfc). */
    static Format nfc(int nfc) {
        return switch (nfc) {
            case 1 -> Format.UPPER_ROMAN;
            case 2 -> Format.LOWER_ROMAN;
            case 3 -> Format.UPPER_LETTER;
            case 4 -> Format.LOWER_LETTER;
            case 14, 22 -> Format.FULL_WIDTH;
            case 18 -> Format.CIRCLED;
            case 30 -> Format.TIANGAN;
            case 10, 11, 33, 35, 38, 39 -> Format.CHINESE;
            case 12, 34 -> Format.CHINESE_LEGAL;
            case 23, 255 -> Format.NONE;
            default -> Format.DECIMAL;
        };
    }

    static String format(int n, Format f) {
        return switch (f) {
            case NONE -> "";
            case CHINESE -> chinese(n, "〇一二三四五六七八九", "十百千");
            case CHINESE_LEGAL -> chinese(n, "零壹贰叁肆伍陆柒捌玖", "拾佰仟");
            case CIRCLED -> n >= 1 && n <= 20 ? String.valueOf((char) ('\u2460' + n - 1)) : Integer.toString(n);
            case UPPER_LETTER -> letters(n).toUpperCase();
            case LOWER_LETTER -> letters(n);
            case UPPER_ROMAN -> roman(n);
            case LOWER_ROMAN -> roman(n).toLowerCase();
            case FULL_WIDTH -> Integer.toString(n).chars().mapToObj(ch -> String.valueOf((char) (ch - '0' + '０')))
                    .reduce("", String::concat);
            case TIANGAN -> n >= 1 && n <= 10 ? String.valueOf("甲乙丙丁戊己庚辛壬癸".charAt(n - 1)) : Integer.toString(n);
            case DECIMAL -> Integer.toString(n);
        };
    }

    /** 1..9999 in Chinese counting: 十一, 二十, 一百零五. */
    static String chinese(int n, String digits, String units) {
        if (n <= 0 || n >= 10000) return Integer.toString(n);
        if (n < 10) return String.valueOf(digits.charAt(n));
        if (n < 20 && units.charAt(0) == '十') return "十" + (n % 10 == 0 ? "" : String.valueOf(digits.charAt(n % 10)));
        StringBuilder sb = new StringBuilder();
        int[] pow = {1000, 100, 10};
        boolean zero = false;
        for (int i = 0; i < 3; i++) {
            int d = n / pow[i] % 10;
            if (d == 0) {
                zero = sb.length() > 0;
            } else {
                if (zero) sb.append(digits.charAt(0));
                sb.append(digits.charAt(d)).append(units.charAt(2 - i));
                zero = false;
            }
        }
        if (n % 10 != 0) {
            if (zero) sb.append(digits.charAt(0));
            sb.append(digits.charAt(n % 10));
        }
        return sb.toString();
    }

    private static String letters(int n) {
        if (n <= 0) return Integer.toString(n);
        String s = String.valueOf((char) ('a' + (n - 1) % 26));
        return s.repeat((n - 1) / 26 + 1);
    }

    private static String roman(int n) {
        if (n <= 0 || n >= 4000) return Integer.toString(n);
        int[] v = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
        String[] s = {"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"};
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < v.length; i++) while (n >= v[i]) { sb.append(s[i]); n -= v[i]; }
        return sb.toString();
    }
}
