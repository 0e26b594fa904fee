package nianbao.parse.tables;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import nianbao.ingest.Block;
import nianbao.ingest.GridCell;
import nianbao.ingest.TableBlock;
import nianbao.ingest.TextBlock;
import nianbao.parse.Debris;
import nianbao.parse.Normalizer;

/**
 * Cuts a document into {@link Item}s, one per table cell, for every layout the samples show:
 * HTML grids, pipe rows (markdown or HTML-to-text with one cell per line), tab rows, and one cell per line.
 */
final class Tokens {
    private Tokens() {}

    private static final Pattern NUMBER = Pattern.compile("[+\\-]?\\d[\\d,]*(\\.\\d+)?(万元|元)?");
    /** Placeholders people type into a cell instead of a number; kept as unreadable values, not labels. */
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern RULE_LINE = Pattern.compile("[|\\s:\\-]*");
    private static final Pattern PLACEHOLDER = Pattern.compile("无|/|-|--|—|——|x|X|×|空|\\?");

    /** @param debris whether a text line is page furniture (the parser knows it already) */
    static List<Item> of(List<Block> blocks, java.util.function.Predicate<String> debris) {
        return of(blocks, debris, List.of());
    }

    /**
     * @param debris whether a text line is page furniture (the parser knows it already)
     * @param labels the row labels of table 2 (both formats): in a flattened table they tell a row label
     *               from the captions and the other labels it is glued to
     */
    static List<Item> of(List<Block> blocks, java.util.function.Predicate<String> debris, List<String> labels) {
        List<Item> out = new ArrayList<>();
        boolean prevTab = false;
        for (Block b : blocks) {
            if (b instanceof TableBlock tb) {
                for (List<GridCell> row : tb.rows()) {
                    for (GridCell c : row) if (c.origin()) out.add(item(c.text(), c.line()));
                }
                prevTab = false;
            } else if (b instanceof TextBlock t) {
                String s = t.text();
                if (s.isEmpty()) continue;
                // Page furniture ("— 3 —", "第3页共9页", share bars) is no cell; converter comments are no text.
                // A whole report run into one line may end in the site's footer: its table is still a table.
                if (debris.test(s) && !flattened(s)) continue;
                s = Debris.stripText(s);
                if (isBlankish(s)) {
                    // A line holding a single space (or tab) is an empty cell; longer runs are indentation.
                    if (s.length() == 1) out.add(new Item(Item.Kind.BLANK, "", "", t.line()));
                    continue;
                }
                if (s.indexOf('|') >= 0) {
                    pipeRow(s, t.line(), out);
                    prevTab = false;
                } else if (s.indexOf('\t') >= 0) {
                    String[] parts = s.split("\t", -1);
                    for (int i = 0; i < parts.length; i++) {
                        if (i == 0 && parts[0].isBlank()) continue; // indentation
                        out.add(item(parts[i], t.line()));
                    }
                    prevTab = s.startsWith("\t");
                } else if (flattened(s)) {
                    flat(s, t.line(), labels, out);
                    prevTab = false;
                } else {
                    Item it = item(s, t.line());
                    Item last = out.isEmpty() ? null : out.get(out.size() - 1);
                    // Word-to-text breaks a header cell over lines ("\t商业" / "企业"): the untabbed tail belongs to it.
                    if (prevTab && it.isText() && last != null && last.isText() && it.norm().length() <= 6) {
                        out.set(out.size() - 1, new Item(Item.Kind.TEXT, last.raw() + it.raw(), last.norm() + it.norm(), last.line()));
                    } else out.add(it);
                    prevTab = false;
                }
            }
        }
        return out;
    }

    // ---- tables flattened into running text ---------------------------------------------------------

