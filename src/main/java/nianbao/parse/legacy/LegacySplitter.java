package nianbao.parse.legacy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import nianbao.model.CellStatus;
import nianbao.model.LegacyCell;
import nianbao.model.LegacyRow;
import nianbao.model.Reading;
import nianbao.model.Statement;

/**
 * Splits each row's values into the table's columns under constraints, and says how each value was read.
 * <ul>
 * <li>a row with one value per column is read as printed (DIRECT);</li>
 * <li>a run of digits ("18535395" under 2013年度/历年累计) is split into the columns every way that keeps numbers
 *     well formed (no leading zero except a lone 0) and a cumulative column not below the reporting year's;</li>
 * <li>rows that break down a row (「其中：1.…2.…」) may not exceed it in any column, and add up to it when the
 *     breakdown claims to be complete (it lists an 其它/其他 item);</li>
 * <li>when several readings survive, a figure the narrative states for that row (same unit, the row's words in
 *     the phrase) keeps the readings that agree with it, if exactly one of the candidate values is stated;</li>
 * <li>a value is used only when every surviving reading gives it (INFERRED); otherwise it stays UNREADABLE with
 *     the candidates in its note. Never a guess.</li>
 * </ul>
 */
final class LegacySplitter {
    private LegacySplitter() {}

    /** Readings of one group beyond this many are not enumerated: the group stays unread. */
    private static final int MAX_SOLUTIONS = 20_000;
    /** Nodes of the search over one group beyond this many: the group stays unread (keeps a hostile table fast). */
    private static final int MAX_STEPS = 500_000;
    private static final String BLANK_MARKS = "/-—";

    /** One way of reading a row: a value (or null for blank) per column. */
    record Candidate(BigDecimal[] values) {
        String text() {
            StringBuilder b = new StringBuilder();
            for (BigDecimal v : values) {
                if (b.length() > 0) b.append('/');
                b.append(v == null ? "空" : v.toPlainString());
            }
            return b.toString();
        }
    }

    static int periodColumn(List<String> columns) {
        for (int i = 0; i < columns.size(); i++) if (!isCumulative(columns.get(i)) && !columns.get(i).startsWith("上年")) return i;
        return -1;
    }

    static boolean isCumulative(String column) { return column.contains("累计"); }

    private static List<String> tokens(String values) {
        List<String> out = new ArrayList<>();
        for (String t : values.trim().split("[\\s|]+")) if (!t.isEmpty()) out.add(t);
        return out;
    }

    /** "spaced" when most rows give one value per column; "flattened" when most give fewer (runs of digits). */
    static String layout(List<LegacyTableReader.RawRow> raws, int k) {
        if (k < 2) return "spaced";
        int full = 0, fewer = 0;
        for (LegacyTableReader.RawRow r : raws) {
            int n = tokens(r.values).size();
            if (n == k) full++;
            else if (n > 0 && n < k) fewer++;
        }
        return full >= fewer ? "spaced" : "flattened";
    }

