package nianbao.parse.tables;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nianbao.model.Cell;
import nianbao.model.CellStatus;
import nianbao.model.Reading;

/**
 * Reads the rows of one table whose cells ran together (digits without separators) by a search over
 * the whole table: every row offers its possible readings (see {@link Values#splits}); a reading of the
 * table must satisfy every balance relation the table has (row totals; for T3 also 一+二 = (七)+四 per
 * column and (七) = the sum of the result rows). A cell takes a value only when every surviving reading
 * gives it that value; otherwise it is unreadable and its note says which values were possible.
 * <p>When no reading satisfies the relations, the source itself is inconsistent: the relations that fail
 * under every reading are certain, and when exactly one reading breaks those and no other, its values are
 * kept (the report is then judged on relations that fail whatever the split, never on the split itself).
 * Rows are first pruned by their own totals, then combined: a whole table takes milliseconds.
 */
final class TableSolver {
    private TableSolver() {}

    /** Search bounds: past them the cells in question stay unreadable (never a guess). */
    static final int SOLUTIONS = 2000, NODES = 2_000_000, COMBOS = 50_000;

    /** One row to read: printed cells (direct), or the readings its source allows. */
    static final class Row {
        final String table, id;
        final List<String> cols;
        final List<Cell> direct;
        final List<List<String>> options;
        final String run;
        final int line;
        /** the source tokens (normalised) the options were cut from */
        List<String> tokens = List.of();
        /**
         * values per option in millionths ({@link #SCALE}), {@link #NAN} when not a number; blank counts as 0. Sums in
         * the search's inner loop are then plain long additions.
         */
        long[][] values;

        private Row(String table, String id, List<String> cols, List<Cell> direct, List<List<String>> options, String run, int line) {
            this.table = table;
            this.id = id;
            this.cols = cols;
            this.direct = direct;
            this.options = options;
            this.run = run;
            this.line = line;
        }

        static Row direct(String table, String id, List<String> cols, List<Cell> cells) {
            return new Row(table, id, cols, cells, null, null, 0);
        }

        /** @param options null when there were too many readings to list */
        static Row options(String table, String id, List<String> cols, List<List<String>> options, String run, int line,
                           List<String> tokens) {
            Row r = new Row(table, id, cols, null, options, run, line);
            r.tokens = tokens;
            return r;
        }

        boolean searched() { return direct == null; }
    }

    /** A relation: the signed sum of its cells is 0. */
    private record Rel(int[] rows, int[] cols, int[] signs) {}

    /**
     * A figure the narrative states: the sum of the cells (row id, column index) is {@code value} (millionths).
     * Used only to choose among readings that already satisfy every relation, never against a cell read otherwise.
     */
    record Stated(List<String> rows, int[] cols, long value, String sentence, int line) {}

    /**
     * The cells of one table in row order.
     * @param leaves the template's result rows of T3 (3.1 … 3.6.x) for the (七)总计 relation; empty for T2/T4
     */
    static List<Cell> solve(List<Row> rows, List<String> leaves) {
        return solve(rows, leaves, List::of);
    }

    /**
     * @param stated figures the narrative states about cells of this table (see {@link NarrativeFigures}); asked for
     *               only when some part of the table has several balanced readings
     */
    static List<Cell> solve(List<Row> rows, List<String> leaves, java.util.function.Supplier<List<Stated>> stated) {
        if (rows.stream().noneMatch(Row::searched)) {
            List<Cell> out = new ArrayList<>();
            for (Row r : rows) out.addAll(r.direct);
            return out;
        }
        for (Row r : rows) prepare(r);
        List<Rel> rels = relations(rows, leaves);
        Map<Row, List<Cell>> read = new HashMap<>();
        // Independent parts (rows linked by no relation) are read one by one.
        for (List<Integer> part : parts(rows, rels)) read(rows, rels, part, read, stated);
        List<Cell> out = new ArrayList<>();
        for (Row r : rows) out.addAll(r.searched() ? read.get(r) : r.direct);
        return out;
    }

