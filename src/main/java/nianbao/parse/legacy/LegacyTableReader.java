package nianbao.parse.legacy;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nianbao.model.LegacyRow;
import nianbao.model.LegacyTable;
import nianbao.model.SourceLine;
import nianbao.model.Statement;

/**
 * Finds and reads the local statistics table of a 2008-style report (「指标名称 计量单位 2013年度 历年累计」 followed
 * by rows 「主动公开信息数 条 425 1516」). Works on the report's lines, whatever the source: a table from HTML/DOCX/PDF
 * arrives as lines with cells separated by " | ", flattened text as one long line with the values run together.
 * Rows are found by their shape (label, unit, values), not by a list of expected labels; splitting the values into
 * columns is {@link LegacySplitter}'s business.
 */
public final class LegacyTableReader {
    private LegacyTableReader() {}

    /** A value column's heading: the reporting year (2013年度, 本年度, 本期, 全年, 年末统计) or a cumulative one (历年累计). */
    private static final String COLUMN =
            "(?:\\d{4}\\s*年\\s*度?|本\\s*年\\s*度?|本\\s*期|全\\s*年|年\\s*末\\s*统\\s*计|上\\s*年\\s*度?|历\\s*年\\s*累\\s*计|累\\s*计\\s*数?)";
    private static final Pattern HEADER = Pattern.compile("计\\s*量\\s*单\\s*位[\\s|]*((?:" + COLUMN + "[\\s|]*){1,4})");
    private static final Pattern COLUMN_P = Pattern.compile(COLUMN);
    private static final Pattern UNITS = Pattern.compile("人次|条|件|个|项|次|份");
    /**
     * One row: optional 其中, optional item number (「1.」「2、」「(3)」, or just the separator when the number was glued
     * to the values before it), the label (starts with a Han character, no digits), the unit, then the values
     * (digits, spaces, cell separators, blank marks).
     */
    private static final Pattern ROW = Pattern.compile(
            "[\\s|]*(其中\\s*:?)?[\\s|]*(?:\\((\\d{1,2})\\)|(\\d{1,2})\\s*[、.](?!\\d)|([、.]))?[\\s|]*"
            + "(\\p{IsHan}[^\\d\\s|:]{0,29}?)[\\s|]*(" + UNITS.pattern() + ")(?=[\\s|\\d/\\-—]|$)([\\d\\s|/\\-—]*)");
    /** What may follow a number that belongs to a date or a share, not to the table. */
    private static final String NOT_A_VALUE = "年月日号%";
    private static final int MAX_LINES = 80;
    /** A statistics table is short: no more text than this after its header is looked at (a flattened page may be megabytes). */
    private static final int MAX_CHARS = 20_000;

    /** A row as found, before its values are split into columns. */
    static final class RawRow {
        boolean qizhong;
        int number;          // 0 = none, -1 = glued and not recoverable
        boolean glued;       // the item number was run into the values before
        String label, unit, values;
        int line;
        boolean badGlue;     // the values end with something other than the next item's number
    }

    /** The first legacy statistics table in the lines, or null when there is none. */
    public static LegacyTable read(List<SourceLine> lines, List<Statement> narrative) {
        for (int i = 0; i < lines.size(); i++) {
            String t = nfkc(lines.get(i).text());
            if (t.indexOf('计') < 0) continue;
            Matcher h = HEADER.matcher(t);
            if (!h.find()) continue;
            List<String> columns = new ArrayList<>();
            Matcher c = COLUMN_P.matcher(h.group(1));
            while (c.find()) columns.add(c.group().replaceAll("\\s+", ""));
            // the text from the header on, with each character's source line
            StringBuilder sb = new StringBuilder();
            List<Integer> at = new ArrayList<>();
            append(sb, at, t.substring(h.end()), lines.get(i).no());
            for (int j = i + 1; j < lines.size() && j <= i + MAX_LINES; j++) {
                append(sb, at, " ", lines.get(j - 1).no());
                append(sb, at, nfkc(lines.get(j).text()), lines.get(j).no());
            }
            List<RawRow> raws = rows(sb.toString(), at);
            if (raws.isEmpty()) continue;
            List<LegacyRow> rows = LegacySplitter.split(raws, columns, narrative);
            String layout = LegacySplitter.layout(raws, columns.size());
            return new LegacyTable(lines.get(i).no(), h.group().trim(), columns, LegacySplitter.periodColumn(columns), layout, rows);
        }
        return null;
    }

    private static void append(StringBuilder sb, List<Integer> at, String s, int line) {
        if (sb.length() >= MAX_CHARS) return;
        if (sb.length() + s.length() > MAX_CHARS) s = s.substring(0, MAX_CHARS - sb.length());
        sb.append(s);
        for (int k = 0; k < s.length(); k++) at.add(line);
    }

    static String nfkc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).replace('\u3000', ' ').replace('\u00a0', ' ');
    }

    /** The rows that follow a header, in order; reading stops at the first text that is not a row. */
    static List<RawRow> rows(String text, List<Integer> at) {
        List<RawRow> out = new ArrayList<>();
        int pos = 0;
        Matcher m = ROW.matcher(text);
        while (pos < text.length()) {
            m.region(pos, text.length());
            if (!m.lookingAt() || m.end() == pos) break;
            RawRow r = new RawRow();
            r.qizhong = m.group(1) != null;
            r.number = m.group(2) != null ? Integer.parseInt(m.group(2)) : m.group(3) != null ? Integer.parseInt(m.group(3)) : 0;
            r.glued = m.group(4) != null;
            r.label = m.group(5);
            r.unit = m.group(6);
            r.values = m.group(7);
            r.line = at.get(m.start(5));
            pos = m.end();
            boolean stop = false;
            if (pos < text.length() && NOT_A_VALUE.indexOf(text.charAt(pos)) >= 0) {
                // "…行政申诉数 条 0 0 2014年1月10日": the last digits are the date after the table
                r.values = r.values.replaceAll("\\d+\\s*$", "");
                stop = true;
            }
            if (r.glued) unglue(out, r);
            out.add(r);
            if (stop) break;
        }
        return out;
    }

    /**
     * 「…网站公开条171350172.政府公报公开…」: the row's item number was run into the values of the row before. The
     * number expected there (the previous item's number + 1, or 1 after a top-level row) is taken off the end of
     * those values when they end with it; otherwise the row before cannot be read.
     */
    private static void unglue(List<RawRow> out, RawRow r) {
        if (out.isEmpty()) { r.number = -1; return; }
        RawRow prev = out.get(out.size() - 1);
        int expected = prev.number > 0 ? prev.number + 1 : 1;
        String e = String.valueOf(expected);
        String v = prev.values.replaceAll("[\\s|]+$", "");
        if (v.endsWith(e)) {
            prev.values = v.substring(0, v.length() - e.length());
            r.number = expected;
        } else {
            prev.badGlue = true;
            r.number = -1;
        }
    }
}
