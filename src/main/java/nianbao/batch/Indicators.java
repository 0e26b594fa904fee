package nianbao.batch;

import java.math.BigDecimal;
import java.util.List;
import nianbao.model.Cell;

/** Derived indicators of one report's tables (formats.md §3 ids). Statistics, not compliance judgements. */
final class Indicators {
    private Indicators() {}

    /** 实质公开率 = (予以公开 3.1 + 部分公开 3.2) / 办理总数 3.7, column total. */
    static Double substantive(List<Cell> cells) {
        BigDecimal open = value(cells, "T3", "3.1", "total"), part = value(cells, "T3", "3.2", "total"), all = value(cells, "T3", "3.7", "total");
        if (open == null || part == null || all == null || all.signum() <= 0) return null;
        return open.add(part).doubleValue() / all.doubleValue();
    }

    /** 纠错率 = 行政复议 结果纠正 / 行政复议 总计. */
    static Double correction(List<Cell> cells) {
        BigDecimal corrected = value(cells, "T4", "review", "corrected"), total = value(cells, "T4", "review", "total");
        if (corrected == null || total == null || total.signum() <= 0) return null;
        return corrected.doubleValue() / total.doubleValue();
    }

    private static BigDecimal value(List<Cell> cells, String t, String r, String c) {
        for (Cell x : cells) {
            if (t.equals(x.table()) && r.equals(x.row()) && c.equals(x.col())) return x.value();
        }
        return null;
    }
}