    /** Values are held as millionths: 万元 amounts converted from 元 have at most six decimals. */
    static final int SCALE = 6;
    /** Not a number, or a number the scale cannot hold exactly: a relation over it cannot be told. */
    static final long NAN = Long.MIN_VALUE;

    static long scaled(BigDecimal v) {
        if (v == null) return NAN;
        try {
            return v.movePointRight(SCALE).longValueExact();
        } catch (ArithmeticException e) {
            return NAN;
        }
    }

    private static void prepare(Row r) {
        int k = r.cols.size();
        if (!r.searched()) {
            long[] v = new long[k];
            for (int c = 0; c < k; c++) {
                Cell x = r.direct.get(c);
                v[c] = x.status() == CellStatus.NUMBER ? scaled(x.value()) : x.status() == CellStatus.BLANK ? 0 : NAN;
            }
            r.values = new long[][] {v};
            return;
        }
        if (r.options == null) { r.values = new long[0][]; return; }
        r.values = new long[r.options.size()][];
        // The readings of a run share most of their pieces: each distinct piece is parsed once, and a column
        // whose piece is the very string of the reading before takes its value without a look-up.
        Map<String, Long> parsed = new HashMap<>();
        String[] lastPiece = new String[k];
        long[] lastValue = new long[k];
        for (int o = 0; o < r.options.size(); o++) {
            long[] v = new long[k];
            List<String> option = r.options.get(o);
            for (int c = 0; c < k; c++) {
                String p = option.get(c);
                if (p == lastPiece[c]) { v[c] = lastValue[c]; continue; }
                v[c] = p.isEmpty() ? 0 : parsed.computeIfAbsent(p, x -> scaled(Values.parse(x)));
                lastPiece[c] = p;
                lastValue[c] = v[c];
            }
            r.values[o] = v;
        }
    }

    private static final java.util.regex.Pattern RESULT_ROW = java.util.regex.Pattern.compile("3\\.[1-6](\\.\\d)?");

