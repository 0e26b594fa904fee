package nianbao.parse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Top-level section headings found by the canonical heading sequence, wherever they stand in a line.
 *
 * <p>A candidate is a numbering token ("二、", "二．", "第二部分", "（二）", optionally behind Markdown "#" or
 * bold "**" markers) followed by a short title. Candidates can stand at the start of a line or in the
 * middle of flattened text ("…营造了良好的氛围。二、主动公开政府信息情况…"). A candidate counts as a section
 * heading only when it belongs to the best <em>sequence</em>: one numbering style, each title recognised as
 * a different section of the family, numbers increasing (a break costs, see {@link #longest}), headings
 * with a body. So a preamble that lists the parts without numbers ("全文包括总体情况、主动公开政府信息情况…")
 * or with numbers ("一、总体情况；二、…"), a sentence that mentions "主动公开政府信息情况", sub-items
 * "（一）主动公开情况" under 一、 and table row labels ("一、本年新收政府信息公开申请数量") are not headings.
 *
 * <p>Works on normalised text ({@link Normalizer#norm}); offsets are offsets in that text.
 */
final class Headings {
    private Headings() {}

    private static final String NUM = "[一二三四五六七八九十]{1,3}";
    /** A numbering token; group 1..3 hold the number of the part, paren or plain style. */
    private static final Pattern NUMBERING = Pattern.compile(
            "(?:#{1,6}|\\*\\*)?(?:第(" + NUM + ")部分[、.,:]?|\\((" + NUM + ")\\)[、.,]?|(" + NUM + ")[、.,:])(?:\\*\\*)?");
    /**
     * "一 总体情况" (numbering followed by a space only) at the start of a line, tested on the original text with
     * lookingAt: whatever follows the first character of the title is not looked at (a trailing ".*" made every
     * line's test walk the whole line).
     */
    private static final Pattern SPACED = Pattern.compile("\\s*(?:#{1,6}\\s*|\\*\\*)?(" + NUM + ")[ \\t\\u3000]+\\S");
    /** Where a title stops at the latest: sentence punctuation, a bracket, a quote, a digit, a clause reference. */
    private static final Pattern TITLE_STOP = Pattern.compile("[。;；!！?？:,(\\[【《\"'\\d]|\\*\\*|第" + NUM + "[条项款章节]");
    /** Words a heading typically ends with; the title is cut after the first one that follows its keywords. */
    private static final Pattern TITLE_END = Pattern.compile("情况|事项|概述|措施|计划|举措|方面");
    private static final int MAX_TITLE = 40;
    /** Recognised titles of one numbering style considered for the sequence, in document order. */
    private static final int MAX_HEADS = 300;

    /** Numbering styles: headings of one sequence share one. */
    enum Style { PLAIN, PART, PAREN }

    /** A possible heading: where its numbering starts, where its title starts and ends, its number and style. */
    record Candidate(int seg, int start, int titleStart, int titleEnd, int number, Style style, String title) {}

    /** A normalised heading without Markdown or bold markers: "## **二、主动公开政府信息情况**" → "二、主动公开政府信息情况". */
    static String clean(String normHeading) {
        return normHeading.replace("*", "").replaceFirst("^#+", "");
    }

    /** A candidate recognised as a section of the template. */
    record Head(Candidate c, SectionTemplate t, boolean emptyBody) {
        Head(Candidate c, SectionTemplate t) { this(c, t, false); }
    }

    /** All candidates in the normalised segments (one per numbering token that has a title). */
    static List<Candidate> candidates(List<String> norms, List<String> originals) {
        List<Candidate> out = new ArrayList<>();
        for (int s = 0; s < norms.size(); s++) {
            String n = norms.get(s);
            if (n.isEmpty()) continue;
            List<int[]> tokens = new ArrayList<>();   // {start, titleStart, number, style}
            Matcher m = mayNumber(n) ? NUMBERING.matcher(n) : null;
            while (m != null && m.find()) {
                if (m.start() > 0 && n.charAt(m.start() - 1) == '第' && m.group(1) == null) continue;   // "第一、二季度"
                Style style = m.group(1) != null ? Style.PART : m.group(2) != null ? Style.PAREN : Style.PLAIN;
                String num = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
                tokens.add(new int[] {m.start(), m.end(), ChineseDates.cnNumber(num), style.ordinal()});
            }
            if (tokens.isEmpty() || tokens.get(0)[0] != 0) {
                Matcher sp = mayBeSpaced(originals.get(s)) ? SPACED.matcher(originals.get(s)) : null;
                if (sp != null && sp.lookingAt()) {
                    String num = sp.group(1);
                    int titleStart = n.indexOf(num) + num.length();
                    tokens.add(0, new int[] {0, titleStart, ChineseDates.cnNumber(num), Style.PLAIN.ordinal()});
                }
            }
            for (int i = 0; i < tokens.size(); i++) {
                int[] t = tokens.get(i);
                int limit = Math.min(n.length(), t[1] + MAX_TITLE);
                if (i + 1 < tokens.size()) limit = Math.min(limit, tokens.get(i + 1)[0]);
                Matcher stop = TITLE_STOP.matcher(n).region(t[1], limit);
                int end = stop.find() ? stop.start() : limit;
                if (end <= t[1]) continue;
                out.add(new Candidate(s, t[0], t[1], end, t[2], Style.values()[t[3]], n.substring(t[1], end)));
            }
        }
        return out;
    }

    /**
     * Whether a numbering token may stand in {@code n}: every one ends its number with a numeral directly
     * followed by 部 (第二部分), ")" or one of 、.,: — a cheap test that spares most lines the regex.
     */
    private static boolean mayNumber(String n) {
        for (int i = 0; i + 1 < n.length(); i++) {
            if ("一二三四五六七八九十".indexOf(n.charAt(i)) >= 0 && "部)、.,:".indexOf(n.charAt(i + 1)) >= 0) return true;
        }
        return false;
    }

    /**
     * Whether {@link #SPACED} may match: its numeral is the first character that is not white space, '#' or '*'.
     * Most lines fail here, without the regex and its backtracking over their indentation.
     */
    private static boolean mayBeSpaced(String original) {
        for (int i = 0; i < original.length(); i++) {
            char c = original.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r' || c == '#' || c == '*') continue;
            return "一二三四五六七八九十".indexOf(c) >= 0;
        }
        return false;
    }

    /** The template a title is recognised as (first match in file order), or null. */
    static SectionTemplate template(String title, List<SectionTemplate> templates) {
        for (SectionTemplate t : templates) if (t.matches(title)) return t;
        return null;
    }

    /**
     * The end of the heading within a recognised title: after the first heading-ending word ("情况", "事项"…)
     * that follows the last keyword, when it comes soon after; else right after the keywords. So
     * "其他需要报告的事项无其他需要报告的事项" gives "其他需要报告的事项", "总体情况2021年…" gives "总体情况".
     */
    static int headingEnd(Candidate c, SectionTemplate t) {
        String title = c.title();
        int k = t.keywordEnd(title);
        if (k < 0) return c.titleEnd();
        Matcher e = TITLE_END.matcher(title);
        boolean endsInWord = false;
        for (int from = Math.max(0, k - 2); from < k; from++) {
            if (e.region(from, k).lookingAt() && from + e.group().length() == k) endsInWord = true;
        }
        if (!endsInWord && e.region(k, title.length()).find() && e.start() - k <= 12) k = e.end();
        return c.titleStart() + k;
    }

    /**
     * The best heading sequence of the family: per numbering style the best chain (see {@link #longest}),
     * then the style with most headings, the plain style ("一、") on a tie. Template order is not required
     * (legacy reports order freely; a GB report with swapped parts is found and then reported by SEC-ORDER).
     */
    static List<Head> sequence(List<Candidate> candidates, List<SectionTemplate> templates, 
                               java.util.function.ToIntFunction<Candidate> position) {
        List<Head> best = List.of();
        long bestScore = Long.MIN_VALUE;
        for (Style style : Style.values()) {
            List<Candidate> ofStyle = candidates.stream().filter(c -> c.style() == style).toList();
            List<Head> heads = new ArrayList<>();
            for (int i = 0; i < ofStyle.size(); i++) {
                Candidate c = ofStyle.get(i);
                SectionTemplate t = template(c.title(), templates);
                if (t == null) continue;
                // a heading with (almost) no text before the next numbered item: an item of a list of the parts
                int end = position.applyAsInt(c) + headingEnd(c, t) - c.start();
                boolean empty = i + 1 < ofStyle.size() && position.applyAsInt(ofStyle.get(i + 1)) - end < 3;
                heads.add(new Head(c, t, empty));
            }
            if (heads.isEmpty()) continue;
            // a report has a handful of parts; a pathological input with thousands of numbered titles
            // must not make the search quadratic or deeply recursive
            if (heads.size() > MAX_HEADS) heads = heads.subList(0, MAX_HEADS);
            List<Head> chain = longest(heads, position);
            if (chain.isEmpty()) continue;
            long score = chain.size() * 2L + (style == Style.PLAIN ? 1 : 0);
            if (score > bestScore) {
                bestScore = score;
                best = chain;
            }
        }
        return best;
    }

    /**
     * The best chain: most distinct templates; then the fewest breaks in the numbering (a number not above
     * the previous one costs 2 — a swapped part is still found, and reported by SEC-ORDER —, a skipped
     * number 1) and the fewest headings without a body (a numbered list of the parts in a preamble has
     * none); then the widest span. Values are {count, penalty, span, next}.
     */
    private static List<Head> longest(List<Head> heads, java.util.function.ToIntFunction<Candidate> position) {
        int n = heads.size();
        Map<Long, long[]> memo = new HashMap<>();
        long[] bestStart = null;
        int bestI = -1;
        for (int i = 0; i < n; i++) {
            long[] r = best(i, 1L << heads.get(i).t().bit(), heads, position, memo);
            if (bestStart == null || better(r[0], r[1], r[2], bestStart)) {
                bestStart = r;
                bestI = i;
            }
        }
        List<Head> chain = new ArrayList<>();
        long used = 0;
        for (int i = bestI; i >= 0; ) {
            chain.add(heads.get(i));
            used |= 1L << heads.get(i).t().bit();
            long[] r = best(i, used, heads, position, memo);
            i = (int) r[3];
        }
        return chain;
    }

    private static boolean better(long count, long penalty, long span, long[] than) {
        if (count != than[0]) return count > than[0];
        if (penalty != than[1]) return penalty < than[1];
        return span > than[2];
    }

    private static long[] best(int i, long used, List<Head> heads, 
                               java.util.function.ToIntFunction<Candidate> position, Map<Long, long[]> memo) {
        long key = (long) i << 32 | used;
        long[] cached = memo.get(key);
        if (cached != null) return cached;
        Head h = heads.get(i);
        long[] out = {1, h.emptyBody() ? 1 : 0, 0, -1};
        for (int j = i + 1; j < heads.size(); j++) {
            Head g = heads.get(j);
            if ((used & 1L << g.t().bit()) != 0) continue;
            long[] r = best(j, used | 1L << g.t().bit(), heads, position, memo);
            int step = g.c().number() - h.c().number();
            long penalty = r[1] + (step <= 0 ? 2 : step > 1 ? 1 : 0) + (h.emptyBody() ? 1 : 0);
            long span = r[2] + position.applyAsInt(g.c()) - position.applyAsInt(h.c());
            if (better(r[0] + 1, penalty, span, out)) out = new long[] {r[0] + 1, penalty, span, j};
        }
        memo.put(key, out);
        return out;
    }
}
