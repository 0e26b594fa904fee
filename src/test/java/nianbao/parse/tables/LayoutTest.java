package nianbao.parse.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nianbao.ingest.Document;
import nianbao.ingest.Ingestor;
import nianbao.ingest.TableBlock;
import nianbao.ingest.TextBlock;
import nianbao.model.Cell;
import nianbao.model.CellStatus;
import nianbao.model.Format;
import nianbao.model.Reading;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Layout independence: a sample's ground-truth cells rendered as an HTML table with rowspan/colspan,
 * as one cell per line, as tab rows and as pipe rows all extract to the same cells.
 */
class LayoutTest {

    /** A rendered row: cells in reading order; {@code span} > 1 marks a group caption spanning rows (HTML only). */
    record Row(List<String> cells, int span) {}

    /** The tables of one report as rows of text cells, from the template labels and the expected values. */
    static List<List<Row>> tables(Format format, Map<String, String> values) {
        TableTemplate tpl = TableTemplate.of(format);
        List<List<Row>> out = new ArrayList<>();
        // T2: one sub-table per block
        List<Row> t2 = new ArrayList<>();
        List<String> blockCols = List.of();
        for (TableTemplate.Entry e : tpl.entries("T2")) {
            if (e.kind().equals("block")) {
                blockCols = e.cols();
                t2.add(new Row(List.of(e.label()), 1));
                List<String> head = new ArrayList<>(List.of("信息内容"));
                for (String c : blockCols) head.add(tpl.columnLabel("T2", c));
                t2.add(new Row(head, 1));
            } else if (e.isRow()) {
                List<String> r = new ArrayList<>(List.of(e.label()));
                for (String c : e.cols()) r.add(values.getOrDefault("T2/" + e.id() + "/" + c, ""));
                t2.add(new Row(r, 1));
            }
        }
        out.add(t2);
        List<Row> t3 = new ArrayList<>();
        t3.add(new Row(List.of("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况"), 1));
        List<String> head = new ArrayList<>();
        for (TableTemplate.Column c : tpl.columns("T3")) head.add(c.label());
        t3.add(new Row(head, 1));
        List<TableTemplate.Entry> entries = tpl.entries("T3");
        for (int i = 0; i < entries.size(); i++) {
            TableTemplate.Entry e = entries.get(i);
            if (e.kind().equals("group") && values.containsKey("T3/" + e.id() + "/natural")) {
                // the older single row under this caption (004: （六）其他处理 in a GB_2021 table)
                List<String> r = new ArrayList<>(List.of(e.label()));
                for (TableTemplate.Column c : tpl.columns("T3")) r.add(values.getOrDefault("T3/" + e.id() + "/" + c.id(), ""));
                t3.add(new Row(r, 1));
                while (i + 1 < entries.size() && entries.get(i + 1).id().startsWith(e.id() + ".")) i++;
                continue;
            }
            if (e.kind().equals("group")) {
                int span = 0;
                for (int j = i + 1; j < entries.size() && entries.get(j).id().startsWith(e.id() + "."); j++) span++;
                if (span == 0) continue;
                t3.add(new Row(List.of(e.label()), span)); // caption cell spanning its rows
                continue;
            }
            List<String> r = new ArrayList<>(List.of(e.label()));
            for (String c : e.cols()) r.add(values.getOrDefault("T3/" + e.id() + "/" + c, ""));
            t3.add(new Row(r, 1));
        }
        out.add(t3);
        List<Row> t4 = new ArrayList<>();
        t4.add(new Row(List.of("行政复议", "行政诉讼"), 1));
        List<String> h4 = new ArrayList<>();
        List<String> v4 = new ArrayList<>();
        for (TableTemplate.Entry e : tpl.rows("T4")) {
            for (String c : e.cols()) {
                h4.add(tpl.columnLabel("T4", c));
                v4.add(values.getOrDefault("T4/" + e.id() + "/" + c, ""));
            }
        }
        t4.add(new Row(List.of("未经复议直接起诉", "复议后起诉"), 1));
        t4.add(new Row(h4, 1));
        t4.add(new Row(v4, 1));
        out.add(t4);
        return out;
    }

    static final String[] HEADINGS = {"二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况"};