    /**
     * A value glued between label texts ("数量110000011二、", "规章000行政规范性文件"): digits right after a
     * CJK character or a closing bracket and right before the next label, not before a counter word or a
     * date unit (narrative "收到申请11件", "2022年" are not table cells).
     */
    private static final Pattern GLUED = Pattern.compile(
            "[\\p{IsHan})”]\\s*[+\\-]?\\d[\\d ]*(?:\\.\\d+)?(?:万元|元)?(?=[\\p{IsHan}(“]|\\s*$)");
    /** Words only a statistical table has: one glued value is then enough (a row or table 4 on a line of its own). */
    private static final String[] TABLE_WORDS = {"勾稽关系", "申请人情况", "第二十条第", "信息内容", "结果维持", "尚未审结",
        "本年新收", "上年结转", "予以公开", "部分公开", "不予公开", "无法提供", "不予处理", "其他处理", "总计", "结转下年度",
        // table 2's column headers, which may stand on the line of the one row under them
        "本年制发件数", "现行有效件数", "处理决定数量", "收费金额", "采购总金额", "本年新公开数量", "对外公开总数量"};
    private static final String COUNTERS = "年月日时分秒件条项个次人家份余多号期届批类名位天倍万亿元岁米度";
    /** A number (digits, single spaces between digit groups, signs between numbers, decimals, unit). */
    private static final Pattern FLAT_NUMBER = Pattern.compile(
            "[+\\-]?\\d(?:[\\d ]|[+\\-](?=\\d))*(?:\\.\\d+)?(?:万元|元)?");
    /** Where a label's own numbering starts: 一、 （一） 1. (not 第（一）项, the T2 captions). */
    private static final Pattern NUMBERING_AT = Pattern.compile(
            "(?<=[^第\\d])(?=[一二三四五六七八九十]{1,2}、|\\([一二三四五六七八九十]{1,3}\\)|\\d[.．、]\\D)");
    private static final Pattern CHUNKS = Pattern.compile("\\s{2,}");
    private static final Pattern SIGN_SPLIT = Pattern.compile("(?<=\\d)(?=[+\\-])");

    /**
     * A text line holding a table whose cells lost their separators: three or more glued values, or one
     * on a line that holds a table's own words (a row or table 4 on a line of its own).
     */
    static boolean flattened(String s) {
        if (!Normalizer.hasAsciiDigit(s)) return false;
        String n = Normalizer.nfkc(s);
        int glued = 0;
        for (int after : gluedEnds(n)) {
            if (after < n.length() && COUNTERS.indexOf(n.charAt(after)) >= 0) continue;
            if (++glued >= 3) return true;
        }
        if (glued == 0) return false;
        for (String w : TABLE_WORDS) if (n.contains(w)) return true;
        return false;
    }

    /**
     * The ends of the {@link #GLUED} matches, as {@code find()} gives them, without trying the pattern at every
     * position (its first character class, \p{IsHan}, costs a Unicode-script lookup per character): a match
     * starts at the Han character, ")" or "”" before a digit (across white space and a sign), so the pattern is
     * tried only there, leftmost first and never inside the previous match.
     */
    static List<Integer> gluedEnds(String n) {
        List<Integer> ends = new ArrayList<>();
        java.util.regex.Matcher m = GLUED.matcher(n);
        int from = 0;
        for (int j = 0; j < n.length(); j++) {
            char d = n.charAt(j);
            if (d < '0' || d > '9') continue;
            int k = j - 1;
            if (k >= 0 && (n.charAt(k) == '+' || n.charAt(k) == '-')) k--;
            while (k >= 0 && isRegexSpace(n.charAt(k))) k--;
            // a Han character outside the BMP is a surrogate pair: the pattern starts at its first half
            if (k > 0 && Character.isLowSurrogate(n.charAt(k)) && Character.isHighSurrogate(n.charAt(k - 1))) k--;
            if (k < from || !gluedStart(n.codePointAt(k))) continue;
            if (m.region(k, n.length()).lookingAt()) {
                ends.add(m.end());
                from = m.end();
            }
        }
        return ends;
    }

