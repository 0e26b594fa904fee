package nianbao.parse.tables;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nianbao.model.Cell;
import nianbao.model.Finding;
import nianbao.model.Report;

/**
 * The statistical tables re-drawn for the HTML report: official labels from the template data, the
 * extracted values, and the findings that point at a cell (highlight + hover text + link to the source line).
 */
public final class TableGrid {
    private TableGrid() {}

    /**
     * One drawn cell; {@code css} is null, "blank", "bad" or "flag"; {@code line} 0 when there is no source line.
     * JavaBean getters so the template reads them through Thymeleaf's shortcut path, not OGNL method calls
     * (a report draws about 200 cells).
     */
    public static final class GridCell {
        private final String text, css, title;
        private final boolean header;
        private final int colspan, line;

        GridCell(String text, boolean header, int colspan, String css, String title, int line) {
            this.text = text;
            this.header = header;
            this.colspan = colspan;
            this.css = css;
            this.title = title;
            this.line = line;
        }

        public String getText() { return text; }
        public String getCss() { return css; }
        public String getTitle() { return title; }

        /** The link to the cell's source line, or null when it has none (an {@code <a>} without href is plain text). */
        public String getHref() { return line > 0 ? "#L" + line : null; }

        /** The colspan attribute, or null for a single column (so the attribute is left out). */
        public Integer getSpan() { return colspan > 1 ? colspan : null; }
    }

    /**
     * One drawn row: label cells first, then value cells (every row of the official tables is drawn so).
     * Two lists rather than one with a header flag: the template then needs no th:if/th:unless per cell.
     */
    public static final class GridRow {
        private final List<GridCell> heads, values;

        GridRow(List<GridCell> cells) {
            int n = 0;
            while (n < cells.size() && cells.get(n).header) n++;
            for (int i = n; i < cells.size(); i++) {
                if (cells.get(i).header) throw new IllegalArgumentException("a label cell after a value cell");
            }
            this.heads = List.copyOf(cells.subList(0, n));
            this.values = List.copyOf(cells.subList(n, cells.size()));
        }

        public List<GridCell> getHeads() { return heads; }
        public List<GridCell> getValues() { return values; }
    }

    /** One drawn table (getters, like the cells, for the template's shortcut path). */
    public static final class Grid {
        private final String title;
        private final List<GridRow> rows;

        Grid(String title, List<GridRow> rows) {
            this.title = title;
            this.rows = rows;
        }

        public String getTitle() { return title; }
        public List<GridRow> getRows() { return rows; }
    }

    private static final String[][] TITLES = {
        {"T2", "表二 主动公开政府信息情况"}, {"T3", "表三 收到和处理政府信息公开申请情况"}, {"T4", "表四 政府信息公开行政复议、行政诉讼情况"}};

    public static List<Grid> of(Report r, List<Finding> findings) {
        if (r == null || r.cells().isEmpty()) return List.of();
        TableTemplate tpl = TableTemplate.of(r.formatDetected());
        Map<String, Cell> cells = new HashMap<>();
        for (Cell c : r.cells()) cells.put(c.table() + "/" + c.row() + "/" + c.col(), c);
        Map<String, List<Finding>> at = new HashMap<>();
        for (Finding f : findings) {
            var l = f.location();
            if (l.table() != null && l.row() != null && l.col() != null) {
                at.computeIfAbsent(l.table() + "/" + l.row() + "/" + l.col(), k -> new ArrayList<>()).add(f);
            }
        }
        List<Grid> out = new ArrayList<>();
        for (String[] t : TITLES) {
            String table = t[0];
            if (r.cells().stream().noneMatch(c -> c.table().equals(table))) continue;
            List<List<GridCell>> rows = new ArrayList<>();
            switch (table) {
                case "T2" -> t2(tpl, cells, at, rows);
                case "T3" -> t3(tpl, cells, at, rows);
                default -> t4(tpl, cells, at, rows);
            }
            out.add(new Grid(t[1], rows.stream().map(GridRow::new).toList()));
        }
        return out;
    }

