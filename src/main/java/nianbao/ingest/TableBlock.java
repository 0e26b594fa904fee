package nianbao.ingest;

import java.util.List;

/** A table from the source as a rectangular grid, rowspan and colspan already expanded. */
public record TableBlock(int line, List<List<GridCell>> rows) implements Block {

    /** The row as one line of text, cells separated by " | " (origins only), for display and text rules. */
    public static String rowText(List<GridCell> row) {
        StringBuilder sb = new StringBuilder();
        for (GridCell c : row) {
            if (!c.origin()) continue;
            if (sb.length() > 0) sb.append(" | ");
            sb.append(c.text());
        }
        return sb.toString();
    }
}
