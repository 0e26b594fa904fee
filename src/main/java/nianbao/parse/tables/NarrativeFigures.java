package nianbao.parse.tables;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nianbao.ingest.Block;
import nianbao.ingest.TextBlock;
import nianbao.parse.Normalizer;

/**
 * Figures the narrative states about a table cell ("全年收到政府信息公开申请10件，办结10件",
 * "制发规范性文件1件、废止1件", "因政府信息公开被申请行政复议2件"), for the table solver to choose among
 * readings of a flattened table that already satisfy every relation. Conservative by design: a figure is taken
 * only when its words name the cell exactly and nothing else, it is a single exact count in 件 (T4 also 起),
 * its subject is the reporting body itself (我厅/本局/全年…, never 全市、各单位 or a sub-unit), it is not part of
 * a breakdown (其中/分别), approximate (约/余/多/以上/近/超过), cumulative (累计/历年/以来/截至) or about another
 * year, and no other statement in the text gives the same cell another value.
 */
public final class NarrativeFigures {
    private NarrativeFigures() {}

    /**
     * The narrative says that the sum of the given cells (usually one) is {@code value}.
     * @param rows    canonical row ids, one per cell
     * @param cols    canonical column ids, one per cell
     * @param line    source line of the sentence
     * @param sentence the sentence as found, to quote
     */
    public record Figure(String table, List<String> rows, List<String> cols, BigDecimal value, int line, String sentence) {
        String key() { return table + "/" + rows + "/" + cols; }
    }