    static String render(String layout, List<List<Row>> tables) {
        StringBuilder sb = new StringBuilder();
        if (layout.equals("html")) sb.append("<html><body>\n");
        for (int t = 0; t < tables.size(); t++) {
            sb.append(layout.equals("html") ? "<p>" + HEADINGS[t] + "</p>\n<table>\n" : HEADINGS[t] + "\n");
            List<Row> rows = tables.get(t);
            for (int i = 0; i < rows.size(); i++) {
                Row r = rows.get(i);
                switch (layout) {
                    case "lines" -> { for (String c : r.cells()) sb.append(c.isEmpty() ? " " : c).append("\n\n"); }
                    case "tabs" -> {
                        if (r.span() > 1) { sb.append(r.cells().get(0)).append("\t"); continue; } // caption leads the next row
                        sb.append(String.join("\t", r.cells())).append("\n");
                    }
                    case "pipes" -> {
                        if (r.span() > 1) { sb.append("| ").append(r.cells().get(0)).append(" "); continue; }
                        sb.append("| ").append(String.join(" | ", r.cells())).append(" |\n");
                    }
                    default -> { // html: the caption cell carries rowspan and sits in the first row it spans
                        if (r.span() > 1) {
                            sb.append("<tr><td rowspan=\"").append(r.span()).append("\">").append(esc(r.cells().get(0))).append("</td>");
                            continue;
                        }
                        if (sb.lastIndexOf("</td>") != sb.length() - 5) sb.append("<tr>");
                        boolean header = r.cells().size() == 2 && t == 2 && i == 0;
                        for (int c = 0; c < r.cells().size(); c++) {
                            String span = header ? (c == 0 ? " colspan=\"5\"" : " colspan=\"10\"") : "";
                            sb.append("<td").append(span).append(">").append(esc(r.cells().get(c))).append("</td>");
                        }
                        sb.append("</tr>\n");
                    }
                }
            }
            if (layout.equals("html")) sb.append("</table>\n");
        }
        sb.append(layout.equals("html") ? "<p>五、存在的主要问题及改进情况</p></body></html>\n" : "五、存在的主要问题及改进情况\n");
        return sb.toString();
    }

    private static String esc(String s) { return s.replace("&", "&amp;").replace("<", "&lt;"); }

    /** Expected cells keyed "T/row/col" → printed value ("" for blank). */
    static Map<String, String> values(String sample) throws Exception {
        Map<String, String> m = new LinkedHashMap<>();
        for (String l : ExpectedCells.load("tables/" + sample + ".cells")) {
            String[] f = l.split("\t");
            m.put(f[0] + "/" + f[1] + "/" + f[2], f[3].equals("BLANK") ? "" : f[3]);
        }
        return m;
    }

    static List<String> canonical(List<Cell> cells) {
        return cells.stream().map(c -> c.table() + "/" + c.row() + "/" + c.col() + "="
                + (c.status() == CellStatus.NUMBER ? c.value().stripTrailingZeros().toPlainString() : c.status().name())).toList();
    }

    @ParameterizedTest
    @CsvSource({"003,GB_2019,html", "003,GB_2019,lines", "003,GB_2019,tabs", "003,GB_2019,pipes",
                "000,GB_2021,html", "000,GB_2021,lines", "000,GB_2021,tabs", "000,GB_2021,pipes",
                "004,GB_2021,html", "004,GB_2021,pipes"})
    void sameCellsInEveryLayout(String sample, Format format, String layout) throws Exception {
        Map<String, String> values = values(sample);
        String text = render(layout, tables(format, values));
        Document doc = new Ingestor().read("x." + (layout.equals("html") ? "html" : "txt"), text.getBytes(StandardCharsets.UTF_8));
        if (layout.equals("html")) assertThat(doc.blocks()).anyMatch(b -> b instanceof TableBlock);
        else assertThat(doc.blocks()).allMatch(b -> b instanceof TextBlock);
        List<Cell> got = new SchemaTableExtractor().extract(doc.blocks(), format);
        List<String> want = values.entrySet().stream()
                .map(e -> e.getKey() + "=" + (e.getValue().isEmpty() ? "BLANK" : e.getValue())).toList();
        assertThat(canonical(got)).as(text).containsExactlyInAnyOrderElementsOf(want);
    }

    @org.junit.jupiter.api.Test
    void t3WithoutItsHeaderIsFoundByItsFirstRow() throws Exception {
        Map<String, String> values = values("003");
        String text = render("pipes", tables(Format.GB_2019, values))
                .replace("| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 申请人情况 |\n", "");
        assertThat(text).doesNotContain("申请人情况");
        Document doc = new Ingestor().read("x.txt", text.getBytes(StandardCharsets.UTF_8));
        List<Cell> got = new SchemaTableExtractor().extract(doc.blocks(), Format.GB_2019);
        assertThat(got.stream().filter(c -> c.table().equals("T3"))).hasSize(161);
        assertThat(canonical(got)).contains("T3/1/natural=33", "T3/3.7/total=37");
    }

    // ---- digit runs ----------------------------------------------------------------------------------

    private static List<Cell> t3Row(String label, String values) {
        List<nianbao.ingest.Block> blocks = new ArrayList<>();
        int n = 1;
        for (String l : new String[] {"三、收到和处理政府信息公开申请情况", "申请人情况", "自然人", label + " " + values, "四、结转下年度继续办理"}) {
            blocks.add(new TextBlock(n++, l.startsWith(label) ? label : l));
            if (l.startsWith(label)) blocks.add(new TextBlock(n++, values));
        }
        return new SchemaTableExtractor().extract(blocks, Format.GB_2021).stream().filter(c -> c.row().equals("3.1")).toList();
    }