    static List<LegacyRow> split(List<LegacyTableReader.RawRow> raws, List<String> columns, List<Statement> narrative) {
        int k = columns.size();
        int period = periodColumn(columns);
        boolean flattened = layout(raws, k).equals("flattened");
        int n = raws.size();

        // parents: a 其中 item or a numbered item breaks down the last top-level row
        int[] parent = new int[n];
        int top = -1;
        for (int i = 0; i < n; i++) {
            LegacyTableReader.RawRow r = raws.get(i);
            boolean child = r.qizhong || r.number != 0;
            parent[i] = child ? top : -1;
            if (!child) top = i;
        }

        // each row's own readings
        List<List<Candidate>> own = new ArrayList<>();
        boolean[] direct = new boolean[n];
        String[] why = new String[n];
        for (int i = 0; i < n; i++) {
            LegacyTableReader.RawRow r = raws.get(i);
            List<String> toks = tokens(r.values);
            List<Candidate> cs = new ArrayList<>();
            if (r.badGlue) {
                why[i] = "数字串“" + r.values.trim() + "”末尾不是下一项的编号，无法确定本行数字";
            } else if (toks.isEmpty()) {
                cs.add(new Candidate(new BigDecimal[k]));
                direct[i] = true;
            } else if (toks.size() == k) {
                BigDecimal[] v = new BigDecimal[k];
                for (int c = 0; c < k; c++) v[c] = BLANK_MARKS.contains(toks.get(c)) ? null : new BigDecimal(toks.get(c));
                cs.add(new Candidate(v));
                direct[i] = true;
            } else if (toks.size() > k) {
                why[i] = "本行有" + toks.size() + "个数字，多于" + k + "列";
            } else {
                List<BigDecimal[]> splits = new ArrayList<>();
                splits(toks, 0, k, new ArrayList<>(), splits);
                for (BigDecimal[] v : splits) if (ordered(v, columns, period)) cs.add(new Candidate(v));
                // a row with fewer values than columns: in a spaced table (or when no split exists) the values
                // stand in the first columns and the rest are blank
                if (!flattened || splits.isEmpty()) {
                    BigDecimal[] v = new BigDecimal[k];
                    boolean ok = true;
                    for (int c = 0; c < toks.size(); c++) {
                        if (!wellFormed(toks.get(c))) { ok = false; break; }
                        v[c] = new BigDecimal(toks.get(c));
                    }
                    if (ok) cs.add(new Candidate(v));
                }
                if (cs.isEmpty()) why[i] = "数字串“" + r.values.trim() + "”无法拆分为" + k + "列";
            }
            own.add(cs);
        }

        // solve each group (a top-level row with its items) together; other rows alone
        Candidate[][] chosen = new Candidate[n][];
        String[] notes = new String[n];
        boolean[] done = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (done[i]) continue;
            List<Integer> group = new ArrayList<>();
            int head = parent[i] >= 0 ? parent[i] : i;
            group.add(head);
            for (int j = 0; j < n; j++) if (parent[j] == head) group.add(j);
            for (int g : group) done[g] = true;
            solveGroup(group, own, raws, columns, period, narrative, chosen, notes);
        }

