package nianbao.model;

import java.math.BigDecimal;

/**
 * One cell of a statistical table under its canonical ids (formats.md §3).
 *
 * @param table    T2, T3 or T4
 * @param row      canonical row id, e.g. "3.1" or "normative"
 * @param col      canonical column id, e.g. "natural" or "in_force"
 * @param value    the number, or null when blank or unreadable
 * @param raw      the text as found in the source
 * @param line     source line of the value
 * @param status   NUMBER, BLANK or UNREADABLE
 * @param inferred true when the value came from splitting a run of digits (see the tables parser)
 */
public record Cell(String table, String row, String col, BigDecimal value, String raw, int line,
                   CellStatus status, boolean inferred) {

    public boolean isBlank() { return status == CellStatus.BLANK; }

    public boolean isNumber() { return status == CellStatus.NUMBER; }

    /** Blank cells count as 0 in sums (formats.md §3). */
    public BigDecimal getAmount() { return value == null ? BigDecimal.ZERO : value; }
}
