package nianbao.parse.tables;

import static nianbao.TestSupport.findings;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nianbao.TestSupport;
import nianbao.ingest.Ingestor;
import nianbao.model.Cell;
import nianbao.model.CellStatus;
import nianbao.model.Format;
import nianbao.model.Reading;
import nianbao.pipeline.AuditResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tables whose cells lost their separators, decoded by the table's relations: a report of our own
 * (src/test/resources/tables/flattened-2022.txt, in no corpus file) with 「　　」 between the cells of table 2,
 * table 3 run into one line with a space between some cells, table 4 on a line of its own after its
 * header; and a markdown table with a broken row.
 */
class FlattenedTablesTest {
    @TempDir
    Path tmp;

    private static String template() throws IOException {
        try (InputStream in = FlattenedTablesTest.class.getResourceAsStream("/tables/flattened-2022.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The report with its placeholders filled (row runs as printed). */
    private static String report(String row1, String row2, String row31, String row341, String row37, String t4) throws IOException {
        return template().replace("ROW1", row1).replace("ROW2", row2).replace("ROW31", row31).replace("ROW341", row341)
                .replace("ROW37", row37).replace("T4RUN", t4);
    }

    private static List<Cell> cells(String text) throws Exception {
        var doc = new Ingestor().read("x.txt", text.getBytes(StandardCharsets.UTF_8));
        return new SchemaTableExtractor().extract(doc.blocks(), Format.GB_2021);
    }

    private AuditResult audit(String text) throws IOException {
        Path f = tmp.resolve("flat-" + Integer.toHexString(text.hashCode()) + ".txt");
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return TestSupport.auditor().audit(f);
    }

    private static Map<String, Cell> byId(List<Cell> cells) {
        Map<String, Cell> m = new LinkedHashMap<>();
        for (Cell c : cells) m.put(c.table() + "/" + c.row() + "/" + c.col(), c);
        return m;
    }

    private static String v(Map<String, Cell> m, String id) {
        Cell c = m.get(id);
        return c == null ? "missing" : c.read() == Reading.UNREADABLE ? "?" : c.status() == CellStatus.BLANK ? "" : c.value().stripTrailingZeros().toPlainString();
    }

    private static final String BALANCED_T4 = "10001 2 1 0 0 3 00000";

    @Test
    void everyCellOfAFlattenedReportIsDecoded() throws Exception {
        // 一 16|2|0|0|0|0|18 (the only cut whose total is the sum), 二 1 0 0 0 0 0 1 (one space, then a run),
        // (一)予以公开 15|2|…|17, 本机关不掌握 2|…|2, (七) 17|2|…|19
        Map<String, Cell> m = byId(cells(report("162000018", "1 000001", "152000017", "2000002", "172000019", BALANCED_T4)));
        assertThat(List.of(v(m, "T2/regulation/issued"), v(m, "T2/normative/issued"), v(m, "T2/normative/repealed"), v(m, "T2/normative/in_force"),
                v(m, "T2/license/decisions"), v(m, "T2/penalty/decisions"), v(m, "T2/coercion/decisions"), v(m, "T2/fee/amount_wan")))
                .containsExactly("0", "2", "1", "14", "356", "42", "3", "12.5");
        assertThat(List.of(v(m, "T3/1/natural"), v(m, "T3/1/commercial"), v(m, "T3/1/research"), v(m, "T3/1/total")))
                .containsExactly("16", "2", "0", "18");
        assertThat(List.of(v(m, "T3/2/natural"), v(m, "T3/2/total"), v(m, "T3/3.1/natural"), v(m, "T3/3.1/total"),
                v(m, "T3/3.4.1/natural"), v(m, "T3/3.7/natural"), v(m, "T3/3.7/commercial"), v(m, "T3/3.7/total"), v(m, "T3/4/total")))
                .containsExactly("1", "1", "15", "17", "2", "17", "2", "19", "0");
        assertThat(List.of(v(m, "T4/review/upheld"), v(m, "T4/review/total"), v(m, "T4/suit_direct/upheld"), v(m, "T4/suit_direct/corrected"),
                v(m, "T4/suit_direct/total"), v(m, "T4/suit_after_review/total"))).containsExactly("1", "1", "2", "1", "3", "0");
        assertThat(m.values()).noneMatch(c -> c.read() == Reading.UNREADABLE);
        assertThat(m.get("T3/1/natural").read()).isEqualTo(Reading.INFERRED);
        assertThat(m.get("T3/1/natural").note()).contains("162000018");
        assertThat(m.get("T4/suit_direct/upheld").read()).isEqualTo(Reading.DIRECT); // "2" stood alone
        assertThat(m.get("T2/normative/issued").read()).isEqualTo(Reading.DIRECT);
        assertThat(m).hasSize(10 + 7 * 25 + 15);

        AuditResult r = audit(report("162000018", "1 000001", "152000017", "2000002", "172000019", BALANCED_T4));
        assertThat(r.findings()).noneMatch(f -> f.code().startsWith("BAL-") || f.code().startsWith("TAB-"));
    }

    @Test
    void cellsThatSeveralReadingsDisagreeOnStayUnreadableAndOneNoticeSaysSo() throws Exception {
        // 一, (一)予以公开 and (七)总计 all print "333100037": 3|33|1, 33|3|1 and 3|3|31 all balance the whole table
        String text = report("333100037", "0000000", "333100037", "0000000", "333100037", "000000000000000");
        Map<String, Cell> m = byId(cells(text));
        for (String row : List.of("1", "3.1", "3.7")) {
            for (String col : List.of("natural", "commercial", "research")) {
                Cell c = m.get("T3/" + row + "/" + col);
                assertThat(c.read()).as(row + "/" + col).isEqualTo(Reading.UNREADABLE);
                assertThat(c.value()).isNull();
            }
            assertThat(v(m, "T3/" + row + "/total")).isEqualTo("37");
            assertThat(v(m, "T3/" + row + "/nonprofit")).isEqualTo("0");
        }
        assertThat(m.get("T3/1/natural").note()).contains("333100037", "3、33");

        AuditResult r = audit(text);
        assertThat(r.findings()).noneMatch(f -> f.code().startsWith("BAL-") || f.code().equals("TAB-NONNUMERIC") || f.code().equals("TAB-MISSING"));
        assertThat(findings(r, "TAB-UNREAD")).singleElement().satisfies(f -> {
            assertThat(f.severity().name()).isEqualToIgnoringCase("info");
            assertThat(f.points()).isZero();
            assertThat(f.message()).contains("表三未能可靠识别，请人工核对", "9个单元格", "一、本年新收", "自然人", "333100037");
        });
    }

    @Test
    void aRunThatNoReadingBalancesIsOneRealFindingQuotingIt() throws IOException {
        // (七)总计 "30200007": 30|2|…|7 or 3|0|20|…|7; neither balances, and 一 (5|2|…|7) can never meet (七) in the
        // 自然人 column whatever the split: the source is inconsistent, not our reading
        String text = report("5200007", "0000000", "5200007", "0000000", "30200007", "000000000000000");
        AuditResult r = audit(text);
        assertThat(findings(r, "BAL-T3-MAIN")).singleElement().satisfies(f -> {
            assertThat(f.location().col()).isEqualTo("natural");
            assertThat(f.message()).contains("“自然人”列", "30200007", "无论怎样拆分", "不是拆分造成的");
        });
        assertThat(findings(r, "BAL-T3-TOTAL-ROW")).singleElement().satisfies(f -> assertThat(f.message()).contains("30200007"));
        assertThat(findings(r, "BAL-T3-TOTAL-COL")).singleElement().satisfies(f -> assertThat(f.location().row()).isEqualTo("3.7"));
        // the commercial column balances under the reading kept: nothing said about it
        assertThat(findings(r, "BAL-T3-MAIN").get(0).message()).doesNotContain("商业企业”列");
    }

    /** A markdown rendering of table 3 (GB_2021) with the given rows; missing rows are all 0. */
    private static String markdownT3(Map<String, String> rows) {
        TableTemplate tpl = TableTemplate.of(Format.GB_2021);
        StringBuilder sb = new StringBuilder("三、收到和处理政府信息公开申请情况\n\n");
        sb.append("| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 申请人情况 | | | | | | |\n|---|---|---|---|---|---|---|---|\n");
        sb.append("| | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |\n");
        for (TableTemplate.Entry e : tpl.entries("T3")) {
            if (!e.isRow()) { sb.append("| ").append(e.label()).append(" | | | | | | | |\n"); continue; }
            sb.append("| ").append(e.label()).append(" | ").append(rows.getOrDefault(e.id(), "0 | 0 | 0 | 0 | 0 | 0 | 0")).append(" |\n");
        }
        return sb.append("\n四、政府信息公开行政复议、行政诉讼情况\n").toString();
    }

    @Test
    void aBrokenMarkdownRowIsPlacedByTheRelationsOrLeftUnread() throws Exception {
        // PDF->markdown lost the empty cells of (一)予以公开: "15 | 2 | 17" for 15,0,0,2,0,0,17.
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("1", "15 | 0 | 0 | 2 | 0 | 0 | 17");
        rows.put("3.1", "15 | 2 | 17");
        rows.put("3.7", "15 | 0 | 0 | 2 | 0 | 0 | 17");
        Map<String, Cell> m = byId(cells(markdownT3(rows)));
        // (七)总计 = the result rows, column by column: only one placement of 15 and 2 keeps it
        assertThat(List.of(v(m, "T3/3.1/natural"), v(m, "T3/3.1/commercial"), v(m, "T3/3.1/nonprofit"), v(m, "T3/3.1/total")))
                .containsExactly("15", "", "2", "17");
        assertThat(m.get("T3/3.1/nonprofit").read()).isEqualTo(Reading.INFERRED);

        // when the relations cannot place them (the total row is broken the same way), nothing is shifted
        rows.put("3.7", "15 | 2 | 17");
        rows.put("1", "15 | 2 | 17");
        Map<String, Cell> u = byId(cells(markdownT3(rows)));
        for (String row : List.of("1", "3.1", "3.7")) {
            assertThat(u.get("T3/" + row + "/natural").read()).isEqualTo(Reading.UNREADABLE);
            assertThat(u.get("T3/" + row + "/commercial").read()).isEqualTo(Reading.UNREADABLE);
            assertThat(v(u, "T3/" + row + "/total")).isEqualTo("17");
        }
    }

    @Test
    void decodingAWholeTableTakesMilliseconds() throws Exception {
        String text = report("333100037", "0000000", "333100037", "0000000", "333100037", "000000000000000");
        var doc = new Ingestor().read("x.txt", text.getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 20; i++) new SchemaTableExtractor().extract(doc.blocks(), Format.GB_2021); // warm-up
        long t0 = System.nanoTime();
        for (int i = 0; i < 20; i++) new SchemaTableExtractor().extract(doc.blocks(), Format.GB_2021);
        long perReportMs = (System.nanoTime() - t0) / 20 / 1_000_000;
        assertThat(perReportMs).isLessThan(50);
    }

    private static Map<String, Cell> t2019(String t2) throws Exception {
        String text = "二、主动公开政府信息情况\n" + t2 + "\n三、收到和处理政府信息公开申请情况\n";
        var doc = new Ingestor().read("x.txt", text.getBytes(StandardCharsets.UTF_8));
        return byId(new SchemaTableExtractor().extract(doc.blocks(), Format.GB_2019));
    }

    @Test
    void aTableThatLeavesEmptyCellsUnwrittenMayLeaveAnyAndMoneyNeedsAUnit() throws Exception {
        String head = "第二十条第（一）项信息内容本年新制作数量本年新公开数量对外公开总数量规章000规范性文件345"
                + "第二十条第（五）项信息内容上一年项目数量本年增/减处理决定数量行政许可12-39其他对外管理服务事项";
        String tail = "第二十条第（六）项信息内容上一年项目数量本年增/减处理决定数量行政处罚000行政强制000"
                + "第二十条第（八）项信息内容上一年项目数量本年增/减行政事业性收费40";
        // every row fills its cells: 40 is 4 | 0
        Map<String, Cell> full = t2019(head + "000" + tail + "第二十条第（九）项信息内容采购项目数量采购总金额（万元）政府集中采购7 120.5");
        assertThat(List.of(v(full, "T2/fee/prev_items"), v(full, "T2/fee/delta"), v(full, "T2/normative/published"),
                v(full, "T2/license/prev_items"), v(full, "T2/procurement/items"), v(full, "T2/procurement/amount_wan")))
                .containsExactly("4", "0", "4", "12", "7", "120.5");
        // the sign starts 本年增/减: "12-39" is 12 | -3 | 9 (no blank in a table that writes all its cells)
        assertThat(List.of(v(full, "T2/license/delta"), v(full, "T2/license/decisions"))).containsExactly("-3", "9");
        // one row with two digits for three cells: this table leaves empty cells unwritten, so 40 may be 40 | blank
        Map<String, Cell> gaps = t2019(head + "00" + tail + "第二十条第（九）项信息内容采购项目数量采购总金额政府集中采购7 120.5");
        assertThat(List.of(v(gaps, "T2/fee/prev_items"), v(gaps, "T2/fee/delta"), v(gaps, "T2/other_service/delta"))).containsExactly("?", "?", "?");
        // an amount with no unit in the cell or its caption cannot be put in 万元
        assertThat(v(gaps, "T2/procurement/items")).isEqualTo("7");
        assertThat(gaps.get("T2/procurement/amount_wan").read()).isEqualTo(Reading.UNREADABLE);
        assertThat(gaps.get("T2/procurement/amount_wan").note()).contains("没有注明单位");
        Map<String, Cell> yuan = t2019(head + "000" + tail + "第二十条第（九）项信息内容采购项目数量采购总金额（元）政府集中采购7 1205000");
        assertThat(v(yuan, "T2/procurement/amount_wan")).isEqualTo("120.5");
    }
}
