package nianbao.parse.tables;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nianbao.model.Format;

/**
 * The official table templates of one GB format, read from {@code nianbao/tables/*.tsv} (data, not code):
 * T2 blocks, rows in template order, columns and their labels. The HTML report draws the tables from the same data.
 */
public final class TableTemplate {
    /** kind: "row", "group" or "block"; cols: the column ids of a row (T2: its block's columns). */
    public record Entry(String kind, String table, String id, String label, List<String> cols, String group) {
        public boolean isRow() { return kind.equals("row"); }
    }

    /** A column with its label and, where the template has one, the caption of its column group. */
    public record Column(String table, String id, String label, String group) {}

    private static final Map<Format, TableTemplate> CACHE = new ConcurrentHashMap<>();

    private final Format format;
    private final List<Entry> entries;
    private final Map<String, Column> columns;

    private TableTemplate(Format format, List<Entry> entries, Map<String, Column> columns) {
        this.format = format;
        this.entries = entries;
        this.columns = columns;
    }

    /** The template of a GB format; GB_2021 for anything else (the renderer needs some labels). */
    public static TableTemplate of(Format f) {
        Format key = f == Format.GB_2019 ? Format.GB_2019 : Format.GB_2021;
        return CACHE.computeIfAbsent(key, TableTemplate::load);
    }

    public Format format() { return format; }

    /** Entries of one table in template order (rows, groups, T2 blocks). */
    public List<Entry> entries(String table) {
        return entries.stream().filter(e -> e.table.equals(table)).toList();
    }

    public List<Entry> rows(String table) {
        return entries.stream().filter(e -> e.table.equals(table) && e.isRow()).toList();
    }

    /** Columns of a table in template order. */
    public List<Column> columns(String table) {
        return columns.values().stream().filter(c -> c.table.equals(table)).toList();
    }

    public String columnLabel(String table, String col) {
        Column c = columns.get(table + "/" + col);
        return c == null ? col : c.label;
    }

    public String rowLabel(String table, String row) {
        for (Entry e : entries) if (e.table.equals(table) && e.id.equals(row)) return e.label;
        return row;
    }

    private static TableTemplate load(Format f) {
        List<String[]> common = read("common.tsv"), own = read(f.name() + ".tsv");
        List<String[]> lines = new ArrayList<>();
        for (String[] l : common) {
            if (l[0].equals("@other")) {
                for (String[] o : own) if (o[1].equals("T3")) lines.add(o);
            } else lines.add(l);
        }
        for (String[] o : own) if (!o[1].equals("T3")) lines.add(o);

        Map<String, Column> cols = new LinkedHashMap<>();
        for (String[] l : lines) {
            if (l[0].equals("col")) cols.put(l[1] + "/" + l[2], new Column(l[1], l[2], l[3], l.length > 4 ? l[4] : ""));
        }
        List<Entry> out = new ArrayList<>();
        List<String> blockCols = List.of();
        for (String[] l : lines) {
            String extra = l.length > 4 ? l[4] : "";
            switch (l[0]) {
                case "block" -> {
                    blockCols = List.of(extra.split(","));
                    out.add(new Entry("block", l[1], l[2], l[3], blockCols, ""));
                }
                case "group" -> out.add(new Entry("group", l[1], l[2], l[3], List.of(), ""));
                case "row" -> {
                    List<String> rc = l[1].equals("T2") ? blockCols
                            : cols.values().stream().filter(c -> c.table.equals(l[1])).map(Column::id).toList();
                    out.add(new Entry("row", l[1], l[2], l[3], rc, extra));
                }
                default -> { }
            }
        }
        return new TableTemplate(f, List.copyOf(out), cols);
    }

    private static List<String[]> read(String name) {
        String path = "nianbao/tables/" + name;
        try (InputStream in = TableTemplate.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("missing resource " + path);
            List<String[]> out = new ArrayList<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    if (line.isBlank() || line.startsWith("#")) continue;
                    out.add(line.split("\t", -1));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
