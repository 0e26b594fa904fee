package nianbao.parse.tables;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Numbers as printed in a cell: signs ("+91"), thousands separators, money units normalised to 万元. */
final class Values {
    private Values() {}

    private static final Pattern NUMBER = Pattern.compile("([+\\-]?)(\\d[\\d,]*(?:\\.\\d+)?)(万元|元)?");

    /** The number in one token, or null when the token is not a number. */
    static BigDecimal parse(String token) {
        String t = java.text.Normalizer.normalize(token, java.text.Normalizer.Form.NFKC).strip();
        Matcher m = NUMBER.matcher(t);
        if (!m.matches()) return null;
        BigDecimal v = new BigDecimal(m.group(2).replace(",", ""));
        if ("元".equals(m.group(3))) v = v.divide(BigDecimal.valueOf(10000), 6, RoundingMode.HALF_UP).stripTrailingZeros();
        return m.group(1).equals("-") ? v.negate() : v;
    }

    /** True for a bare run of two or more digits that could hide several cells ("3960181"). */
    static boolean isDigitRun(String token) {
        return token.matches("\\d{2,}");
    }

    /**
     * Every way to cut the digit runs among {@code tokens} so that there are exactly {@code k} numbers,
     * with no piece starting with 0 unless it is "0". Bounded: gives up (returns null) past {@code limit}.
     */
    static List<List<String>> splits(List<String> tokens, int k, int limit) {
        List<List<String>> out = new ArrayList<>();
        if (!expand(tokens, 0, k, new ArrayList<>(), out, limit)) return null;
        return out;
    }

    private static boolean expand(List<String> tokens, int i, int k, List<String> acc, List<List<String>> out, int limit) {
        int remainingTokens = tokens.size() - i;
        if (remainingTokens == 0) {
            if (acc.size() == k) out.add(new ArrayList<>(acc));
            return out.size() <= limit;
        }
        String t = tokens.get(i);
        int need = k - acc.size();
        if (need < remainingTokens) return true;
        if (!isDigitRun(t)) {
            acc.add(t);
            boolean ok = expand(tokens, i + 1, k, acc, out, limit);
            acc.remove(acc.size() - 1);
            return ok;
        }
        int maxPieces = Math.min(t.length(), need - (remainingTokens - 1));
        for (int p = 1; p <= maxPieces; p++) {
            for (List<String> cut : cuts(t, p)) {
                acc.addAll(cut);
                boolean ok = expand(tokens, i + 1, k, acc, out, limit);
                for (int j = 0; j < cut.size(); j++) acc.remove(acc.size() - 1);
                if (!ok) return false;
            }
        }
        return true;
    }

    /** The ways to cut a digit string into p valid numbers. */
    private static List<List<String>> cuts(String s, int p) {
        List<List<String>> out = new ArrayList<>();
        cut(s, p, new ArrayList<>(), out);
        return out;
    }

    private static void cut(String s, int p, List<String> acc, List<List<String>> out) {
        if (p == 1) {
            if (s.length() == 1 || s.charAt(0) != '0') {
                acc.add(s);
                out.add(new ArrayList<>(acc));
                acc.remove(acc.size() - 1);
            }
            return;
        }
        for (int len = 1; len <= s.length() - (p - 1); len++) {
            String head = s.substring(0, len);
            if (len > 1 && head.charAt(0) == '0') break;
            acc.add(head);
            cut(s.substring(len), p - 1, acc, out);
            acc.remove(acc.size() - 1);
        }
    }
}