    private static boolean gluedStart(int c) {
        return c == ')' || c == '”' || Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    /** Regex \s (ASCII white space: no UNICODE_CHARACTER_CLASS). */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /**
     * Cuts a flattened line into items: chunks between wide gaps (「　　」), then numbers apart from label
     * text. A digit right before "." or "、" and a non-digit is the next label's numbering ("…00000002.其他"),
     * not a value; label text is cut where a numbering starts and around the row labels of table 2
     * ("…本年处理决定数量行政许可" + "221", "规章规范性文件222": 规章 has no values).
     */
    private static void flat(String s, int line, List<String> labels, List<Item> out) {
        String n = Normalizer.nfkc(s);
        for (String chunk : CHUNKS.split(n.strip())) {
            if (chunk.isBlank()) continue;
            java.util.regex.Matcher m = FLAT_NUMBER.matcher(chunk);
            int from = 0;
            StringBuilder text = new StringBuilder();
            while (m.find()) {
                int start = m.start(), end = m.end();
                String num = chunk.substring(start, end);
                boolean numbering = end < chunk.length() - 1 && ".．、".indexOf(chunk.charAt(end)) >= 0
                        && !Character.isDigit(chunk.charAt(end + 1));
                if (numbering) { end--; num = num.substring(0, num.length() - 1); }
                char before = start > 0 ? chunk.charAt(start - 1) : ' ';
                char after = end < chunk.length() ? chunk.charAt(end) : ' ';
                boolean bracketed = (before == '(' || before == '[') && (after == ')' || after == ']');
                if (num.isBlank() || bracketed) continue;
                text.append(chunk, from, start);
                String lead = text.toString();
                text.setLength(0);
                texts(lead, line, labels, out);
                for (String v : SIGN_SPLIT.split(num.strip())) if (!v.isBlank()) out.add(new Item(Item.Kind.VALUE, v.strip(), Normalizer.norm(v), line));
                from = end;
            }
            texts(chunk.substring(from), line, labels, out);
        }
    }

    private static void texts(String t, int line, List<String> labels, List<Item> out) {
        for (String part : NUMBERING_AT.split(t)) {
            String p = part.strip();
            if (!p.isEmpty()) labelled(p, line, labels, out);
        }
    }

    /** Text with the template's row labels cut out of it: a row whose cells are all empty leaves only its label. */
    private static void labelled(String p, int line, List<String> labels, List<Item> out) {
        if (labels.contains(p)) { out.add(item(p, line)); return; }
        int at = -1;
        String found = null;
        for (String l : labels) {
            if (l.length() < 2) continue;
            int i = p.indexOf(l);
            if (i < 0) continue;
            if (at < 0 || i < at || i == at && l.length() > found.length()) { at = i; found = l; }
        }
        if (found == null) { out.add(item(p, line)); return; }
        String head = p.substring(0, at).strip();
        if (!head.isEmpty()) out.add(item(head, line));
        out.add(item(found, line));
        String rest = p.substring(at + found.length()).strip();
        if (!rest.isEmpty()) labelled(rest, line, labels, out);
    }

    private static boolean isBlankish(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(Character.isWhitespace(c) || Character.isSpaceChar(c))) return false;
        }
        return true;
    }

    private static void pipeRow(String s, int line, List<Item> out) {
        String t = s.strip();
        if (RULE_LINE.matcher(t).matches()) return; // row delimiters, stray "||||", markdown rule lines
        if (t.startsWith("|")) t = t.substring(1);
        if (t.endsWith("|")) t = t.substring(0, t.length() - 1);
        for (String part : t.split("\\|", -1)) out.add(item(part, line));
    }

    static Item item(String raw, int line) {
        String r = raw.replace('\u00A0', ' ').strip();
        String n = Normalizer.norm(r);
        if (n.isEmpty()) return new Item(Item.Kind.BLANK, "", "", line);
        if (isValue(r)) return new Item(Item.Kind.VALUE, r, n, line);
        return new Item(Item.Kind.TEXT, r, n, line);
    }

    /** One number, several numbers separated by spaces, or a placeholder. */
    static boolean isValue(String r) {
        String nf = Normalizer.nfkc(r).strip();
        if (nf.length() > 2 && !Normalizer.hasAsciiDigit(nf)) return false;   // most cells are labels: no placeholder is that long
        if (nf.length() <= 2 && PLACEHOLDER.matcher(nf).matches()) return true;
        if (!hasSpace(nf)) return isNumber(nf);
        for (String p : SPACES.split(nf)) if (!isNumber(p)) return false;
        return true;
    }

    /** NUMBER, which starts with a sign or a digit: anything else fails without the regex. */
    private static boolean isNumber(String p) {
        if (p.isEmpty()) return false;
        char c = p.charAt(0);
        return (c == '+' || c == '-' || c >= '0' && c <= '9') && NUMBER.matcher(p).matches();
    }

    /** Whether {@link #SPACES} (\\s: ASCII white space) finds anything to split at. */
    private static boolean hasSpace(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') return true;
        }
        return false;
    }
}
