package nianbao.parse;

import java.text.Normalizer.Form;

/**
 * Text as matched, never as quoted: NFKC (full-width to half-width), curly quotes made straight,
 * and all whitespace removed, so "2022 年 1 2 月" matches like "2022年12月" and "法律服 务机构"
 * like "法律服务机构". Evidence always quotes the original text.
 */
public final class Normalizer {
    private Normalizer() {}

    public static String norm(String s) {
        if (s == null || s.isEmpty()) return "";
        String n = java.text.Normalizer.normalize(s, Form.NFKC);
        StringBuilder sb = new StringBuilder(n.length());
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B' || c == '\uFEFF') continue;
            sb.append(switch (c) {
                case '“', '”', '„', '〝', '〞' -> '"';
                case '‘', '’' -> '\'';
                case '—', '–', '－', '―' -> '-';
                case '〇', '○', 'Ｏ', '零' -> '〇';
                case '，' -> ',';
                case '．' -> '.';
                default -> c;
            });
        }
        return sb.toString();
    }
}
