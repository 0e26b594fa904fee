package nianbao.model;

import java.util.List;

/**
 * The local statistics table many reports of 2008–2018 end with (「指标名称 计量单位 2013年度 历年累计」): one row per
 * indicator, one value per column. Kept apart from the national T2/T3/T4 cells, which it is not.
 *
 * @param line    source line of its header
 * @param header  the header as found, for evidence
 * @param columns the value columns' headings in order
 * @param period  index of the reporting-year column, -1 when there is none (e.g. only 历年累计)
 * @param layout  "spaced" (values separated by spaces or cells) or "flattened" (values run together)
 * @param rows    the rows in source order
 */
public record LegacyTable(int line, String header, List<String> columns, int period, String layout, List<LegacyRow> rows) {

    public LegacyTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** Values left unread (several splits of a run of digits survive). */
    public long unreadCount() {
        return rows.stream().flatMap(r -> r.cells().stream()).filter(c -> c.status() == CellStatus.UNREADABLE).count();
    }
}
