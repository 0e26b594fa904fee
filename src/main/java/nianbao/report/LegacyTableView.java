package nianbao.report;

import java.util.ArrayList;
import java.util.List;
import nianbao.model.CellStatus;
import nianbao.model.LegacyCell;
import nianbao.model.LegacyRow;
import nianbao.model.LegacyTable;
import nianbao.model.Reading;

/**
 * The legacy statistics table (统计表 of a 2008-style report) as the HTML report shows it: one row per indicator,
 * items indented under their total, inferred values marked with *, unread values grey with the candidates in the
 * tooltip. Every text is escaped when the page is written ({@link PageMarkup}).
 */
public final class LegacyTableView {
    private final LegacyTable t;
    private final List<RowView> rows = new ArrayList<>();

    private LegacyTableView(LegacyTable t) {
        this.t = t;
        for (LegacyRow r : t.rows()) rows.add(new RowView(r));
    }

    /** The view, or null when the report has no legacy table. */
    public static LegacyTableView of(LegacyTable t) { return t == null ? null : new LegacyTableView(t); }

    public List<String> getColumns() { return t.columns(); }
    public List<RowView> getRows() { return rows; }
    public String getHref() { return "#L" + t.line(); }

    public String getSummary() {
        long unread = t.unreadCount();
        String layout = t.layout().equals("flattened") ? "原文中各列数字连写在一起，已按约束拆分" : "原文中各列数字分开书写";
        return "共" + t.rows().size() + "行，" + layout + (unread > 0 ? "；" + unread + "个数字无法可靠识别，请人工核对（灰色）" : "") + "。";
    }

    public static final class RowView {
        private final LegacyRow r;
        private final List<ValueView> values = new ArrayList<>();

        RowView(LegacyRow r) {
            this.r = r;
            for (LegacyCell c : r.cells()) values.add(new ValueView(c, r.line()));
        }

        public String getLabel() {
            String prefix = r.parent() == null ? "" : "\u3000" + (r.number() > 0 ? r.number() + "．" : "其中：");
            return prefix + r.label();
        }
        public String getUnit() { return r.unit(); }
        public String getTitle() { return "原文：" + r.raw(); }
        public List<ValueView> getValues() { return values; }
    }

    public static final class ValueView {
        private final LegacyCell c;
        private final int line;

        ValueView(LegacyCell c, int line) { this.c = c; this.line = line; }

        public String getText() {
            if (c.status() == CellStatus.UNREADABLE) return "?";
            if (c.status() == CellStatus.BLANK) return "";
            return c.value().toPlainString() + (c.read() == Reading.INFERRED ? "*" : "");
        }
        public String getCss() {
            return c.status() == CellStatus.UNREADABLE ? "bad" : c.status() == CellStatus.BLANK ? "blank" : null;
        }
        public String getTitle() { return c.note(); }
        public String getHref() { return "#L" + line; }
    }
}
