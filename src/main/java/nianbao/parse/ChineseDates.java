package nianbao.parse;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Dates as Chinese reports write them: 2022.02.21, 2018-02-11, 2022年1月24日, 二〇一二年二月二十日. */
public final class ChineseDates {
    private static final String CN = "〇一二三四五六七八九十";
    static final Pattern DATE = Pattern.compile("((?:19|20)\\d{2})(?:年|[.\\-/])(\\d{1,2})(?:月|[.\\-/])(\\d{1,2})日?");
    private static final Pattern CN_DATE = Pattern.compile("([〇一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,4})日");

    private ChineseDates() {}

    /** A date found in normalised text with its offsets. */
    public record Found(LocalDate date, int start, int end) {}

    /** All dates in a normalised string, in order. */
    public static List<Found> findAll(String norm) {
        List<Found> out = new ArrayList<>();
        // each pattern only on a line holding what every match of it holds: most lines have no date
        if (Normalizer.hasAsciiDigit(norm)) {
            Matcher m = DATE.matcher(norm);
            while (m.find()) {
                LocalDate d = date(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
                if (d != null) out.add(new Found(d, m.start(), m.end()));
            }
        }
        if (norm.indexOf('月') >= 0 && norm.indexOf('日') >= 0) {
            Matcher c = CN_DATE.matcher(norm);
            while (c.find()) {
                LocalDate d = date(cnDigits(c.group(1)), cnNumber(c.group(2)), cnNumber(c.group(3)));
                if (d != null) out.add(new Found(d, c.start(), c.end()));
            }
        }
        out.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return out;
    }

    /** 二〇一二 → 2012 (digit by digit). */
    static int cnDigits(String s) {
        int v = 0;
        for (char ch : s.toCharArray()) v = v * 10 + CN.indexOf(ch);
        return v;
    }

    /** 二十 → 20, 十二 → 12, 三十一 → 31, 九 → 9. */
    public static int cnNumber(String s) {
        int ten = s.indexOf('十');
        if (ten < 0) return cnDigits(s);
        int tens = ten == 0 ? 1 : CN.indexOf(s.charAt(ten - 1));
        int ones = ten == s.length() - 1 ? 0 : CN.indexOf(s.charAt(ten + 1));
        return tens * 10 + ones;
    }

    private static LocalDate date(int y, int m, int d) {
        try {
            return LocalDate.of(y, m, d);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