        List<LegacyRow> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            LegacyTableReader.RawRow r = raws.get(i);
            List<nianbao.model.LegacyCell> cells = new ArrayList<>();
            for (int c = 0; c < k; c++) {
                Set<BigDecimal> vals = new LinkedHashSet<>();
                boolean blank = false;
                if (chosen[i] != null) for (Candidate cand : chosen[i]) {
                    if (cand.values()[c] == null) blank = true; else vals.add(cand.values()[c]);
                }
                String col = columns.get(c);
                if (chosen[i] == null || chosen[i].length == 0) {
                    cells.add(new LegacyCell(col, null, CellStatus.UNREADABLE, Reading.UNREADABLE,
                            why[i] != null ? why[i] : notes[i] != null ? notes[i] : "本行数字无法读出"));
                } else if (vals.size() + (blank ? 1 : 0) > 1) {
                    cells.add(new LegacyCell(col, null, CellStatus.UNREADABLE, Reading.UNREADABLE,
                            "数字串“" + r.values.trim() + "”有多种拆分：" + texts(chosen[i]) + "，无法确定"));
                } else {
                    BigDecimal v = vals.isEmpty() ? null : vals.iterator().next();
                    Reading read = direct[i] ? Reading.DIRECT : Reading.INFERRED;
                    String note = direct[i] ? null : notes[i] != null ? notes[i]
                            : tokens(r.values).size() < k && !flattened
                            ? "本行只列出" + tokens(r.values).size() + "个数字，依次填入前几列，其余为空"
                            : "由连写数字“" + r.values.trim() + "”拆分，唯一符合约束的读法";
                    cells.add(new LegacyCell(col, v, v == null ? CellStatus.BLANK : CellStatus.NUMBER, read, note));
                }
            }
            String parentLabel = parent[i] >= 0 ? raws.get(parent[i]).label : null;
            out.add(new LegacyRow(i, r.label, r.unit, Math.max(0, r.number), parentLabel, r.line, r.values.replaceAll("[\\s|]+", " ").trim(), cells, period));
        }
        return out;
    }

    private static String texts(Candidate[] cs) {
        Set<String> s = new LinkedHashSet<>();
        for (Candidate c : cs) s.add(c.text());
        return String.join("、", s);
    }

    /** Every split of the tokens into exactly {@code k} well-formed numbers, each token giving at least one. */
    private static void splits(List<String> toks, int t, int k, List<BigDecimal> acc, List<BigDecimal[]> out) {
        if (out.size() > 1000) return;
        if (t == toks.size()) {
            if (acc.size() == k) out.add(acc.toArray(new BigDecimal[0]));
            return;
        }
        int left = toks.size() - t - 1; // tokens after this one, each needs at least one column
        int room = k - acc.size() - left;
        String s = toks.get(t);
        for (int parts = 1; parts <= Math.min(room, s.length()); parts++) {
            pieces(s, 0, parts, new ArrayList<>(), piece -> {
                List<BigDecimal> next = new ArrayList<>(acc);
                next.addAll(piece);
                splits(toks, t + 1, k, next, out);
            });
        }
    }

    private static void pieces(String s, int from, int parts, List<BigDecimal> acc, java.util.function.Consumer<List<BigDecimal>> sink) {
        if (parts == 1) {
            String p = s.substring(from);
            if (!wellFormed(p)) return;
            List<BigDecimal> done = new ArrayList<>(acc);
            done.add(new BigDecimal(p));
            sink.accept(done);
            return;
        }
        for (int end = from + 1; end <= s.length() - (parts - 1); end++) {
            String p = s.substring(from, end);
            if (!wellFormed(p)) continue;
            acc.add(new BigDecimal(p));
            pieces(s, end, parts - 1, acc, sink);
            acc.remove(acc.size() - 1);
        }
    }

    static boolean wellFormed(String p) {
        if (p.isEmpty() || !p.chars().allMatch(Character::isDigit)) return false;
        return p.length() == 1 || p.charAt(0) != '0';
    }

    /** A cumulative column is never below the reporting year's. */
    private static boolean ordered(BigDecimal[] v, List<String> columns, int period) {
        if (period < 0 || v[period] == null) return true;
        for (int c = 0; c < v.length; c++) {
            if (isCumulative(columns.get(c)) && v[c] != null && v[c].compareTo(v[period]) < 0) return false;
        }
        return true;
    }

    /** Words that make a breakdown complete: an 其它/其他 item covers whatever the others do not. */
    private static boolean isRest(String label) { return label.startsWith("其它") || label.startsWith("其他"); }

    private static void solveGroup(List<Integer> group, List<List<Candidate>> own, List<LegacyTableReader.RawRow> raws,
                                   List<String> columns, int period, List<Statement> narrative,
                                   Candidate[][] chosen, String[] notes) {
        int head = group.get(0);
        boolean complete = false;
        for (int g = 1; g < group.size(); g++) complete |= isRest(raws.get(group.get(g)).label);
        for (int g : group) {
            if (own.get(g).isEmpty()) { // a row that cannot be read at all takes no part in the relations
                chosen[g] = new Candidate[0];
            }
        }
        List<Integer> members = new ArrayList<>();
        for (int g : group) if (!own.get(g).isEmpty()) members.add(g);
        if (members.isEmpty()) return;
        boolean headIn = members.get(0) == head;
        List<int[]> solutions = new ArrayList<>();
        int[] pick = new int[members.size()];
        boolean overflow = !enumerate(members, 0, pick, own, headIn, complete && headIn && members.size() == group.size(),
                columns.size(), solutions, new int[1]);
        if (overflow) {
            for (int g : members) {
                if (own.get(g).size() == 1) chosen[g] = new Candidate[] {own.get(g).get(0)};
                else { chosen[g] = new Candidate[0]; notes[g] = "可能的读法过多，无法确定"; }
            }
            return;
        }
        if (solutions.isEmpty()) {
            // the relations cannot hold whatever the split: read each row on its own, never across the group
            for (int g : members) {
                chosen[g] = own.get(g).toArray(new Candidate[0]);
                if (own.get(g).size() > 1) notes[g] = "没有一种拆分能使分项与合计相符";
            }
            return;
        }
        // narrative figures break ties, row by row (the total first)
        for (int m = 0; m < members.size(); m++) {
            int row = members.get(m);
            if (period < 0) break;
            Set<BigDecimal> values = new LinkedHashSet<>();
            for (int[] s : solutions) values.add(own.get(row).get(s[m]).values()[period]);
            if (values.size() < 2) continue;
            Set<String> stated = stated(raws.get(row), narrative);
            List<BigDecimal> supported = values.stream().filter(v -> v != null && stated.contains(v.toPlainString())).toList();
            if (supported.size() != 1) continue;
            BigDecimal keep = supported.get(0);
            final int mm = m;
            solutions.removeIf(s -> !Objects.equals(own.get(row).get(s[mm]).values()[period], keep));
            notes[row] = "连写数字“" + raws.get(row).values.trim() + "”有多种拆分，按正文所述" + keep.toPlainString()
                    + raws.get(row).unit + "确定";
        }
        for (int m = 0; m < members.size(); m++) {
            Set<Candidate> used = new LinkedHashSet<>();
            for (int[] s : solutions) used.add(own.get(members.get(m)).get(s[m]));
            chosen[members.get(m)] = used.toArray(new Candidate[0]);
        }
    }

    /** The figures the narrative states in the row's unit with the row's first words in the phrase. */
    private static Set<String> stated(LegacyTableReader.RawRow r, List<Statement> narrative) {
        String key = r.label.replaceAll("(信息总数|信息数|总数|数)$", "");
        if (key.length() > 4) key = key.substring(0, 4);
        Set<String> out = new LinkedHashSet<>();
        for (Statement s : narrative) {
            if (s.approximate() || !s.counter().equals(r.unit) || !s.phrase().contains(key)) continue;
            if (s.phrase().contains("累计") || s.phrase().contains("历年")) continue;
            out.add(s.value().stripTrailingZeros().toPlainString());
        }
        return out;
    }

    /**
     * Depth-first over the members' candidates; a member's items may not exceed its total, and add up to it when
     * {@code complete}. Returns false when more than {@link #MAX_SOLUTIONS} readings survive.
     */
    private static boolean enumerate(List<Integer> members, int m, int[] pick, List<List<Candidate>> own, boolean headIn,
                                     boolean complete, int k, List<int[]> out, int[] steps) {
        if (++steps[0] > MAX_STEPS) return false;
        if (m == members.size()) {
            if (complete && headIn) {
                BigDecimal[] total = own.get(members.get(0)).get(pick[0]).values();
                for (int c = 0; c < k; c++) {
                    if (total[c] == null) continue;
                    BigDecimal sum = BigDecimal.ZERO;
                    boolean blank = false;
                    for (int j = 1; j < members.size(); j++) {
                        BigDecimal v = own.get(members.get(j)).get(pick[j]).values()[c];
                        if (v == null) blank = true; else sum = sum.add(v);
                    }
                    if (!blank && sum.compareTo(total[c]) != 0) return true;
                }
            }
            out.add(pick.clone());
            return out.size() <= MAX_SOLUTIONS;
        }
        List<Candidate> cs = own.get(members.get(m));
        for (int i = 0; i < cs.size(); i++) {
            pick[m] = i;
            if (m > 0 && headIn && !withinTotal(cs.get(i).values(), own.get(members.get(0)).get(pick[0]).values())) continue;
            if (!enumerate(members, m + 1, pick, own, headIn, complete, k, out, steps)) return false;
        }
        return true;
    }

    /** An item never exceeds its total in any column where both are numbers. */
    private static boolean withinTotal(BigDecimal[] item, BigDecimal[] total) {
        for (int c = 0; c < item.length; c++) {
            if (item[c] != null && total[c] != null && item[c].compareTo(total[c]) > 0) return false;
        }
        return true;
    }
}
