package nianbao.parse.tables;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import nianbao.ingest.Block;
import nianbao.model.Cell;
import nianbao.model.CellStatus;
import nianbao.model.Format;
import nianbao.model.Reading;
import nianbao.parse.Normalizer;
import nianbao.parse.TableExtractor;

/**
 * Schema-guided extraction: the official template says which rows come in which order and how many
 * cells each has, so the source only has to supply labels to anchor on and values in reading order.
 * Labels are matched fuzzily (cut, OCR-damaged, renumbered) and strictly in template order; a row's
 * values are the cells between its label and the next label.
 */
public final class SchemaTableExtractor implements TableExtractor {
    /** Minimum label similarity (Dice coefficient over the longest common subsequence). */
    private static final double MATCH = 0.6;
    /** How many later template entries may claim an item before a row counts as missing. */
    private static final int LOOKAHEAD = 6;
    private static final int SPLIT_LIMIT = 20000;

    @Override
    public List<Cell> extract(List<Block> blocks, Format format, Predicate<String> debris) {
        return extract(blocks, format, debris, null);
    }

    /**
     * @param year the report year, for the narrative figures that break ties in flattened tables (a sentence that
     *             names another year states nothing about this table); null when unknown
     */
    @Override
    public List<Cell> extract(List<Block> blocks, Format format, Predicate<String> debris, Integer year) {
        if (!format.isGb()) return List.of();
        TableTemplate tpl = TableTemplate.of(format);
        List<String> labels = new ArrayList<>();
        for (Format f : List.of(Format.GB_2019, Format.GB_2021)) {
            for (TableTemplate.Entry e : TableTemplate.of(f).rows("T2")) labels.add(Normalizer.nfkc(e.label()));
        }
        // The narrative is read only when a table meets a tie (several readings that balance), at most once.
        List<List<NarrativeFigures.Figure>> once = new ArrayList<>(1);
        Supplier<List<NarrativeFigures.Figure>> figures = () -> {
            if (once.isEmpty()) once.add(NarrativeFigures.of(blocks, year));
            return once.get(0);
        };
        return extract(Tokens.of(blocks, debris, labels), tpl, figures);
    }

    static List<Cell> extract(List<Item> items, TableTemplate tpl) {
        return extract(items, tpl, List::of);
    }

    static List<Cell> extract(List<Item> items, TableTemplate tpl, Supplier<List<NarrativeFigures.Figure>> figures) {
        List<Cell> out = new ArrayList<>();
        String[] cores = new String[items.size()];   // core(norm) per item, worked out when first compared
        int t2 = find(items, 0, items.size(), n -> n.contains("第二十条第(一)项") || n.equals("信息内容"));
        int t3 = find(items, Math.max(t2, 0), items.size(), n -> n.contains("勾稽关系") || n.contains("申请人情况"));
        if (t3 < 0) {
            // No header survived (cut page, lost caption): anchor on the first row's own label.
            String first = labelCore(tpl.rows("T3").get(0));
            t3 = find(items, Math.max(t2, 0), items.size(), n -> similarity(first, core(n)) >= 0.8);
        }
        int t3End = items.size();
        if (t3 >= 0) {
            int[] end = {t3};
            out.addAll(rows(items, cores, t3, items.size(), tpl, "T3", end, figures));
            t3End = end[0];
        }
        int t4 = find(items, t3 >= 0 ? t3End : Math.max(t2, 0), items.size(), n -> n.contains("行政复议"));
        if (t2 >= 0) {
            int t2End = t3 >= 0 ? t3 : t4 >= 0 ? t4 : items.size();
            List<Cell> t2Cells = rows(items, cores, t2, t2End, tpl, "T2", new int[1], figures);
            out.addAll(0, t2Cells);
        }
        if (t4 >= 0) out.addAll(t4(items, t4, tpl, figures));
        return out;
    }

    private static int find(List<Item> items, int from, int to, Predicate<String> p) {
        for (int i = from; i < to; i++) if (items.get(i).isText() && p.test(items.get(i).norm())) return i;
        return -1;
    }

    // ---- rows of T2 and T3 ------------------------------------------------------------------------