    /** Paragraph breaks inside a line: a run of ideographic spaces, or a CR. */
    private static final Pattern PARAGRAPH = Pattern.compile("\\u3000[\\s\\u3000]*\\u3000|\\s*\\r[\\s\\u3000]*");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[。!！?？])");
    /** Clauses of a sentence; a semicolon joins clauses of one sentence ("收到申请8件；办结7件"). */
    private static final Pattern CLAUSE_END = Pattern.compile("[,:;]");
    /** An exact count: digits right before 件 or 起, not a range end, not followed by a qualifier. */
    private static final Pattern COUNT = Pattern.compile("(?<![\\d.\\-~～至到])(\\d+)(件|起)(?!以上|左右|以下|以内|之多|次)");
    private static final Pattern YEAR = Pattern.compile("(?<!\\d)((?:19|20)\\d{2})(?:-\\d{1,2})?年");
    /** Words that make a whole sentence cumulative or about another period. */
    private static final Pattern NOT_THIS_YEAR = Pattern.compile("累计|历年|以来|截至|截止|至今|上半年|下半年|季度|月份|去年|前年|明年");
    /** Words that make a count approximate, comparative or a share, wherever they stand before it. */
    private static final Pattern NOT_EXACT = Pattern.compile("约|近|余|多|超过|逾|不足|不到|左右|以上|同比|较|比上年|增长|下降|增加|减少|平均|每|人均|占");
    /** A count that takes in the year before's ("收到申请12件（含上年结转2件）"): not the year's new applications. */
    private static final Pattern WITH_CARRIED = Pattern.compile("(?:含|包括|包含)(?:了)?(?:上年|上一年|结转)");
    /** A breakdown: what follows counts a part, not the whole. */
    private static final Pattern BREAKDOWN = Pattern.compile("其中|分别|包括|含");

    /** Who may be the subject of a whole-body figure: the time frame and the body itself. */
    private static final String SUBJECT = "(?:全年|本年度?|年内|当年|今年|(?:19|20)\\d{2}年度?|(?:我|本)(?:厅|局|委|办|署|院|中心|机关|单位|部门|会|所|站|处)"
            + "|共计?|总共|合计|一共|全年共|已|依法|均)*";
    private static final String APPLICATIONS = "(?:公民、?法人(?:和|或|及)其他组织(?:提交|提出)?的?)?(?:各类)?(?:政府)?(?:信息公开|依申请公开)?的?申请(?:事项)?(?:共计?|合计)?";
    /** The documents' owner, when named: the body itself. */
    private static final String OWN = "(?:了)?(?:(?:我|本)?(?:厅|局|委|办|署|院|中心|机关|单位|部门))?(?:的)?(?:行政)?";
    private static final String DOC = "(规范性文件|规章)";
    private static final String ISSUE = "(?:制发|印发|出台|制定)";
    private static final String BECAUSE = "(?:因|涉及)?(?:政府)?(?:信息公开)?(?:工作)?";

    /** What a piece of text right before a count says the count is. */
    private enum Kind { RECEIVED, CARRIED_IN, CONCLUDED, CARRIED_OUT, DISCLOSED, PARTLY, REVIEW, LITIGATION, ISSUED, REPEALED, IN_FORCE }

    private record Target(Kind kind, Pattern piece) {}

    private static final List<Target> TARGETS = List.of(
            new Target(Kind.RECEIVED, Pattern.compile(SUBJECT + "(?:收到|新收|接收|接到)(?:了)?" + APPLICATIONS)),
            new Target(Kind.CARRIED_IN, Pattern.compile(SUBJECT + "上年度?结转(?:的)?(?:政府信息公开|信息公开)?(?:申请)?(?:共)?")),
            new Target(Kind.CONCLUDED, Pattern.compile(SUBJECT + "(?:办结|办理完结|答复办结)(?:了)?(?:" + APPLICATIONS + ")?")),
            new Target(Kind.CARRIED_OUT, Pattern.compile(SUBJECT + "结转(?:至|到)?下一?年度?(?:继续)?(?:办理)?(?:的)?(?:申请)?(?:共)?")),
            new Target(Kind.DISCLOSED, Pattern.compile("(?:其中)?予以公开(?:的)?(?:申请)?")),
            new Target(Kind.PARTLY, Pattern.compile("(?:其中)?部分公开(?:的)?(?:申请)?")),
            new Target(Kind.REVIEW, Pattern.compile(SUBJECT + "(?:被申请|被提起|发生|收到)?" + BECAUSE + "(?:被申请|被提起|发生|收到)?(?:的)?行政复议(?:案件)?(?:共)?")),
            new Target(Kind.LITIGATION, Pattern.compile(SUBJECT + "(?:被提起|被起诉|发生|收到)?" + BECAUSE + "(?:被提起|被起诉|发生|收到)?(?:的)?行政诉讼(?:案件)?(?:共)?")),
            new Target(Kind.ISSUED, Pattern.compile(SUBJECT + ISSUE + OWN + DOC + "(?:共)?")),
            new Target(Kind.REPEALED, Pattern.compile(SUBJECT + "废止" + OWN + DOC + "(?:共)?")),
            new Target(Kind.IN_FORCE, Pattern.compile(SUBJECT + "现行有效(?:的)?" + OWN + DOC + "(?:共)?")));

    /** A later item of the same list ("、废止1件", "、规范性文件2件"): its verb or its documents come from the item before. */
    private static final Pattern NEXT_VERB = Pattern.compile("(制发|印发|出台|制定|废止|现行有效)(?:的)?(?:共)?");
    private static final Pattern NEXT_DOC = Pattern.compile(OWN + DOC + "(?:共)?");
    private static final Pattern LEAD = Pattern.compile("^[、和及与并且,]+");

    /** Figures stated in the report's text blocks (table rows and tab-separated lines are not narrative). */
    public static List<Figure> of(List<Block> blocks, Integer year) {
        List<Figure> all = new ArrayList<>();
        for (Block b : blocks) {
            if (!(b instanceof TextBlock t)) continue;
            String s = t.text();
            if (s.indexOf('|') >= 0 || s.indexOf('\t') >= 0 || !hasCount(s)) continue;
            read(t.line(), s, year, all);
        }
        return agreed(all);
    }

    /** Figures of one piece of text (a line as found), without the cross-check between statements. */
    static List<Figure> ofText(int line, String text, Integer year) {
        List<Figure> out = new ArrayList<>();
        read(line, text, year, out);
        return agreed(out);
    }

    private static boolean hasCount(String s) {
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c == '件' || c == '起') && Character.isDigit(s.charAt(i - 1))) return true;
        }
        return false;
    }

    private static void read(int line, String text, Integer year, List<Figure> out) {
        for (String para : PARAGRAPH.split(text)) {
            for (String raw : SENTENCE_END.split(para)) {
                String n = Normalizer.norm(raw);
                if (!n.isEmpty()) sentence(line, n, raw.strip(), year, out);
            }
        }
    }

    /** @param quote the sentence as found, to quote */
    private static void sentence(int line, String s, String quote, Integer year, List<Figure> out) {
        if (!COUNT.matcher(s).find()) return;
        Matcher y = YEAR.matcher(s);
        while (y.find()) if (year == null || Integer.parseInt(y.group(1)) != year || y.group().contains("-")) return;
        if (NOT_THIS_YEAR.matcher(s).find()) return;
        boolean applications = s.contains("申请"), disclosure = s.contains("信息公开");
        boolean breakdown = false;
        Kind lastKind = null;
        String lastDoc = null;
        int depth = 0; // open brackets, over the whole sentence: a count inside them qualifies the one before
        for (String clause : CLAUSE_END.split(s)) {
            int scanned = 0, from = 0;
            Matcher m = COUNT.matcher(clause);
            while (m.find()) {
                for (; scanned < m.start(); scanned++) depth = Math.max(0, depth + bracket(clause.charAt(scanned)));
                String piece = clause.substring(from, m.start());
                from = m.end();
                String lead = LEAD.matcher(piece).replaceFirst("");
                if (depth > 0 || NOT_EXACT.matcher(piece).find()) { lastKind = null; lastDoc = null; continue; }
                if (BREAKDOWN.matcher(piece).find()) breakdown = true;
                Kind kind = null;
                String doc = null;
                for (Target t : TARGETS) {
                    Matcher p = t.piece.matcher(lead);
                    if (p.matches()) {
                        kind = t.kind;
                        if (kind == Kind.ISSUED || kind == Kind.REPEALED || kind == Kind.IN_FORCE) doc = p.group(1);
                        break;
                    }
                }
                if (kind == null && lastDoc != null) {
                    // "制发规范性文件1件、废止1件": the verb changes, the documents are the item before's
                    Matcher v = NEXT_VERB.matcher(lead);
                    Matcher d = NEXT_DOC.matcher(lead);
                    if (v.matches()) { kind = verb(v.group(1)); doc = lastDoc; }
                    else if (d.matches() && lastKind != null) { kind = lastKind; doc = d.group(1); }
                }
                lastKind = kind;
                lastDoc = doc;
                if (kind == null) continue;
                boolean result = kind == Kind.DISCLOSED || kind == Kind.PARTLY;
                if (breakdown && !result) continue;        // a part of something, not the whole body
                if (!result && lead.startsWith("其中")) continue;
                boolean t3 = kind.ordinal() <= Kind.PARTLY.ordinal();
                if (t3 && !applications) continue;           // 办结、予以公开 of what? only of applications
                if (kind == Kind.RECEIVED && WITH_CARRIED.matcher(s).find()) continue;
                if ((kind == Kind.REVIEW || kind == Kind.LITIGATION) && !disclosure) continue; // the body's own review caseload
                if (m.group(2).equals("起") && kind != Kind.REVIEW && kind != Kind.LITIGATION) continue;
                out.add(figure(kind, doc, new BigDecimal(m.group(1)), line, quote));
            }
            for (; scanned < clause.length(); scanned++) depth = Math.max(0, depth + bracket(clause.charAt(scanned)));
            if (BREAKDOWN.matcher(clause.substring(Math.min(from, clause.length()))).find()) breakdown = true;
        }
    }

    private static Kind verb(String v) {
        return v.equals("废止") ? Kind.REPEALED : v.equals("现行有效") ? Kind.IN_FORCE : Kind.ISSUED;
    }

    private static Figure figure(Kind k, String doc, BigDecimal v, int line, String s) {
        String row = "规章".equals(doc) ? "regulation" : "normative";
        return switch (k) {
            case RECEIVED -> new Figure("T3", List.of("1"), List.of("total"), v, line, s);
            case CARRIED_IN -> new Figure("T3", List.of("2"), List.of("total"), v, line, s);
            case CONCLUDED -> new Figure("T3", List.of("3.7"), List.of("total"), v, line, s);
            case CARRIED_OUT -> new Figure("T3", List.of("4"), List.of("total"), v, line, s);
            case DISCLOSED -> new Figure("T3", List.of("3.1"), List.of("total"), v, line, s);
            case PARTLY -> new Figure("T3", List.of("3.2"), List.of("total"), v, line, s);
            case REVIEW -> new Figure("T4", List.of("review"), List.of("total"), v, line, s);
            case LITIGATION -> new Figure("T4", List.of("suit_direct", "suit_after_review"), List.of("total", "total"), v, line, s);
            case ISSUED -> new Figure("T2", List.of(row), List.of("issued"), v, line, s);
            case REPEALED -> new Figure("T2", List.of(row), List.of("repealed"), v, line, s);
            case IN_FORCE -> new Figure("T2", List.of(row), List.of("in_force"), v, line, s);
        };
    }

    private static int bracket(char c) {
        return c == '(' || c == '[' || c == '【' || c == '〔' || c == '《' ? 1 : c == ')' || c == ']' || c == '】' || c == '〕' || c == '》' ? -1 : 0;
    }

    /** One figure per cell; a cell the text gives two different values is given none. */
    private static List<Figure> agreed(List<Figure> all) {
        Map<String, Figure> first = new LinkedHashMap<>();
        Map<String, Boolean> disputed = new LinkedHashMap<>();
        for (Figure f : all) {
            Figure had = first.putIfAbsent(f.key(), f);
            if (had != null && had.value().compareTo(f.value()) != 0) disputed.put(f.key(), true);
        }
        List<Figure> out = new ArrayList<>();
        for (Figure f : first.values()) if (!disputed.containsKey(f.key())) out.add(f);
        return out;
    }
}
