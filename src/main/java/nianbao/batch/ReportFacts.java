package nianbao.batch;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nianbao.model.Cell;
import nianbao.model.Format;

/**
 * What the cross-report rules ({@code rules/cross-report.drl}) know of one report of a batch:
 * its body (normalised agency name), year, format and the few table cells that roll forward
 * from year to year. Small on purpose: a batch holds one per input.
 *
 * @param source the input path as given
 * @param body   normalised agency name (see {@link Bodies#normalise}); the source itself when no agency was found
 */
public record ReportFacts(int id, String source, String body, String agency, Integer year, Format format,
                          Map<String, BigDecimal> cells) {

    /** Cells kept for the cross rules: T3 rows 2 and 4 (carry-over) and all of T2 (roll-forwards). */
    static boolean kept(Cell c) {
        return c.value() != null && ("T2".equals(c.table()) || "T3".equals(c.table()) && ("2".equals(c.row()) || "4".equals(c.row())));
    }

    public static ReportFacts of(int id, String source, String agency, Integer year, Format format, List<Cell> cells) {
        Map<String, BigDecimal> m = new HashMap<>();
        for (Cell c : cells) if (kept(c)) m.put(key(c.table(), c.row(), c.col()), c.value());
        String body = agency == null || agency.isBlank() ? "?" + source : Bodies.normalise(agency);
        return new ReportFacts(id, source, body, agency, year, format, Map.copyOf(m));
    }

    public boolean has(String table, String row, String col) {
        return cells.containsKey(key(table, row, col));
    }

    /** The cell's number, or null when the report has no such (numeric) cell. */
    public BigDecimal value(String table, String row, String col) {
        return cells.get(key(table, row, col));
    }

    /** The file name, for messages. */
    public String getFileName() {
        int i = Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\'));
        return source.substring(i + 1);
    }

    public String getBody() { return body; }

    public Integer getYear() { return year; }

    private static String key(String t, String r, String c) {
        return t + '|' + r + '|' + c;
    }
}
