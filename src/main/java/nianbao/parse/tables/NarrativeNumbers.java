package nianbao.parse.tables;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nianbao.model.SourceLine;
import nianbao.model.Statement;
import nianbao.parse.Normalizer;

/**
 * Counts stated in the narrative ("共收到政府信息公开申请37件，其中自然人申请33件"), as facts. Which phrase
 * restates which table cell is the rules' business (rules/numbers.drl); this only finds the numbers, the
 * words before them, and which number a "其中" breaks down.
 */
public final class NarrativeNumbers {
    private NarrativeNumbers() {}

    private static final Pattern COUNT =
            Pattern.compile("(约|近|超过|逾)?(\\d+(?:\\.\\d+)?)(余|多)?(人次|件|条|项|次|个|起|家|份)(以上|左右|以下|以内)?");
    /** A share stated right after a count: "占73%", "占比8.1%", "占总数的27%". */
    private static final Pattern SHARE = Pattern.compile("占(?:比|比为|总数的?|总量的?|全部的?)?(\\d+(?:\\.\\d+)?)%");
    /** One end of a range just before a number: "3-5件", "3至5件". */
    private static final Pattern RANGE_BEFORE = Pattern.compile(".*\\d(?:-|~|～|—|至|到)$");
    /** A clause that frames a total: "在…主动公开的1913条政府信息中". */
    private static final Pattern FRAME = Pattern.compile("在[^\\d]*\\d+(?:件|条|项|个)[^\\d]{0,12}中");
    /** Words that open a new count rather than continue a breakdown: "全年…", "共…", "其中…", "同比…". */
    private static final Pattern NEW_TOTAL = Pattern.compile("其中|共|全年|合计|总计|累计|全部|同比|比上年|较上年|分别");
    private static final String SENTENCE_END = "。;!?", CLAUSE_END = ",、:";
    /** A clause's closing sentence marks (compiled once: this runs for every clause of every report). */
    private static final Pattern TRAILING_END = Pattern.compile("[" + SENTENCE_END + "]+$");

    public static List<Statement> of(List<SourceLine> lines) {
        List<Statement> out = new ArrayList<>();
        int sentence = 0;
        for (SourceLine l : lines) {
            String raw = l.text();
            if (raw.indexOf('|') >= 0 || raw.startsWith("\t")) continue; // table rows, not narrative
            String n = l.norm();
            if (n.length() < 8) continue;
            int at = 0;
            for (String s : split(n, SENTENCE_END, true)) {
                int start = at;
                at += s.length();
                if (s.isEmpty()) continue;
                Statement last = out.isEmpty() ? null : out.get(out.size() - 1);
                boolean sameLine = last != null && last.line() == l.no();
                boolean continues = s.startsWith("其中") && sameLine;
                // "…1397条，占73%。各乡镇…534条，占27%。": a sentence of one count with its share, right after a part
                // with a share in the same counter, is the next item of the same breakdown.
                boolean nextShare = !continues && sameLine && last.role().equals("part") && last.hasShare()
                        && isSharedItem(s, last.counter());
                if (!continues && !nextShare) sentence++;
                sentence(s, start, sentence, l.no(), out, continues, nextShare);
            }
        }
        return out;
    }

    /** Whether {@code s} is one count in {@code counter} with its share and nothing else counted. */
    private static boolean isSharedItem(String s, String counter) {
        if (NEW_TOTAL.matcher(s).find()) return false; // a sentence of its own total or comparison starts something else

        Matcher m = COUNT.matcher(s);
        if (!m.find() || !m.group(4).equals(counter) || m.find()) return false;
        return SHARE.matcher(s).find();
    }

