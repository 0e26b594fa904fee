package nianbao.model;

import java.math.BigDecimal;
import java.util.List;

/**
 * A row of a legacy statistics table: 「主动公开信息数 条 425 1516」, 「其中：1.网站公开 条 418 1509」.
 *
 * @param index  0-based position in the table
 * @param label  the indicator's name without 其中 and item number ("网站公开")
 * @param unit   the unit as printed (条, 件…)
 * @param number the item number printed before the label (1 for 「1.网站公开」), 0 when none
 * @param parent the label of the row this one breaks down (「其中：」 items), null for a top-level row
 * @param line   source line of the row
 * @param raw    the values as found in the source (a run of digits for a flattened table)
 * @param cells  one value per column of the table, in the table's column order
 * @param period index in {@code cells} of the reporting-year column (本年度 / YYYY年度), -1 when the table has none
 */
public record LegacyRow(int index, String label, String unit, int number, String parent, int line, String raw,
                        List<LegacyCell> cells, int period) {

    public LegacyRow {
        cells = List.copyOf(cells);
    }

    /** The reporting-year value, or null when the table has no such column. */
    public LegacyCell current() { return period >= 0 && period < cells.size() ? cells.get(period) : null; }

    /** For rules: the reporting-year number, or null when blank, unread or absent. */
    public BigDecimal getCurrentValue() {
        LegacyCell c = current();
        return c == null || !c.isConfident() ? null : c.value();
    }

    /** For rules: the reporting-year value was read directly or inferred uniquely, and is a number. */
    public boolean isCurrentConfident() { return getCurrentValue() != null; }
}
