package nianbao.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the blocks of a Word or PDF file in reading order. These formats have no source
 * lines, so each text line and each table row gets the next synthetic line number (1-based)
 * and a place label ("第12段", "表2第3行", "第3页第5行") that the report shows for evidence.
 */
final class PlacedBlocks {
    /** One slot of a table grid before line numbers are known. */
    record Slot(String text, boolean origin) {}

    private final List<Block> blocks = new ArrayList<>();
    private final Map<Integer, String> places = new HashMap<>();
    private int next = 1;
    private int tables;

    void text(String text, String place) {
        for (String part : text.split("\r\n|[\r\n\u000B\u2028\u2029]", -1)) {
            String s = TextReader.clean(part).replace('\u00A0', ' ');
            if (s.isEmpty()) continue;
            // A paragraph of whitespace only stays as it is, as a text line would: where a table is
            // set one cell per line, a single space is an empty cell (see Tokens).
            if (!s.isBlank()) s = s.strip();
            places.put(next, place);
            blocks.add(new TextBlock(next++, s));
        }
    }

    /** Adds a grid; {@code rowPlace} gets the 1-based table and row numbers. Rows are padded to a rectangle. */
    void table(List<List<Slot>> grid, RowPlace rowPlace) {
        if (grid.stream().allMatch(PlacedBlocks::blank)) return;
        grid = withoutCoveredColumns(grid);
        int table = ++tables;
        int width = grid.stream().mapToInt(List::size).max().orElse(0);
        List<List<GridCell>> out = new ArrayList<>(grid.size());
        int first = next;
        for (int r = 0; r < grid.size(); r++) {
            if (blank(grid.get(r))) continue; // the row number in the label stays the source's
            int line = next++;
            places.put(line, rowPlace.label(table, r + 1));
            List<GridCell> row = new ArrayList<>(width);
            for (Slot s : grid.get(r)) row.add(new GridCell(clean(s.text()), line, s.origin()));
            while (row.size() < width) row.add(new GridCell("", line, true));
            out.add(row);
        }
        blocks.add(new TableBlock(first, out));
    }

    /**
     * Drops grid columns in which no cell starts: they only come from cell edges of other rows
     * (Word 97 widths, PDF borders) and every cell spans across them, so they carry nothing.
     */
    static List<List<Slot>> withoutCoveredColumns(List<List<Slot>> grid) {
        int width = grid.stream().mapToInt(List::size).max().orElse(0);
        boolean[] keep = new boolean[width];
        for (List<Slot> row : grid) {
            if (blank(row)) continue;
            for (int c = 0; c < row.size(); c++) if (row.get(c).origin()) keep[c] = true;
        }
        List<List<Slot>> out = new ArrayList<>(grid.size());
        for (List<Slot> row : grid) {
            List<Slot> r = new ArrayList<>(row.size());
            for (int c = 0; c < row.size(); c++) if (keep[c]) r.add(row.get(c));
            out.add(r);
        }
        return out;
    }

    private static boolean blank(List<Slot> row) {
        return row.stream().allMatch(s -> s.text().isBlank());
    }

    interface RowPlace {
        String label(int table, int row);
    }

    boolean hasContent() {
        return blocks.stream().anyMatch(b -> b instanceof TableBlock || !((TextBlock) b).text().isBlank());
    }

    Document document(String source, String sha256, String kind) throws IngestException {
        if (!hasContent()) throw new IngestException("EMPTY", "文件没有可读的文字内容", "the file has no readable text");
        return new Document(source, sha256, kind, "UTF-8", List.copyOf(blocks), Map.copyOf(places));
    }

    /** Cell text on one line: Word and PDF cells wrap, the grid keeps one string per cell. */
    static String clean(String s) {
        return TextReader.clean(s.replaceAll("[\r\n\u000B\t\u00A0]+", " ")).replaceAll(" {2,}", " ").strip();
    }
}
