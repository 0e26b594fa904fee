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
    /** A run that may hide several cells: sign, two or more digits, decimals and unit on the last cell. */
    private static final Pattern RUN = Pattern.compile("([+\\-]?)(\\d{2,})((?:\\.\\d+)?(?:万元|元)?)");

    /** The number in one token, or null when the token is not a number. */
    static BigDecimal parse(String token) {
        String t = nianbao.parse.Normalizer.nfkc(token).strip();   // exactly NFKC, without the full algorithm for plain text
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
     * True for a token whose digits could be several cells run together: "3960181", "+82179" (a signed
     * 本年增/减 and the cells after it), "225253.168万元" (a count and an amount).
     */
    static boolean isRun(String token) {
        return RUN.matcher(token).matches();
    }

    /**
     * Every way to read {@code tokens} as exactly {@code k} cells: each run of digits is cut into numbers
     * without leading zeros (a lone 0 excepted), its sign going with the first and its decimals and unit
     * with the last; other tokens are one cell each. When the digits cannot fill k cells, the missing
     * cells are blanks ("") at any position (a flattened source leaves nothing for an empty cell).
     * Returns null past {@code limit} readings.
     */
    static List<List<String>> splits(List<String> tokens, int k, int limit) {
        return splits(tokens, k, limit, false);
    }

    /** How many cells the tokens can fill at most (every digit of a run a cell of its own). */
    static int maxPieces(List<String> tokens) {
        int max = 0;
        for (String t : tokens) {
            Matcher m = RUN.matcher(t);
            max += m.matches() ? m.group(2).length() : 1;
        }
        return max;
    }

    /** @param blanks also read blanks at any place when the digits could fill every cell (a table that leaves empty cells unwritten) */
    static List<List<String>> splits(List<String> tokens, int k, int limit, boolean blanks) {
        int max = maxPieces(tokens);
        List<List<String>> out = new ArrayList<>();
        if (max >= k && !blanks) {
            if (!expand(tokens, 0, k, new ArrayList<>(), out, limit)) return null;
            return out;
        }
        // Too few digits: every reading with k - p blanks, for every piece count p the digits allow.
        for (int p = Math.max(1, tokens.size()); p <= Math.min(max, k); p++) {
            List<List<String>> pieces = new ArrayList<>();
            if (!expand(tokens, 0, p, new ArrayList<>(), pieces, limit)) return null;
            for (List<String> ps : pieces) {
                if (!blanks(ps, k, 0, new ArrayList<>(), out, limit)) return null;
            }
        }
        return out;
    }

    private static boolean blanks(List<String> pieces, int k, int used, List<String> acc, List<List<String>> out, int limit) {
        if (acc.size() == k) {
            if (used == pieces.size()) out.add(new ArrayList<>(acc));
            return out.size() <= limit;
        }
        int slots = k - acc.size(), left = pieces.size() - used;
        if (left > 0) {
            acc.add(pieces.get(used));
            boolean ok = blanks(pieces, k, used + 1, acc, out, limit);
            acc.remove(acc.size() - 1);
            if (!ok) return false;
        }
        if (slots > left) {
            acc.add("");
            boolean ok = blanks(pieces, k, used, acc, out, limit);
            acc.remove(acc.size() - 1);
            if (!ok) return false;
        }
        return true;
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
        Matcher m = RUN.matcher(t);
        if (!m.matches()) {
            acc.add(t);
            boolean ok = expand(tokens, i + 1, k, acc, out, limit);
            acc.remove(acc.size() - 1);
            return ok;
        }
        String sign = m.group(1), digits = m.group(2), tail = m.group(3);
        int maxPieces = Math.min(digits.length(), need - (remainingTokens - 1));
        for (int p = 1; p <= maxPieces; p++) {
            for (List<String> cut : cuts(digits, p)) {
                cut.set(0, sign + cut.get(0));
                cut.set(cut.size() - 1, cut.get(cut.size() - 1) + tail);
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