    private static List<Rel> relations(List<Row> rows, List<String> leaves) {
        List<Rel> out = new ArrayList<>();
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) at.put(rows.get(i).id, i);
        // Row totals: every group of columns that ends in "total" (one in T3, three in a T4 row).
        for (int i = 0; i < rows.size(); i++) {
            List<String> cols = rows.get(i).cols;
            int from = 0;
            for (int c = 0; c < cols.size(); c++) {
                if (!cols.get(c).equals("total")) continue;
                int n = c - from + 1;
                int[] rs = new int[n], cs = new int[n], ss = new int[n];
                for (int j = 0; j < n; j++) { rs[j] = i; cs[j] = from + j; ss[j] = from + j == c ? -1 : 1; }
                if (n > 1) out.add(new Rel(rs, cs, ss));
                from = c + 1;
            }
        }
        if (leaves.isEmpty() || rows.isEmpty()) return out;
        List<String> cols = rows.get(0).cols;
        Integer r1 = at.get("1"), r2 = at.get("2"), r37 = at.get("3.7"), r4 = at.get("4");
        // 一 + 二 = (七) + 四, per column (the relation printed in the table).
        if (r1 != null && r2 != null && r37 != null && r4 != null) {
            for (int c = 0; c < cols.size(); c++) {
                out.add(new Rel(new int[] {r1, r2, r37, r4}, new int[] {c, c, c, c}, new int[] {1, 1, -1, -1}));
            }
        }
        // (七)总计 = the sum of the result rows, only when every result row is there ((六) may be one row
        // or three, whichever the report prints).
        boolean all = true;
        for (String l : leaves) {
            boolean six = l.startsWith("3.6") && rows.stream().anyMatch(r -> r.id.startsWith("3.6"));
            if (!at.containsKey(l) && !six) { all = false; break; }
        }
        List<Integer> leafRows = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) if (RESULT_ROW.matcher(rows.get(i).id).matches()) leafRows.add(i);
        if (r37 != null && all && !leafRows.isEmpty()) {
            for (int c = 0; c < cols.size(); c++) {
                int n = leafRows.size() + 1;
                int[] rs = new int[n], cs = new int[n], ss = new int[n];
                rs[0] = r37; cs[0] = c; ss[0] = -1;
                for (int j = 0; j < leafRows.size(); j++) { rs[j + 1] = leafRows.get(j); cs[j + 1] = c; ss[j + 1] = 1; }
                out.add(new Rel(rs, cs, ss));
            }
        }
        return out;
    }

    /** Rows that must be read together: linked through relations, and holding at least one searched row. */
    private static List<List<Integer>> parts(List<Row> rows, List<Rel> rels) {
        int[] parent = new int[rows.size()];
        for (int i = 0; i < parent.length; i++) parent[i] = i;
        for (Rel r : rels) for (int x : r.rows) union(parent, r.rows[0], x);
        Map<Integer, List<Integer>> groups = new java.util.LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) groups.computeIfAbsent(find(parent, i), g -> new ArrayList<>()).add(i);
        return groups.values().stream().filter(g -> g.stream().anyMatch(i -> rows.get(i).searched())).toList();
    }

    private static int find(int[] p, int i) { while (p[i] != i) i = p[i] = p[p[i]]; return i; }

    private static void union(int[] p, int a, int b) { p[find(p, a)] = find(p, b); }

    /** Every row's {@link Row#values}: values[row][reading][column]. */
    private static long[][][] values(List<Row> rows) {
        long[][][] v = new long[rows.size()][][];
        for (int i = 0; i < v.length; i++) v[i] = rows.get(i).values;
        return v;
    }

    /** Holds (true), fails (false) or cannot be told (null: a cell that is not a number). */
    private static Boolean holds(Rel rel, long[][][] values, int[] choice) {
        long sum = 0;
        try {
            for (int j = 0; j < rel.rows.length; j++) {
                long v = values[rel.rows[j]][choice[rel.rows[j]]][rel.cols[j]];
                if (v == NAN) return null;
                sum = rel.signs[j] > 0 ? Math.addExact(sum, v) : Math.subtractExact(sum, v);
            }
        } catch (ArithmeticException overflow) {
            return null;   // numbers too large to add up cannot be told to balance or not
        }
        return sum == 0;
    }

    private static void read(List<Row> rows, List<Rel> rels, List<Integer> part, Map<Row, List<Cell>> read,
                             java.util.function.Supplier<List<Stated>> stated) {
        Set<Integer> in = new java.util.HashSet<>(part);
        List<Rel> own = rels.stream().filter(r -> in.contains(r.rows[0])).toList();
        boolean tooMany = part.stream().anyMatch(i -> rows.get(i).values.length == 0);
        List<int[]> chosen = null, balanced = null;
        Narrative narrative = null;
        boolean conflict = false;
        if (!tooMany) {
            // Each row's readings that keep its own totals (all its readings when none does).
            Map<Integer, int[]> allowed = new HashMap<>();
            boolean rowFails = false;
            int[] probe = new int[rows.size()];
            long[][][] values = values(rows);
            for (int i : part) {
                List<Rel> mine = own.stream().filter(r -> Arrays.stream(r.rows).allMatch(x -> x == i)).toList();
                int n = rows.get(i).values.length, kept = 0;
                int[] ok = new int[n];
                for (int o = 0; o < n; o++) {
                    probe[i] = o;
                    boolean good = true;
                    for (Rel r : mine) if (Boolean.FALSE.equals(holds(r, values, probe))) { good = false; break; }
                    if (good) ok[kept++] = o;
                }
                if (kept == 0) {
                    rowFails = true;
                    for (int o = 0; o < n; o++) ok[o] = o;
                    kept = n;
                }
                allowed.put(i, kept == n ? ok : Arrays.copyOf(ok, kept));
            }
            List<int[]> sols = rowFails ? List.of() : search(values, own, part, allowed);
            if (sols != null && !sols.isEmpty()) {
                chosen = balanced = sols;
                narrative = narrative(rows, part, sols, stated);
                if (narrative != null && !narrative.kept.isEmpty()) chosen = narrative.kept;
            } else if (sols != null) {
                conflict = true;
                chosen = leastBlame(values, own, part, allowed);
            }
        }
        for (int i : part) {
            Row r = rows.get(i);
            if (r.searched()) read.put(r, cells(r, i, chosen, conflict, balanced, narrative));
        }
    }

    /**
     * What the narrative says about a tie: the balanced readings that agree with every figure stated about the
     * part's cells ({@code kept}, empty when none does), and the figures that told readings apart. Null when no
     * stated figure tells any two balanced readings apart (nothing to choose, or a single reading).
     */
    private record Narrative(List<int[]> kept, List<Stated> used) {}

    private static Narrative narrative(List<Row> rows, List<Integer> part, List<int[]> sols,
                                       java.util.function.Supplier<List<Stated>> figures) {
        if (sols.size() < 2) return null;
        List<Stated> stated = figures.get();
        if (stated.isEmpty()) return null;
        Map<String, Integer> at = new HashMap<>();
        for (int i : part) at.put(rows.get(i).id, i);
        List<Stated> mine = new ArrayList<>();
        for (Stated s : stated) {
            boolean in = true;
            for (int j = 0; j < s.rows.size() && in; j++) {
                Integer i = at.get(s.rows.get(j));
                in = i != null && s.cols[j] >= 0 && s.cols[j] < rows.get(i).cols.size();
            }
            if (in) mine.add(s);
        }
        List<Stated> used = new ArrayList<>();
        for (Stated s : mine) {
            Set<Boolean> agrees = new java.util.HashSet<>();
            for (int[] sol : sols) agrees.add(agrees(rows, at, s, sol));
            if (agrees.size() > 1) used.add(s);
        }
        if (used.isEmpty()) {
            // No figure tells the readings apart; one that no reading agrees with still says the narrative and the
            // table disagree: nothing is chosen on the narrative's word.
            boolean contradicted = mine.stream().anyMatch(s -> sols.stream().noneMatch(sol -> agrees(rows, at, s, sol)));
            return contradicted ? new Narrative(List.of(), mine) : null;
        }
        List<int[]> kept = new ArrayList<>();
        for (int[] sol : sols) {
            boolean all = true;
            for (Stated s : mine) if (!agrees(rows, at, s, sol)) { all = false; break; }
            if (all) kept.add(sol);
        }
        return new Narrative(kept, kept.isEmpty() ? mine : used);
    }

    private static boolean agrees(List<Row> rows, Map<String, Integer> at, Stated s, int[] sol) {
        long sum = 0;
        for (int j = 0; j < s.rows.size(); j++) {
            int i = at.get(s.rows.get(j));
            long v = rows.get(i).values[sol[i]][s.cols[j]];
            if (v == NAN) return false;
            sum += v;
        }
        return sum == s.value;
    }

    /** Every reading of the part that satisfies all its relations (null past the search bounds). */
    private static List<int[]> search(long[][][] values, List<Rel> rels, List<Integer> part, Map<Integer, int[]> allowed) {
        List<Integer> order = new ArrayList<>(part);
        order.sort((a, b) -> Integer.compare(allowed.get(a).length, allowed.get(b).length));
        // A relation is checked as soon as the last of its rows is assigned. A relation within one row holds
        // (or cannot be told) under every allowed reading of that row already: it is not checked again.
        Map<Integer, List<Rel>> due = new HashMap<>();
        for (Rel r : rels) {
            if (Arrays.stream(r.rows).allMatch(x -> x == r.rows[0])) continue;
            int last = -1;
            for (int x : r.rows) last = Math.max(last, order.indexOf(x));
            due.computeIfAbsent(last, k -> new ArrayList<>()).add(r);
        }
        // The search visits up to millions of readings: what it reads per step is laid out in arrays by depth.
        Search s = new Search(order.size(), values);
        for (int d = 0; d < order.size(); d++) {
            s.row[d] = order.get(d);
            s.options[d] = allowed.get(order.get(d));
            s.due[d] = due.getOrDefault(d, List.of()).toArray(new Rel[0]);
        }
        boolean ok = s.dfs(0);
        return ok ? s.out : null;
    }

    /** The depth-first search of {@link #search}: rows in {@code row} order, each over its allowed readings. */
    private static final class Search {
        final int[] row;
        final int[][] options;
        final Rel[][] due;
        /** values[row][reading][column], as {@link Row#values} */
        final long[][][] values;
        final int[] choice;
        final List<int[]> out = new ArrayList<>();
        long nodes;

        Search(int depths, long[][][] values) {
            row = new int[depths];
            options = new int[depths][];
            due = new Rel[depths][];
            this.values = values;
            choice = new int[values.length];
        }

        /** False when a bound was passed (the search is abandoned). */
        boolean dfs(int depth) {
            if (depth == row.length) {
                out.add(choice.clone());
                return out.size() <= SOLUTIONS;
            }
            int r = row[depth];
            for (int o : options[depth]) {
                if (++nodes > NODES) return false;
                choice[r] = o;
                boolean good = true;
                for (Rel rel : due[depth]) {
                    if (Boolean.FALSE.equals(holds(rel, values, choice))) { good = false; break; }
                }
                if (good && !dfs(depth + 1)) return false;
            }
            return true;
        }
    }

    /**
     * No reading balances: the relations that fail under every reading (each row read so that its own
     * totals hold, where some reading does) are certain. The readings that break exactly those are the
     * ones the report is judged on (all readings when no relation fails under every one); null when
     * there are too many readings to tell.
     */
    private static List<int[]> leastBlame(long[][][] values, List<Rel> rels, List<Integer> part, Map<Integer, int[]> allowed) {
        long combos = 1;
        for (int i : part) {
            combos *= Math.max(1, allowed.get(i).length);
            if (combos > COMBOS) return null;
        }
        List<int[]> all = new ArrayList<>();
        List<BitSet> broken = new ArrayList<>();
        enumerate(part, allowed, 0, new int[values.length], all);
        BitSet certain = null;
        for (int[] c : all) {
            BitSet b = new BitSet();
            for (int j = 0; j < rels.size(); j++) if (Boolean.FALSE.equals(holds(rels.get(j), values, c))) b.set(j);
            broken.add(b);
            if (certain == null) certain = (BitSet) b.clone(); else certain.and(b);
        }
        List<int[]> out = new ArrayList<>();
        for (int j = 0; j < all.size(); j++) if (broken.get(j).equals(certain)) out.add(all.get(j));
        return out.isEmpty() || certain.isEmpty() ? all : out;
    }

    private static void enumerate(List<Integer> part, Map<Integer, int[]> allowed, int d, int[] choice, List<int[]> out) {
        if (d == part.size()) { out.add(choice.clone()); return; }
        int row = part.get(d);
        for (int o : allowed.get(row)) {
            choice[row] = o;
            enumerate(part, allowed, d + 1, choice, out);
        }
    }

    private static List<Cell> cells(Row r, int i, List<int[]> chosen, boolean conflict, List<int[]> balanced, Narrative narrative) {
        List<Cell> out = new ArrayList<>();
        int k = r.cols.size();
        boolean[] printed = printed(r, i, balanced != null ? balanced : chosen);
        // When nothing balances, a row whose readings place blanks is not read at all: a lost separator or cell
        // (a flattened table whose empty cells vanished) also makes nothing balance, and a blank put in the wrong
        // place would shift a number into another column. Such a table is reported unreadable, never accused.
        boolean blanksPlaced = conflict && r.options.stream().anyMatch(o -> o.contains(""));
        for (int c = 0; c < k; c++) {
            Set<String> seen = new LinkedHashSet<>();
            if (chosen != null) for (int[] ch : chosen) seen.add(r.options.get(ch[i]).get(c));
            if (blanksPlaced && seen.size() == 1) seen.add("?");
            String col = r.cols.get(c);
            final int col0 = c;
            boolean settled = seen.size() == 1 && narrative != null && !narrative.kept.isEmpty()
                    && balanced.stream().map(ch -> r.options.get(ch[i]).get(col0)).distinct().count() > 1;
            if (settled) {
                String p = seen.iterator().next();
                BigDecimal v = p.isEmpty() ? null : Values.parse(p);
                CellStatus st = p.isEmpty() ? CellStatus.BLANK : v == null ? CellStatus.UNREADABLE : CellStatus.NUMBER;
                String note = "连在一起的数字“" + r.run + "”有多种读法都能使表内勾稽关系成立，报告正文" + quotes(narrative.used)
                        + "所述数字只与其中一种相符，此格按该读法读出";
                out.add(new Cell(r.table, r.id, col, v, r.run, r.line, st, Reading.INFERRED, note));
            } else if (seen.size() == 1) {
                String p = seen.iterator().next();
                BigDecimal v = p.isEmpty() ? null : Values.parse(p);
                CellStatus st = p.isEmpty() ? CellStatus.BLANK : v == null ? CellStatus.UNREADABLE : CellStatus.NUMBER;
                String note = conflict
                        ? "连在一起的数字“" + r.run + "”无论怎样拆分，表内勾稽关系都不能全部成立（原表本身不平衡）；此格按只违背必然不成立的关系的拆分读出"
                        : r.options.size() == 1 ? "连在一起的数字“" + r.run + "”只有一种拆分方式"
                        : "连在一起的数字“" + r.run + "”只有一种读法能使表内勾稽关系成立";
                if (printed[c] && !conflict) out.add(new Cell(r.table, r.id, col, v, p, r.line, st, Reading.DIRECT, null));
                else out.add(new Cell(r.table, r.id, col, v, r.run, r.line, st, Reading.INFERRED, note));
            } else {
                String why;
                if (chosen == null) why = "连在一起的数字“" + r.run + "”的读法过多，无法确定";
                else {
                    String vals = seen.stream().filter(p -> !p.equals("?")).map(p -> p.isEmpty() ? "空白" : p).limit(6).collect(Collectors.joining("、"));
                    why = blanksPlaced
                            ? "“" + r.run + "”的数字个数少于单元格数，空白格的位置无法确定，且任何读法都不能使表内勾稽关系全部成立，无法确定此格"
                            : "“" + r.run + "”有多种读法" + (conflict ? "（且任何读法都不能使表内勾稽关系全部成立）" : "都能使表内勾稽关系成立")
                            + "，此格可能为" + vals + (seen.size() > 6 ? "等" : "") + "，无法确定";
                    if (narrative != null && narrative.kept.isEmpty()) {
                        why += "；报告正文" + quotes(narrative.used) + "所述数字与每一种读法都不符，未据此取舍";
                    }
                }
                out.add(new Cell(r.table, r.id, col, null, r.run, r.line, CellStatus.UNREADABLE, Reading.UNREADABLE, why));
            }
        }
        return out;
    }

    /** The sentences of the figures, quoted (each once, at most two, shortened). */
    private static String quotes(List<Stated> used) {
        return used.stream().map(s -> s.sentence.length() > 60 ? s.sentence.substring(0, 60) + "…" : s.sentence).distinct().limit(2)
                .map(s -> "“" + s + "”").collect(Collectors.joining("、"));
    }

    /**
     * Cells that are a whole source token in every surviving reading, with no blank before them whose
     * place was searched: read as printed, not inferred.
     */
    private static boolean[] printed(Row r, int i, List<int[]> chosen) {
        boolean[] out = new boolean[r.cols.size()];
        if (chosen == null || chosen.isEmpty()) return out;
        List<String> first = r.options.get(chosen.get(0)[i]);
        for (int[] ch : chosen) if (!r.options.get(ch[i]).equals(first)) return out;
        if (first.contains("")) return out;
        int p = 0;
        for (String t : r.tokens) {
            StringBuilder sb = new StringBuilder();
            int from = p;
            while (p < first.size() && sb.length() < t.length()) sb.append(first.get(p++));
            if (p - from == 1 && first.get(from).equals(t)) out[from] = true;
        }
        return out;
    }
}