    private static List<Cell> rows(List<Item> items, String[] cores, int from, int to, TableTemplate tpl, String table, int[] end,
                                   Supplier<List<NarrativeFigures.Figure>> figures) {
        List<TableTemplate.Entry> entries = tpl.entries(table);
        List<TableSolver.Row> out = new ArrayList<>();
        Set<String> rowsWithCells = new HashSet<>();
        record GroupAt(TableTemplate.Entry entry, int at) {}
        List<GroupAt> groupRuns = new ArrayList<>();
        int pos = from;
        end[0] = from;
        for (int e = 0; e < entries.size(); e++) {
            TableTemplate.Entry entry = entries.get(e);
            int at = locate(items, cores, pos, to, entries, e);
            if (at < 0) continue;
            pos = at + 1;
            if (entry.isRow()) {
                int runEnd = runEnd(items, at + 1, to);
                out.add(row(items, at, runEnd, table, entry.id(), entry.cols()));
                rowsWithCells.add(entry.id());
                end[0] = runEnd;
            } else if (entry.kind().equals("group")) {
                groupRuns.add(new GroupAt(entry, at));
            }
        }
        // A group caption followed directly by values and without its sub-rows is the older single row
        // (e.g. （六）其他处理 as one row in a GB_2021 table): keep its values under the group's id.
        for (GroupAt g : groupRuns) {
            TableTemplate.Entry entry = g.entry();
            int at = g.at();
            boolean children = rowsWithCells.stream().anyMatch(r -> r.startsWith(entry.id() + "."));
            int runEnd = runEnd(items, at + 1, to);
            boolean hasValue = items.subList(at + 1, runEnd).stream().anyMatch(i -> i.kind() == Item.Kind.VALUE);
            if (!children && hasValue && !entry.id().equals("3")) {
                List<String> cols = tpl.columns(table).stream().map(TableTemplate.Column::id).toList();
                out.add(row(items, at, runEnd, table, entry.id(), cols));
            }
        }
        List<String> order = entries.stream().map(TableTemplate.Entry::id).toList();
        out.sort(java.util.Comparator.comparingInt(r -> order.indexOf(r.id)));
        // A table that leaves some empty cells unwritten (a row with fewer digits than cells) may leave any:
        // its other run-together rows are read with blanks too, so where a blank may stand is not guessed.
        boolean unwritten = out.stream().anyMatch(r -> r.searched() && Values.maxPieces(r.tokens) < r.cols.size());
        if (unwritten) {
            for (int i = 0; i < out.size(); i++) {
                TableSolver.Row r = out.get(i);
                if (!r.searched() || Values.maxPieces(r.tokens) < r.cols.size()) continue;
                List<List<String>> all = suited(Values.splits(r.tokens, r.cols.size(), SPLIT_LIMIT, true), r.tokens, r.cols);
                out.set(i, TableSolver.Row.options(r.table, r.id, r.cols, all, r.run, r.line, r.tokens));
            }
        }
        if (table.equals("T2")) units(items, from, to, out);
        List<String> leaves = table.equals("T3")
                ? tpl.rows("T3").stream().map(TableTemplate.Entry::id).filter(id -> id.startsWith("3.") && !id.equals("3.7")).toList()
                : List.of();
        Supplier<List<TableSolver.Stated>> stated = () -> {
            List<TableSolver.Stated> st = new ArrayList<>();
            for (NarrativeFigures.Figure f : figures.get()) {
                if (!f.table().equals(table)) continue;
                int[] cols = new int[f.rows().size()];
                for (int j = 0; j < cols.length; j++) {
                    String row = f.rows().get(j), col = f.cols().get(j);
                    cols[j] = out.stream().filter(r -> r.id.equals(row)).findFirst().map(r -> r.cols.indexOf(col)).orElse(-1);
                }
                st.add(new TableSolver.Stated(f.rows(), cols, TableSolver.scaled(f.value()), f.sentence(), f.line()));
            }
            return st;
        };
        return TableSolver.solve(out, leaves, stated);
    }

