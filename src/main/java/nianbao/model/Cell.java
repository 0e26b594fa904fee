package nianbao.model;

import java.math.BigDecimal;

/**
 * One cell of a statistical table under its canonical ids (formats.md §3).
 *
 * @param table  T2, T3 or T4
 * @param row    canonical row id, e.g. "3.1" or "normative"
 * @param col    canonical column id, e.g. "natural" or "in_force"
 * @param value  the number, or null when blank or unreadable
 * @param raw    the text as found in the source (for a split run of digits: the whole run)
 * @param line   source line of the value
 * @param status NUMBER, BLANK or UNREADABLE: what the cell holds
 * @param read   how it was read: directly, inferred uniquely by the table's relations, or not at all
 * @param note   why a cell was inferred or left unreadable (Chinese, shown to the user); null for direct cells
 */
public record Cell(String table, String row, String col, BigDecimal value, String raw, int line,
                   CellStatus status, Reading read, String note) {

    public Cell {
        if (read == null) read = Reading.DIRECT;
    }

    /** A cell read as printed (inferred = true: split from a run of digits, without a note). */
    public Cell(String table, String row, String col, BigDecimal value, String raw, int line,
                CellStatus status, boolean inferred) {
        this(table, row, col, value, raw, line, status, inferred ? Reading.INFERRED : Reading.DIRECT, null);
    }

    public boolean isBlank() { return status == CellStatus.BLANK; }

    public boolean isNumber() { return status == CellStatus.NUMBER; }

    /** True when the value came from splitting a run of digits under the table's relations. */
    public boolean inferred() { return read == Reading.INFERRED; }

    /** Read directly or inferred uniquely: a rule may judge the report on this cell. */
    public boolean isConfident() { return read != Reading.UNREADABLE; }

    /** For rules: the reading as a lower-case word ("direct", "inferred", "unreadable"). */
    public String getReadName() { return read.name().toLowerCase(); }

    /** Blank cells count as 0 in sums (formats.md §3). */
    public BigDecimal getAmount() { return value == null ? BigDecimal.ZERO : value; }
}