    @Test
    void digitRunSplitByTheRowTotal() {
        // 16 | 2 | 0 | 0 | 0 | 0 | 18 printed without separators: only one cut makes the total the sum.
        List<Cell> row = t3Row("（一）予以公开", "162000018");
        assertThat(row).extracting(c -> c.value().intValue()).containsExactly(16, 2, 0, 0, 0, 0, 18);
        assertThat(row).allMatch(Cell::inferred);
        // partly separated: "20 0 00 0 121"-style runs; 100 | 0 | 0 | 0 | 0 | 21 | 121
        List<Cell> mixed = t3Row("（一）予以公开", "100 0 000 21 121");
        assertThat(mixed).extracting(c -> c.value().intValue()).containsExactly(100, 0, 0, 0, 0, 21, 121);
        assertThat(mixed.get(2).inferred()).isTrue();
        assertThat(mixed.get(0).inferred()).isFalse();
    }

    @Test
    void t4DigitRunsSplitByTheThreeGroupTotals() {
        List<nianbao.ingest.Block> blocks = new ArrayList<>();
        int n = 1;
        for (String l : new String[] {"四、政府信息公开行政复议、行政诉讼情况", "行政复议", "行政诉讼", "结果维持", "总计", "40318 325313 00011", "五、存在的主要问题及改进情况"}) {
            blocks.add(new TextBlock(n++, l));
        }
        List<Cell> t4 = new SchemaTableExtractor().extract(blocks, Format.GB_2019);
        assertThat(t4).extracting(c -> c.value().intValue()).containsExactly(4, 0, 3, 1, 8, 3, 2, 5, 3, 13, 0, 0, 0, 1, 1);
        assertThat(t4).allMatch(Cell::inferred).allMatch(c -> c.line() == 6);
        assertThat(t4.get(9).row()).isEqualTo("suit_direct");
    }

    @Test
    void digitRunWithoutAUniqueBalancedCutIsUnreadable() {
        assertThat(t3Row("（一）予以公开", "99999999")).hasSize(7).allMatch(c -> c.status() == CellStatus.UNREADABLE)
                .allMatch(c -> c.read() == Reading.UNREADABLE && c.note().contains("99999999"));
        // three cuts balance (3|33|1|…, 33|3|1|…, 3|3|31|…): the cells they disagree on are not guessed,
        // the cells all of them agree on are read
        List<Cell> three = t3Row("（一）予以公开", "333100037");
        assertThat(three.subList(0, 3)).allMatch(c -> c.read() == Reading.UNREADABLE && c.value() == null);
        assertThat(three.get(0).note()).contains("3、33");
        assertThat(canonical(three.subList(3, 7))).containsExactly("T3/3.1/nonprofit=0", "T3/3.1/legal=0", "T3/3.1/other=0", "T3/3.1/total=37");
    }
    // ---- page furniture and rows that do not mark their empty cells -------------------------------------

    @ParameterizedTest
    @CsvSource({"000,GB_2021,lines", "003,GB_2019,lines", "003,GB_2019,pipes", "000,GB_2021,tabs"})
    void pageFootersBetweenTheCellsAreNotCells(String sample, Format format, String layout) throws Exception {
        Map<String, String> values = values(sample);
        String[] lines = render(layout, tables(format, values)).split("\n", -1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            sb.append(lines[i]).append('\n');
            if (i % 23 == 22) sb.append("— ").append(i / 23 + 1).append(" —\n第 ").append(i / 23 + 1).append(" 页 共 9 页\n");
        }
        Document doc = new Ingestor().read("x.txt", sb.toString().getBytes(StandardCharsets.UTF_8));
        List<Cell> got = new SchemaTableExtractor().extract(doc.blocks(), format);
        List<String> want = values.entrySet().stream()
                .map(e -> e.getKey() + "=" + (e.getValue().isEmpty() ? "BLANK" : e.getValue())).toList();
        assertThat(canonical(got)).as(sb.toString()).containsExactlyInAnyOrderElementsOf(want);
    }

    @Test
    void aShortRowFromParagraphsHasItsTotalReadButItsBlanksNotPlaced() {
        // Word or PDF paragraphs leave nothing for an empty cell: "11", "11" under seven columns. The total is 11
        // in every reading that balances; which applicant column holds the other 11 the source does not say.
        List<Cell> row = t3Row("（一）予以公开", "11 11");
        assertThat(canonical(row.subList(6, 7))).containsExactly("T3/3.1/total=11");
        assertThat(row.get(6).read()).isEqualTo(Reading.INFERRED);
        assertThat(row.subList(0, 6)).allMatch(c -> c.read() == Reading.UNREADABLE && c.note().contains("空白"));
        assertThat(canonical(t3Row("（一）予以公开", "3 2 5")).get(6)).isEqualTo("T3/3.1/total=5");
        // no reading balances and nothing tells where the values stand: nothing is read, nothing is shifted
        assertThat(t3Row("（一）予以公开", "3 4")).allMatch(c -> c.read() == Reading.UNREADABLE);
        assertThat(t3Row("（一）予以公开", "0")).allMatch(c -> c.read() == Reading.UNREADABLE);
    }
}