    /** The item that carries entry e's label, searching forward; -1 when a later entry claims an item first. */
    private static int locate(List<Item> items, String[] cores, int from, int to, List<TableTemplate.Entry> entries, int e) {
        TableTemplate.Entry entry = entries.get(e);
        String want = labelCore(entry);
        for (int i = from; i < to; i++) {
            Item it = items.get(i);
            if (!it.isText()) continue;
            if (cores[i] == null) cores[i] = core(it.norm());
            String have = cores[i];
            if (have.isEmpty()) continue;
            double s = entry.kind().equals("block") ? (have.equals(want) ? 1 : 0) : similarity(want, have);
            double later = 0;
            for (int l = e + 1; l < Math.min(entries.size(), e + 1 + LOOKAHEAD); l++) {
                TableTemplate.Entry other = entries.get(l);
                String o = labelCore(other);
                later = Math.max(later, other.kind().equals("block") ? (have.equals(o) ? 1 : 0) : similarity(o, have));
            }
            if (s >= MATCH && s >= later) return i;
            if (later >= MATCH && later > s) return -1;
        }
        return -1;
    }

    /** Index after the values that follow a label: up to the next label. */
    private static int runEnd(List<Item> items, int from, int to) {
        int i = from;
        while (i < to && !items.get(i).isText()) i++;
        return i;
    }