    private static void t2(TableTemplate tpl, Map<String, Cell> cells, Map<String, List<Finding>> at, List<List<GridCell>> rows) {
        for (TableTemplate.Entry e : tpl.entries("T2")) {
            if (e.kind().equals("block")) {
                rows.add(List.of(head(e.label(), e.cols().size() + 1)));
                List<GridCell> h = new ArrayList<>(List.of(head("信息内容", 1)));
                for (String c : e.cols()) h.add(head(tpl.columnLabel("T2", c), 1));
                rows.add(h);
            } else if (e.isRow()) {
                rows.add(dataRow("T2", e.id(), e.label(), e.cols(), cells, at));
            }
        }
    }

    private static void t3(TableTemplate tpl, Map<String, Cell> cells, Map<String, List<Finding>> at, List<List<GridCell>> rows) {
        List<String> cols = tpl.columns("T3").stream().map(TableTemplate.Column::id).toList();
        List<GridCell> h = new ArrayList<>(List.of(head("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 1)));
        for (TableTemplate.Column c : tpl.columns("T3")) h.add(head(c.group().isEmpty() ? c.label() : c.group() + "·" + c.label(), 1));
        rows.add(h);
        for (TableTemplate.Entry e : tpl.entries("T3")) {
            boolean hasCells = cells.containsKey("T3/" + e.id() + "/total") || cols.stream().anyMatch(c -> cells.containsKey("T3/" + e.id() + "/" + c));
            if (e.kind().equals("group") && !hasCells) {
                rows.add(List.of(head(e.label(), cols.size() + 1)));
            } else {
                rows.add(dataRow("T3", e.id(), e.label(), cols, cells, at));
            }
        }
    }

    private static void t4(TableTemplate tpl, Map<String, Cell> cells, Map<String, List<Finding>> at, List<List<GridCell>> rows) {
        List<GridCell> groups = new ArrayList<>(), heads = new ArrayList<>(), values = new ArrayList<>();
        for (TableTemplate.Entry e : tpl.rows("T4")) {
            groups.add(head(e.group().isEmpty() ? e.label() : e.group() + "·" + e.label(), e.cols().size()));
            for (String c : e.cols()) {
                heads.add(head(tpl.columnLabel("T4", c), 1));
                values.add(value("T4", e.id(), c, cells, at));
            }
        }
        rows.add(groups);
        rows.add(heads);
        rows.add(values);
    }

    private static List<GridCell> dataRow(String table, String row, String label, List<String> cols,
                                          Map<String, Cell> cells, Map<String, List<Finding>> at) {
        List<GridCell> r = new ArrayList<>(List.of(head(label, 1)));
        for (String c : cols) r.add(value(table, row, c, cells, at));
        return r;
    }

    private static GridCell head(String text, int colspan) {
        return new GridCell(text, true, colspan, null, null, 0);
    }

    private static GridCell value(String table, String row, String col, Map<String, Cell> cells, Map<String, List<Finding>> at) {
        Cell c = cells.get(table + "/" + row + "/" + col);
        if (c == null) return new GridCell("（缺）", false, 1, "bad", "报告中没有这一行", 0);
        List<Finding> fs = at.getOrDefault(table + "/" + row + "/" + col, List.of());
        StringBuilder title = new StringBuilder();
        for (Finding f : fs) title.append(title.length() > 0 ? "\n" : "").append(f.code()).append("：").append(f.message());
        String text = switch (c.status()) {
            case NUMBER -> c.value().stripTrailingZeros().toPlainString() + (c.inferred() ? "*" : "");
            case BLANK -> "";
            case UNREADABLE -> c.read() == nianbao.model.Reading.UNREADABLE ? "？" : c.raw();
        };
        String css = !fs.isEmpty() ? "flag" : switch (c.status()) {
            case BLANK -> "blank";
            case UNREADABLE -> "bad";
            default -> null;
        };
        if (title.length() == 0) {
            if (c.note() != null) title.append(c.note());
            else if (c.status() == nianbao.model.CellStatus.BLANK) title.append("未填写");
            else if (c.status() == nianbao.model.CellStatus.UNREADABLE) title.append("无法识别为数字：").append(c.raw());
            else if (c.inferred()) title.append("由连在一起的数字“").append(c.raw()).append("”按表内合计关系拆分得出");
        }
        return new GridCell(text, false, 1, css, title.length() == 0 ? null : title.toString(), c.line());
    }
}
