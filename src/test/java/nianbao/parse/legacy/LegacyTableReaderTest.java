package nianbao.parse.legacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import nianbao.ingest.Ingestor;
import nianbao.model.CellStatus;
import nianbao.model.LegacyCell;
import nianbao.model.LegacyRow;
import nianbao.model.LegacyTable;
import nianbao.model.Reading;
import nianbao.model.Report;
import nianbao.model.SourceLine;
import nianbao.parse.Normalizer;
import nianbao.parse.ReportParser;
import nianbao.parse.tables.NarrativeNumbers;
import org.junit.jupiter.api.Test;

/** Legacy statistics tables in layouts of our own (no corpus file has these). */
class LegacyTableReaderTest {

    private static LegacyTable read(String... texts) {
        List<SourceLine> lines = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) lines.add(new SourceLine(i + 1, texts[i], null, Normalizer.norm(texts[i])));
        return LegacyTableReader.read(lines, NarrativeNumbers.of(lines));
    }

    private static LegacyRow row(LegacyTable t, String label) {
        return t.rows().stream().filter(r -> r.label().equals(label)).findFirst().orElseThrow(() -> new AssertionError(label));
    }

    private static void assertCell(LegacyCell c, String value, Reading read) {
        assertEquals(read, c.read(), c.toString());
        if (value == null) assertEquals(CellStatus.BLANK, c.status(), c.toString());
        else assertEquals(0, new BigDecimal(value).compareTo(c.value()), c.toString());
    }

    @Test
    void spacedTableOverSeveralLinesWithBracketNumbersAndADateAfterIt() {
        LegacyTable t = read(
                "附件：某某县统计局2010年政府信息公开情况统计表",
                "指标名称　计量单位　本年度　累计",
                "主动公开政府信息数　条　120　980",
                "其中：（1）网站公开　条　100　800",
                "（2）公开栏公开　条　20　180",
                "行政复议数　件　1　3",
                "某某县统计局 2011年1月20日");
        assertNotNull(t);
        assertEquals(List.of("本年度", "累计"), t.columns());
        assertEquals(0, t.period());
        assertEquals("spaced", t.layout());
        assertEquals(4, t.rows().size());
        LegacyRow total = row(t, "主动公开政府信息数");
        assertNull(total.parent());
        assertCell(total.cells().get(0), "120", Reading.DIRECT);
        assertCell(total.cells().get(1), "980", Reading.DIRECT);
        LegacyRow web = row(t, "网站公开");
        assertEquals("主动公开政府信息数", web.parent());
        assertEquals(1, web.number());
        assertEquals(4, web.line());
        assertEquals(2, row(t, "公开栏公开").number());
        LegacyRow review = row(t, "行政复议数");
        assertEquals("件", review.unit());
        assertNull(review.parent());
        assertCell(review.cells().get(1), "3", Reading.DIRECT);
        assertEquals(0, new BigDecimal("1").compareTo(review.getCurrentValue()));
    }

    @Test
    void flattenedRunsWithGluedItemNumbersAreSplitByTheTableRelations() {
        // 「…当面申请件6152、网上申请…」: the trailing 2 is the next item's number; the children list 其他, so
        // they must add up to the total in each column, which leaves one reading of every run
        LegacyTable t = read("全文完。统计指标计量单位2010年度历年累计政府信息公开申请总数件1240其中：1、当面申请件6152、网上申请件6213、其他形式申请件04行政诉讼数件01");
        assertNotNull(t);
        assertEquals("flattened", t.layout());
        assertEquals(5, t.rows().size());
        LegacyRow total = row(t, "政府信息公开申请总数");
        assertCell(total.cells().get(0), "12", Reading.INFERRED);
        assertCell(total.cells().get(1), "40", Reading.INFERRED);
        LegacyRow face = row(t, "当面申请");
        assertEquals("615", face.raw());
        assertCell(face.cells().get(0), "6", Reading.INFERRED);
        assertCell(face.cells().get(1), "15", Reading.INFERRED);
        LegacyRow online = row(t, "网上申请");
        assertEquals(2, online.number());
        assertEquals("621", online.raw());
        assertCell(online.cells().get(0), "6", Reading.INFERRED);
        assertCell(online.cells().get(1), "21", Reading.INFERRED);
        assertEquals(3, row(t, "其他形式申请").number());
        assertCell(row(t, "其他形式申请").cells().get(1), "4", Reading.INFERRED);
        assertCell(row(t, "行政诉讼数").cells().get(0), "0", Reading.INFERRED);
        assertTrue(total.cells().get(0).note().contains("1240"), total.cells().get(0).note());
        assertEquals(0, t.unreadCount());
    }

    @Test
    void oneColumnTable() {
        LegacyTable t = read("政府信息公开情况统计表",
                "指标名称 | 计量单位 | 本年",
                "主动公开信息数 | 条 | 56",
                "其中：政府网站公开 | 条 | 50",
                "依申请公开信息数 | 件 | 0");
        assertNotNull(t);
        assertEquals(List.of("本年"), t.columns());
        assertEquals(3, t.rows().size());
        assertCell(row(t, "主动公开信息数").cells().get(0), "56", Reading.DIRECT);
        assertEquals("主动公开信息数", row(t, "政府网站公开").parent());
        assertCell(row(t, "依申请公开信息数").cells().get(0), "0", Reading.DIRECT);
    }

    @Test
    void anAmbiguousRunStaysUnreadWithItsCandidates() {
        LegacyTable t = read("附表 指标名称计量单位2012年度累计主动公开信息数条123456行政诉讼数件00");
        assertNotNull(t);
        LegacyRow r = row(t, "主动公开信息数");
        for (LegacyCell c : r.cells()) {
            assertEquals(CellStatus.UNREADABLE, c.status());
            assertEquals(Reading.UNREADABLE, c.read());
            assertNull(c.value());
            assertTrue(c.note().contains("1/23456") && c.note().contains("123/456"), c.note());
        }
        assertNull(r.getCurrentValue());
        assertCell(row(t, "行政诉讼数").cells().get(0), "0", Reading.INFERRED);
        assertEquals(2, t.unreadCount());
    }

    @Test
    void aNarrativeFigureForTheRowSettlesARunThatSplitsSeveralWays() {
        LegacyTable t = read("二、主动公开情况。全年主动公开政府信息1234条，其中网站发布1200条。",
                "指标名称计量单位2014年度历年累计主动公开信息数条12345678行政复议数件00");
        LegacyRow r = row(t, "主动公开信息数");
        assertCell(r.cells().get(0), "1234", Reading.INFERRED);
        assertCell(r.cells().get(1), "5678", Reading.INFERRED);
        assertTrue(r.cells().get(0).note().contains("正文"), r.cells().get(0).note());
        // without the narrative figure the same run stays unread
        LegacyRow alone = row(read("指标名称计量单位2014年度历年累计主动公开信息数条12345678行政复议数件00"), "主动公开信息数");
        assertNull(alone.getCurrentValue());
    }

    @Test
    void aGluedNumberThatIsNotTheNextItemsLeavesTheRowUnread() {
        LegacyTable t = read("指标名称计量单位2014年度历年累计受理申请总数件34其中：1、网上申请件1135、信函申请件23");
        LegacyRow online = row(t, "网上申请");
        assertEquals(CellStatus.UNREADABLE, online.cells().get(0).status());
        assertTrue(online.cells().get(0).note().contains("编号"), online.cells().get(0).note());
    }

    @Test
    void noTableNoResult() {
        assertNull(read("本报告所列数据的统计期限自2012年1月1日起至2012年12月31日止。", "一、概述"));
    }

    @Test
    void anHtmlTableIsReadThroughTheWholePipeline() throws Exception {
        String html = "<html><head><meta charset=\"utf-8\"><title>某某乡2009年政府信息公开工作年度报告</title></head><body>"
                + "<h1>某某乡人民政府2009年政府信息公开工作年度报告</h1>"
                + "<p>本报告根据《中华人民共和国政府信息公开条例》编制。</p>"
                + "<p>一、概述</p><p>我乡认真贯彻落实《条例》，建立健全各项制度，明确专人负责政府信息公开工作，全年工作平稳有序。</p>"
                + "<p>二、主动公开政府信息情况</p><p>全年主动公开政府信息35条，均通过政府网站公开。</p>"
                + "<p>三、依申请公开政府信息情况</p><p>全年未收到政府信息公开申请。</p>"
                + "<p>四、政府信息公开的收费及减免情况</p><p>未收取任何费用。</p>"
                + "<p>五、因政府信息公开申请行政复议、提起行政诉讼的情况</p><p>无。</p>"
                + "<p>六、政府信息公开工作存在的主要问题及改进情况</p><p>公开内容还不够全面，下一步将加强培训。</p>"
                + "<p>附：政府信息公开情况统计表</p>"
                + "<table><tr><td>指标名称</td><td>计量单位</td><td>2009年度</td><td>历年累计</td></tr>"
                + "<tr><td>主动公开信息数</td><td>条</td><td>35</td><td>97</td></tr>"
                + "<tr><td>其中：1.网站公开</td><td>条</td><td>35</td><td>90</td></tr>"
                + "<tr><td>2.公开栏公开</td><td>条</td><td>0</td><td></td></tr>"
                + "<tr><td>行政复议数</td><td>件</td><td>0</td><td>0</td></tr></table>"
                + "<p>某某乡人民政府</p><p>2010年3月1日</p></body></html>";
        Report r = new ReportParser().parse(new Ingestor().read("legacy.html", html.getBytes(StandardCharsets.UTF_8)));
        LegacyTable t = r.legacyTable();
        assertNotNull(t, "legacy table");
        assertEquals(List.of("2009年度", "历年累计"), t.columns());
        assertEquals(4, t.rows().size());
        assertCell(row(t, "主动公开信息数").cells().get(1), "97", Reading.DIRECT);
        assertEquals("主动公开信息数", row(t, "网站公开").parent());
        // an empty last cell: the one value stands in the first column, the other is blank
        LegacyRow board = row(t, "公开栏公开");
        assertCell(board.cells().get(0), "0", Reading.INFERRED);
        assertCell(board.cells().get(1), null, Reading.INFERRED);
        assertEquals(r.legacyRows(), t.rows());
    }

    @Test
    void longRunsInABigBreakdownStayFastAndUnread() {
        StringBuilder t = new StringBuilder("指标名称计量单位本年度上年度历年累计受理申请总数件123456789123456789123456789其中：");
        for (int i = 1; i <= 6; i++) t.append(i).append("、申请渠道").append("甲乙丙丁戊".charAt(Math.min(i, 5) - 1)).append("件987654321987654321");
        t.append("7、其他申请件111111111111111111");
        long start = System.nanoTime();
        LegacyTable table = read(t.toString());
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(ms < 3000, ms + " ms");
        assertNotNull(table);
        assertEquals(8, table.rows().size());
        for (LegacyRow r : table.rows()) assertNull(r.getCurrentValue(), r.toString());
    }

    @Test
    void aWordTableIsReadThroughTheWholePipeline() throws Exception {
        byte[] bytes;
        try (org.apache.poi.xwpf.usermodel.XWPFDocument doc = new org.apache.poi.xwpf.usermodel.XWPFDocument();
             java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            for (String p : List.of("某某县卫生局2012年政府信息公开工作年度报告", "本报告根据《中华人民共和国政府信息公开条例》编制。",
                    "一、概述", "我局认真贯彻落实《条例》，明确专人负责，全年工作平稳有序。",
                    "二、主动公开政府信息情况", "全年主动公开政府信息120条。",
                    "三、依申请公开政府信息情况", "全年未收到政府信息公开申请。",
                    "四、政府信息公开工作存在的主要问题及改进情况", "公开内容还不够全面，下一步将加强培训。", "附：统计表")) {
                doc.createParagraph().createRun().setText(p);
            }
            String[][] rows = {{"指标名称", "计量单位", "本年度", "历年累计"}, {"主动公开信息数", "条", "120", "870"},
                    {"其中：（1）网站公开", "条", "118", "860"}, {"（2）其他方式公开", "条", "2", "10"}, {"行政诉讼数", "件", "0", "0"}};
            org.apache.poi.xwpf.usermodel.XWPFTable table = doc.createTable(rows.length, 4);
            for (int r = 0; r < rows.length; r++) {
                for (int c = 0; c < 4; c++) table.getRow(r).getCell(c).setText(rows[r][c]);
            }
            doc.write(out);
            bytes = out.toByteArray();
        }
        Report r = new ReportParser().parse(new Ingestor().read("legacy.docx", bytes));
        LegacyTable t = r.legacyTable();
        assertNotNull(t, "legacy table");
        assertEquals(List.of("本年度", "历年累计"), t.columns());
        assertEquals(4, t.rows().size());
        assertCell(row(t, "网站公开").cells().get(0), "118", Reading.DIRECT);
        assertEquals(2, row(t, "其他方式公开").number());
        assertEquals("主动公开信息数", row(t, "其他方式公开").parent());
        assertCell(row(t, "行政诉讼数").cells().get(1), "0", Reading.DIRECT);
    }
}
