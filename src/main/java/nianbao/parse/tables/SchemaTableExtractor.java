package nianbao.parse.tables;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import nianbao.ingest.Block;
import nianbao.model.Cell;
import nianbao.model.CellStatus;
import nianbao.model.Format;
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
        if (!format.isGb()) return List.of();
        return extract(Tokens.of(blocks, debris), TableTemplate.of(format));
    }

    static List<Cell> extract(List<Item> items, TableTemplate tpl) {
        List<Cell> out = new ArrayList<>();
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
            out.addAll(rows(items, t3, items.size(), tpl, "T3", end));
            t3End = end[0];
        }
        int t4 = find(items, t3 >= 0 ? t3End : Math.max(t2, 0), items.size(), n -> n.contains("行政复议"));
        if (t2 >= 0) {
            int t2End = t3 >= 0 ? t3 : t4 >= 0 ? t4 : items.size();
            List<Cell> t2Cells = rows(items, t2, t2End, tpl, "T2", new int[1]);
            out.addAll(0, t2Cells);
        }
        if (t4 >= 0) out.addAll(t4(items, t4, tpl));
        return out;
    }

    private static int find(List<Item> items, int from, int to, Predicate<String> p) {
        for (int i = from; i < to; i++) if (items.get(i).isText() && p.test(items.get(i).norm())) return i;
        return -1;
    }

    // ---- rows of T2 and T3 ------------------------------------------------------------------------

    private static List<Cell> rows(List<Item> items, int from, int to, TableTemplate tpl, String table, int[] end) {
        List<TableTemplate.Entry> entries = tpl.entries(table);
        List<Cell> out = new ArrayList<>();
        Set<String> rowsWithCells = new HashSet<>();
        record GroupAt(TableTemplate.Entry entry, int at) {}
        List<GroupAt> groupRuns = new ArrayList<>();
        int pos = from;
        end[0] = from;
        for (int e = 0; e < entries.size(); e++) {
            TableTemplate.Entry entry = entries.get(e);
            int at = locate(items, pos, to, entries, e);
            if (at < 0) continue;
            pos = at + 1;
            if (entry.isRow()) {
                int runEnd = runEnd(items, at + 1, to);
                out.addAll(cells(items, at, runEnd, table, entry.id(), entry.cols()));
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
                out.addAll(cells(items, at, runEnd, table, entry.id(), cols));
            }
        }
        List<String> order = entries.stream().map(TableTemplate.Entry::id).toList();
        out.sort(java.util.Comparator.comparingInt(c -> order.indexOf(c.row())));
        return out;
    }

    /** The item that carries entry e's label, searching forward; -1 when a later entry claims an item first. */
    private static int locate(List<Item> items, int from, int to, List<TableTemplate.Entry> entries, int e) {
        TableTemplate.Entry entry = entries.get(e);
        String want = labelCore(entry);
        for (int i = from; i < to; i++) {
            Item it = items.get(i);
            if (!it.isText()) continue;
            String have = core(it.norm());
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
     * unless digit runs explain the gap.
     */
    private static List<Cell> cells(List<Item> items, int label, int runEnd, String table, String row, List<String> cols) {
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
        List<Cell> out = new ArrayList<>();
        boolean digitRuns = flat.size() < k && flat.stream().anyMatch(i -> Values.isDigitRun(i.norm()));
        if (digitRuns) {
            List<Cell> split = split(flat, table, row, cols);
            if (split != null) return split;
        }
        if (flat.size() < k) {
            List<Cell> toTotal = toTotal(flat, table, row, cols);
            if (toTotal != null) return toTotal;
        }
        if (digitRuns) {
            for (int c = 0; c < k; c++) {
                Item src = flat.isEmpty() ? null : flat.get(Math.min(c, flat.size() - 1));
                out.add(new Cell(table, row, cols.get(c), null, src == null ? "" : src.raw(),
                        src == null ? fallbackLine : src.line(), CellStatus.UNREADABLE, false));
            }
            return out;
        }
        for (int c = 0; c < k; c++) {
            if (c >= flat.size()) {
                int line = flat.isEmpty() ? fallbackLine : flat.get(flat.size() - 1).line();
                out.add(new Cell(table, row, cols.get(c), null, "", line, CellStatus.BLANK, false));
                continue;
            }
            Item it = flat.get(c);
            out.add(cell(table, row, cols.get(c), it));
        }
        return out;
    }

    /**
     * A short row from a source that marks no empty cells (Word or PDF paragraphs, where an empty
     * cell leaves nothing behind): the positions of its values are unknown, but when the row has a
     * single total column and its last value is the sum of the ones before it, that value is the
     * total and the gap lies between (e.g. "11 11" under seven columns: 自然人 11, 总计 11).
     */
    private static List<Cell> toTotal(List<Item> flat, String table, String row, List<String> cols) {
        int k = cols.size();
        if (flat.isEmpty() || cols.indexOf("total") != k - 1) return null;
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < flat.size(); i++) {
            Item it = flat.get(i);
            BigDecimal v = it.kind() == Item.Kind.VALUE ? Values.parse(it.raw()) : null;
            if (v == null) return null;
            if (i < flat.size() - 1) sum = sum.add(v);
            else if (sum.compareTo(v) != 0) return null;
        }
        List<Cell> out = new ArrayList<>();
        for (int c = 0; c < k - 1; c++) {
            if (c < flat.size() - 1) out.add(cell(table, row, cols.get(c), flat.get(c)));
            else out.add(new Cell(table, row, cols.get(c), null, "", flat.get(flat.size() - 1).line(), CellStatus.BLANK, false));
        }
        out.add(cell(table, row, cols.get(k - 1), flat.get(flat.size() - 1)));
        return out;
    }

    private static Cell cell(String table, String row, String col, Item it) {
        if (it.kind() == Item.Kind.BLANK) return new Cell(table, row, col, null, "", it.line(), CellStatus.BLANK, false);
        BigDecimal v = Values.parse(it.raw());
        if (v == null) return new Cell(table, row, col, null, it.raw(), it.line(), CellStatus.UNREADABLE, false);
        return new Cell(table, row, col, v, it.raw(), it.line(), CellStatus.NUMBER, false);
    }

    /**
     * Digit runs with no separator: the split that makes the row's own total equal the sum of its parts,
     * when exactly one does. Rows without a total column accept only a split that is the only valid one.
     */
    private static List<Cell> split(List<Item> flat, String table, String row, List<String> cols) {
        List<String> tokens = flat.stream().map(Item::norm).toList();
        List<List<String>> all = Values.splits(tokens, cols.size(), SPLIT_LIMIT);
        if (all == null) return null;
        List<List<String>> good = all.stream().filter(s -> balanced(s, cols)).toList();
        Set<List<String>> distinct = new HashSet<>(good);
        if (distinct.size() != 1) return null;
        List<String> pieces = good.get(0);
        List<Cell> out = new ArrayList<>();
        // Map pieces back to their source items for raw text and line.
        int p = 0;
        for (Item it : flat) {
            int n = Values.isDigitRun(it.norm()) ? piecesOf(it.norm(), pieces, p) : 1;
            for (int j = 0; j < n; j++, p++) {
                boolean inferred = n > 1;
                BigDecimal v = Values.parse(pieces.get(p));
                out.add(new Cell(table, row, cols.get(p), v, it.raw(), it.line(),
                        v == null ? CellStatus.UNREADABLE : CellStatus.NUMBER, inferred));
            }
        }
        return out;
    }

    /** How many consecutive pieces from index p concatenate to the digit run s. */
    private static int piecesOf(String s, List<String> pieces, int p) {
        StringBuilder sb = new StringBuilder();
        int n = 0;
        while (p + n < pieces.size() && sb.length() < s.length()) sb.append(pieces.get(p + n++));
        return n;
    }

    /** Per group of columns ending in "total": total = sum of the others (a T4 row has three such groups). */
    private static boolean balanced(List<String> pieces, List<String> cols) {
        BigDecimal sum = BigDecimal.ZERO;
        boolean any = false;
        for (int i = 0; i < cols.size(); i++) {
            BigDecimal v = Values.parse(pieces.get(i));
            if (v == null) return false;
            if (cols.get(i).equals("total")) {
                any = true;
                if (sum.compareTo(v) != 0) return false;
                sum = BigDecimal.ZERO;
            } else sum = sum.add(v);
        }
        return any;
    }

    // ---- T4: one data row of 15 cells under a two-level header -----------------------------------------

    private static List<Cell> t4(List<Item> items, int from, TableTemplate tpl) {
        int to = items.size();
        for (int i = from + 1; i < items.size(); i++) {
            Item it = items.get(i);
            if (it.isText() && it.norm().matches("^(五|六)、.*")) { to = i; break; }
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
                List<Cell> flat = cells(items, label, runEnd, "T4", "", cols);
                List<Cell> out = new ArrayList<>();
                for (int c = 0; c < flat.size(); c++) {
                    Cell x = flat.get(c);
                    out.add(new Cell("T4", rows.get(c), x.col(), x.value(), x.raw(), x.line(), x.status(), x.inferred()));
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
        do {
            prev = n;
            n = NUMBERING.matcher(n).replaceFirst("");
        } while (!n.equals(prev));
        return NOT_WORD.matcher(n).replaceAll("");
    }

    /** Dice coefficient over the longest common subsequence: tolerant of cut, merged and damaged labels. */
    static double similarity(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) return 0;
        int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = a.charAt(i - 1) == b.charAt(j - 1) ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
            }
            int[] t = prev; prev = cur; cur = t;
        }
        return 2.0 * prev[b.length()] / (a.length() + b.length());
    }
}