    /**
     * Aligns the items between a label and the next label to k columns. Trailing empty cells are
     * layout (a wider grid, the next row's span cell); when more cells remain than columns, the extra
     * ones lead (label columns spanned into the value area); fewer cells mean blank cells at the end,
     * unless runs of digits explain the gap: then the row offers its possible readings to the table's search.
     */
    private static TableSolver.Row row(List<Item> items, int label, int runEnd, String table, String row, List<String> cols) {
        int k = cols.size();
        List<Item> whole = items.subList(label + 1, runEnd);
        List<Item> run = new ArrayList<>(whole);
        while (!run.isEmpty() && run.get(run.size() - 1).kind() == Item.Kind.BLANK) run.remove(run.size() - 1);
        // Empty cells that fit the row are the row's own blank cells (with their own lines).
        if (run.size() <= k) run = new ArrayList<>(whole.subList(0, Math.min(k, whole.size())));
        // Cells holding several space-separated numbers are several cells.
        List<Item> flat = new ArrayList<>();
        for (Item it : run) {
            if (it.kind() == Item.Kind.VALUE && it.raw().strip().contains(" ") && Values.parse(it.raw()) == null) {
                for (String p : it.raw().strip().split("\\s+")) flat.add(new Item(Item.Kind.VALUE, p, Normalizer.norm(p), it.line()));
            } else flat.add(it);
        }
        if (flat.size() > k) flat = flat.subList(flat.size() - k, flat.size());
        int fallbackLine = items.get(label).line();
        boolean digitRuns = flat.size() < k && flat.stream().anyMatch(i -> i.kind() == Item.Kind.VALUE && Values.isRun(i.norm()));
        // Fewer values than cells and nothing marking the empty ones (Word or PDF paragraphs, where an
        // empty cell leaves nothing behind): where the blanks stand is for the table's relations to tell.
        boolean unmarked = flat.size() < k && !flat.isEmpty() && flat.stream().allMatch(i -> i.kind() == Item.Kind.VALUE);
        if (digitRuns || unmarked) {
            List<String> tokens = flat.stream().map(Item::norm).toList();
            List<List<String>> all = suited(Values.splits(tokens, k, SPLIT_LIMIT), tokens, cols);
            String raw = String.join(" ", flat.stream().map(Item::raw).toList());
            return TableSolver.Row.options(table, row, cols, all, raw, flat.get(0).line(), tokens);
        }
        List<Cell> out = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            if (c >= flat.size()) {
                int line = flat.isEmpty() ? fallbackLine : flat.get(flat.size() - 1).line();
                out.add(new Cell(table, row, cols.get(c), null, "", line, CellStatus.BLANK, false));
                continue;
            }
            Item it = flat.get(c);
            out.add(cell(table, row, cols.get(c), it));
        }
        return TableSolver.Row.direct(table, row, cols, out);
    }

    /**
     * Money without a unit: the cell says 元 or 万元, or else its column caption must; a bare number under a
     * caption that names no unit ("采购总金额") cannot be put in 万元 and is unreadable. A caption in 元
     * converts the cell.
     */
    private static void units(List<Item> items, int from, int to, List<TableSolver.Row> rows) {
        for (int i = 0; i < rows.size(); i++) {
            TableSolver.Row r = rows.get(i);
            int c = r.cols.indexOf("amount_wan");
            if (c < 0 || r.searched()) continue;
            Cell x = r.direct.get(c);
            if (x.status() != CellStatus.NUMBER || x.raw().contains("元") || x.value().signum() == 0) continue; // 0 is 0 in any unit
            String caption = caption(items, from, to, x.line());
            if (caption.contains("万元")) continue;
            List<Cell> cells = new ArrayList<>(r.direct);
            if (caption.contains("元")) {
                cells.set(c, new Cell(x.table(), x.row(), x.col(), x.value().movePointLeft(4).stripTrailingZeros(), x.raw(), x.line(),
                        CellStatus.NUMBER, Reading.INFERRED, "金额单位为元（见表头），已换算为万元"));
            } else {
                cells.set(c, new Cell(x.table(), x.row(), x.col(), null, x.raw(), x.line(), CellStatus.UNREADABLE, Reading.UNREADABLE,
                        "金额“" + x.raw() + "”及其表头都没有注明单位（元或万元），无法换算为万元"));
            }
            rows.set(i, TableSolver.Row.direct(r.table, r.id, r.cols, cells));
        }
    }

    /** The amount column's caption: the nearest text before the value that names an amount. */
    private static String caption(List<Item> items, int from, int to, int line) {
        String found = "";
        for (int i = from; i < to; i++) {
            Item it = items.get(i);
            if (it.line() > line) break;
            if (it.isText() && (it.norm().contains("金额") || it.norm().contains("万元"))) found = it.norm();
        }
        return found;
    }

    /**
     * The readings (null: too many) whose pieces suit their columns, each once. Pieces are cut from the tokens or
     * are blanks: when no token holds a sign, a decimal point or 元, every piece suits every column, and nonempty
     * tokens give no reading twice (a reading fixes its pieces and where its blanks stand), so both checks are
     * skipped.
     */
    private static List<List<String>> suited(List<List<String>> all, List<String> tokens, List<String> cols) {
        if (all == null) return null;
        boolean plain = true;
        for (String t : tokens) {
            if (t.isEmpty() || t.indexOf('+') >= 0 || t.indexOf('-') >= 0 || t.indexOf('.') >= 0 || t.indexOf('元') >= 0) plain = false;
        }
        return plain ? all : all.stream().filter(p -> fits(p, cols)).distinct().toList();
    }

    /** A reading's pieces suit their columns: a sign only in 本年增/减, a money unit only in an amount column. */
    private static boolean fits(List<String> pieces, List<String> cols) {
        for (int i = 0; i < pieces.size(); i++) {
            String p = pieces.get(i), c = cols.get(i);
            if ((p.startsWith("+") || p.startsWith("-")) && !c.equals("delta")) return false;
            if (p.endsWith("元") && !c.startsWith("amount")) return false;
            if (p.contains(".") && !c.startsWith("amount")) return false;
        }
        return true;
    }

    private static Cell cell(String table, String row, String col, Item it) {
        if (it.kind() == Item.Kind.BLANK) return new Cell(table, row, col, null, "", it.line(), CellStatus.BLANK, false);
        BigDecimal v = Values.parse(it.raw());
        if (v == null) return new Cell(table, row, col, null, it.raw(), it.line(), CellStatus.UNREADABLE, false);
        return new Cell(table, row, col, v, it.raw(), it.line(), CellStatus.NUMBER, false);
    }

    // ---- T4: one data row of 15 cells under a two-level header -----------------------------------------

    private static final java.util.regex.Pattern PART_FIVE_OR_SIX = java.util.regex.Pattern.compile("^(五|六)、.*");

    private static List<Cell> t4(List<Item> items, int from, TableTemplate tpl, Supplier<List<NarrativeFigures.Figure>> figures) {
        int to = items.size();
        for (int i = from + 1; i < items.size(); i++) {
            Item it = items.get(i);
            if (it.isText() && PART_FIVE_OR_SIX.matcher(it.norm()).matches()) { to = i; break; }
        }
        int headerSeen = -1;
        for (int i = from; i < to; i++) {
            Item it = items.get(i);
            if (it.isText() && (it.norm().contains("总计") || it.norm().contains("审结") || it.norm().contains("维持"))) headerSeen = i;
            if (it.kind() == Item.Kind.VALUE && headerSeen >= 0) {
                int label = i - 1;
                while (label > from && !items.get(label).isText()) label--;
                int runEnd = runEnd(items, label + 1, to);
                List<String> cols = new ArrayList<>();
                List<String> rows = new ArrayList<>();
                for (TableTemplate.Entry r : tpl.rows("T4")) {
                    for (String c : r.cols()) { cols.add(c); rows.add(r.id()); }
                }
                // The data row is one row of the solver: a figure about (row, column) is about one of its cells.
                Supplier<List<TableSolver.Stated>> stated = () -> {
                    List<TableSolver.Stated> st = new ArrayList<>();
                    for (NarrativeFigures.Figure f : figures.get()) {
                        if (!f.table().equals("T4")) continue;
                        int[] at = new int[f.rows().size()];
                        List<String> ids = new ArrayList<>();
                        for (int j = 0; j < at.length; j++) {
                            at[j] = -1;
                            for (int c = 0; c < cols.size(); c++) {
                                if (rows.get(c).equals(f.rows().get(j)) && cols.get(c).equals(f.cols().get(j))) at[j] = c;
                            }
                            ids.add("");
                        }
                        st.add(new TableSolver.Stated(ids, at, TableSolver.scaled(f.value()), f.sentence(), f.line()));
                    }
                    return st;
                };
                List<Cell> flat = TableSolver.solve(List.of(row(items, label, runEnd, "T4", "", cols)), List.of(), stated);
                List<Cell> out = new ArrayList<>();
                for (int c = 0; c < flat.size(); c++) {
                    Cell x = flat.get(c);
                    out.add(new Cell("T4", rows.get(c), x.col(), x.value(), x.raw(), x.line(), x.status(), x.read(), x.note()));
                }
                return out;
            }
        }
        return List.of();
    }

    // ---- label matching -----------------------------------------------------------------------------

    /** A label without its numbering ("三、", "（一）", "1.") and punctuation: what is left to compare. */
    private static final java.util.regex.Pattern NUMBERING =
            java.util.regex.Pattern.compile("^(\\([一二三四五六七八九十\\d-]{1,3}\\)|[一二三四五六七八九十]{1,3}[、.,]|\\d{1,2}[.、,]|[·•.、])");
    private static final java.util.regex.Pattern NOT_WORD = java.util.regex.Pattern.compile("[^\\p{L}\\p{N}]");

    /** Template labels are a fixed set, compared against every candidate item: their cores are worked out once. */
    private static final java.util.Map<String, String> LABEL_CORES = new java.util.concurrent.ConcurrentHashMap<>();

    private static String labelCore(TableTemplate.Entry e) {
        return LABEL_CORES.computeIfAbsent(e.label(), SchemaTableExtractor::core);
    }

    static String core(String s) {
        String n = Normalizer.norm(s);
        String prev;
        while (mayBeNumbered(n)) {
            prev = n;
            n = NUMBERING.matcher(n).replaceFirst("");
            if (n.equals(prev)) break;
        }
        for (int i = 0; i < n.length(); i++) {
            // letters and digits are all kept: only a string with some other character needs the regex
            if (!Character.isLetterOrDigit(n.charAt(i))) return NOT_WORD.matcher(n).replaceAll("");
        }
        return n;
    }

    /** Whether {@link #NUMBERING} may match: it starts with "(", a numeral, a digit or one of ·•.、 */
    private static boolean mayBeNumbered(String n) {
        if (n.isEmpty()) return false;
        char c = n.charAt(0);
        return c >= '0' && c <= '9' || "(一二三四五六七八九十·•.、".indexOf(c) >= 0;
    }

    /** Dice coefficient over the longest common subsequence: tolerant of cut, merged and damaged labels. */
    static double similarity(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) return 0;
        if (a.equals(b)) return 1;   // the common case: a label printed as the template has it
        // on char arrays: a cold batch runs this C1-compiled, where each String.charAt is a call with its checks
        char[] x = a.toCharArray(), y = b.toCharArray();
        int[] prev = new int[y.length + 1], cur = new int[y.length + 1];
        for (int i = 1; i <= x.length; i++) {
            for (int j = 1; j <= y.length; j++) {
                cur[j] = x[i - 1] == y[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
            }
            int[] t = prev; prev = cur; cur = t;
        }
        return 2.0 * prev[b.length()] / (a.length() + b.length());
    }
}