    private static void sentence(String s, int start, int id, int line, List<Statement> out, boolean continues, boolean nextShare) {
        int qizhong = nextShare ? 1 : 0; // how many 其中 (or frames) seen in this sentence
        int firstOfSentence = out.size();
        if (continues) {
            // "…8532条。其中：…" — the breakdown belongs to the sentence before.
            for (int i = out.size() - 1; i >= 0 && out.get(i).sentence() == id; i--) firstOfSentence = i;
        }
        int depth = 0; // open brackets: numbers inside them break down the item before, they are not items
        int clauseAt = start;
        for (String clause : split(s, CLAUSE_END, false)) {
            int clauseStart = clauseAt;
            clauseAt += clause.length() + 1;
            if (clause.contains("其中")) {
                qizhong++;
                if (qizhong == 1) markLastAsTotal(out, id, firstOfSentence);
            }
            int from = 0, scanned = 0;
            boolean counted = false;
            if (Normalizer.hasAsciiDigit(clause) && hasCounter(clause)) {
                Matcher m = COUNT.matcher(clause);
                while (m.find()) {
                    for (; scanned < m.start(); scanned++) depth += bracket(clause.charAt(scanned));
                    String phrase = clause.substring(from, m.start());
                    String role = depth > 0 || qizhong > 1 ? "nested" : qizhong == 1 ? "part" : "";
                    boolean approximate = m.group(1) != null || m.group(3) != null || m.group(5) != null
                            || endsWithRangeMark(phrase) && RANGE_BEFORE.matcher(phrase).matches();
                    Statement st = new Statement(line, id, phrase, s, new BigDecimal(m.group(2)), m.group(4), approximate, role,
                            clause, null, 0, clauseStart + m.start(2));
                    Matcher sh = SHARE.matcher(clause).region(m.end(), clause.length());
                    if (sh.lookingAt()) st = st.withShare(new BigDecimal(sh.group(1)));
                    out.add(st);
                    from = m.end();
                    counted = true;
                }
            }
            if (!counted && clause.indexOf('占') >= 0) {
                // "…1397条，占73%": a share in a clause of its own belongs to the count just before
                String bare = withoutTrailingEnd(clause);
                Matcher sh = SHARE.matcher(bare);
                int last = out.size() - 1;
                if (sh.matches() && last >= firstOfSentence && out.get(last).sentence() == id && !out.get(last).hasShare()) {
                    out.set(last, out.get(last).withShare(new BigDecimal(sh.group(1))));
                }
            }
            for (; scanned < clause.length(); scanned++) depth += bracket(clause.charAt(scanned));
            if (qizhong == 0 && depth == 0 && clause.startsWith("在") && FRAME.matcher(withoutTrailingEnd(clause)).matches()) {
                // "在…1913条政府信息中，…": the framed count is the total, what follows breaks it down
                qizhong = 1;
                markLastAsTotal(out, id, firstOfSentence);
            }
        }
    }

    /** The last character of {@link #RANGE_BEFORE}: the cheap test that spares most phrases its ".*". */
    private static boolean endsWithRangeMark(String phrase) {
        return !phrase.isEmpty() && "-~～—至到".indexOf(phrase.charAt(phrase.length() - 1)) >= 0;
    }

    private static String withoutTrailingEnd(String clause) {
        return clause.isEmpty() || SENTENCE_END.indexOf(clause.charAt(clause.length() - 1)) < 0 ? clause
                : TRAILING_END.matcher(clause).replaceAll("");
    }

    /** Whether a counter word of {@link #COUNT} stands in the clause (人次 ends in 次): else no count can. */
    private static boolean hasCounter(String clause) {
        for (int i = 0; i < clause.length(); i++) if ("件条项次个起家份".indexOf(clause.charAt(i)) >= 0) return true;
        return false;
    }

    private static int bracket(char c) {
        return c == '(' || c == '[' || c == '【' || c == '〔' ? 1 : c == ')' || c == ']' || c == '】' || c == '〕' ? -1 : 0;
    }

    /** The last number of sentence {@code id} so far is the total a breakdown breaks down. */
    private static void markLastAsTotal(List<Statement> out, int id, int firstOfSentence) {
        for (int i = out.size() - 1; i >= firstOfSentence; i--) {
            Statement t = out.get(i);
            if (t.sentence() == id) {
                out.set(i, t.withRole("total"));
                break;
            }
        }
    }

    /** Pieces of {@code s} cut at any of {@code ends}, which stay at the end of their piece when {@code keep}. */
    private static List<String> split(String s, String ends, boolean keep) {
        List<String> out = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            if (ends.indexOf(s.charAt(i)) < 0) continue;
            out.add(s.substring(from, keep ? i + 1 : i));
            from = i + 1;
        }
        if (from < s.length()) out.add(s.substring(from));
        return out;
    }
}
