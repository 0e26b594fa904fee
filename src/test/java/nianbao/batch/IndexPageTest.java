package nianbao.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import nianbao.TestSupport;
import nianbao.model.Cell;
import nianbao.model.CellStatus;
import nianbao.model.Finding;
import nianbao.model.Location;
import nianbao.model.Severity;
import nianbao.score.Grading;
import org.junit.jupiter.api.Test;

/** The summary page's indicators, charts and escaping, on rows built directly (tables are not extracted yet). */
class IndexPageTest {
    private static Cell cell(String t, String r, String c, int v) {
        return new Cell(t, r, c, BigDecimal.valueOf(v), String.valueOf(v), 1, CellStatus.NUMBER, false);
    }

    @Test
    void indicatorsComeFromTheTableCells() {
        List<Cell> cells = List.of(cell("T3", "3.1", "total", 30), cell("T3", "3.2", "total", 10), cell("T3", "3.7", "total", 50),
                cell("T4", "review", "corrected", 1), cell("T4", "review", "total", 4));
        assertThat(Indicators.substantive(cells)).isEqualTo(0.8);
        assertThat(Indicators.correction(cells)).isEqualTo(0.25);
        assertThat(Indicators.correction(List.of(cell("T4", "review", "total", 0)))).isNull();   // no reviews: no rate
        assertThat(Indicators.substantive(List.of())).isNull();
    }

    @Test
    void pageShowsIndicatorChartsRegionsAndEscapesReportText() throws Exception {
        Finding f = new Finding("SEC-MISSING", "缺少章节", Severity.MAJOR, "章节", "缺少第六部分", 5, "30号", Location.none(), "");
        Row a = new Row("in/a.txt", "a", "x", "<script>alert(1)</script>甲县人民政府", "GOVERNMENT", "忻州市", null, 2021, "GB_2021", 95, "优秀",
                Row.counts(List.of(f)), null, null, 0.8, 0.25, List.of(f), false);
        Row b = new Row("in/b.txt", "b", "y", "乙县人民政府", "GOVERNMENT", "晋城市", null, 2021, "GB_2021", 40, "不合格",
                Row.counts(List.of()), null, null, 0.4, null, List.of(), false);
        Row bad = new Row("in/c.pdf", "c", null, null, null, "晋城市", null, null, null, null, null, new int[4], "UNSUPPORTED_TYPE",
                "暂不支持PDF文件 / PDF input is not supported yet", null, null, List.of(), false);
        String html = new String(IndexPage.bytes(List.of(a, b, bad), List.of(), Grading.load(TestSupport.RULES)), StandardCharsets.UTF_8);
        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;");
        assertThat(html).contains("80.0%", "40.0%", "25.0%", "忻州市", "晋城市", "50.0%");   // pass rate 1 of 2
        // the lower rate comes first in the 实质公开率 chart, and bars scale to the largest value
        String chart = html.substring(html.indexOf("实质公开率（由低到高"), html.indexOf("纠错率（由高到低"));
        assertThat(chart.indexOf("乙县人民政府 2021")).isGreaterThan(0).isLessThan(chart.indexOf("&lt;script&gt;alert(1)&lt;/script&gt;甲"));
        assertThat(html).contains("width=\"" + IndexPage.BAR_MAX + "\"", "width=\"" + IndexPage.BAR_MAX / 2 + "\"");
        assertThat(html).contains("UNSUPPORTED_TYPE", "href=\"a.html\"");
        assertThat(html.indexOf("href=\"a.html\"")).isLessThan(html.indexOf("href=\"b.html\""));   // ranked by score
    }
}
