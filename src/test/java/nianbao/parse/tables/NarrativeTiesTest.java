package nianbao.parse.tables;

import static nianbao.TestSupport.findings;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
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
import nianbao.parse.Debris;
import nianbao.pipeline.AuditResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Narrative figures break ties between readings of a flattened table that all satisfy the relations: tables of our
 * own (the report of src/test/resources/tables/flattened-2022.txt with other runs and sentences, in no corpus file)
 * and a sample whose table 2 lost its separators.
 */
class NarrativeTiesTest {
    @TempDir
    Path tmp;

    private static final String ZEROS = "0000000";
    /** The template's own table 2 row of 规范性文件 (2 | 1 | 14, separated). */
    private static final String NORMATIVE = "行政规范性文件　　2　　1　　14";
    private static final String FIRST_SENTENCE = "全年主动公开政府信息126条。";

    private static String template() throws IOException {
        try (InputStream in = NarrativeTiesTest.class.getResourceAsStream("/tables/flattened-2022.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * The report with 规范性文件 printed as {@code normative}, table 3 rows 一, (一)予以公开 and (七)总计 as {@code t3},
     * table 4 as {@code t4}, and {@code sentence} added to the narrative of 一、总体情况.
     */
    private static String report(String normative, String t3, String t4, String sentence) throws IOException {
        return template().replace(NORMATIVE, "行政规范性文件　　" + normative)
                .replace("ROW1", t3).replace("ROW2", ZEROS).replace("ROW31", t3).replace("ROW341", ZEROS)
                .replace("ROW37", t3).replace("T4RUN", t4)
                .replace(FIRST_SENTENCE, FIRST_SENTENCE + sentence);
    }

    private static Map<String, Cell> cells(String text) throws Exception {
        var doc = new Ingestor().read("x.txt", text.getBytes(StandardCharsets.UTF_8));
        Map<String, Cell> m = new LinkedHashMap<>();
        for (Cell c : new SchemaTableExtractor().extract(doc.blocks(), Format.GB_2021, Debris::isDebrisText, 2022)) {
            m.put(c.table() + "/" + c.row() + "/" + c.col(), c);
        }
        return m;
    }

    private static String v(Map<String, Cell> m, String id) {
        Cell c = m.get(id);
        return c == null ? "missing" : c.read() == Reading.UNREADABLE ? "?" : c.status() == CellStatus.BLANK ? "" : c.value().stripTrailingZeros().toPlainString();
    }

    private static List<String> normative(Map<String, Cell> m) {
        return List.of(v(m, "T2/normative/issued"), v(m, "T2/normative/repealed"), v(m, "T2/normative/in_force"));
    }

    private AuditResult audit(String text) throws IOException {
        Path f = tmp.resolve("ties-" + Integer.toHexString(text.hashCode()) + ".txt");
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return TestSupport.auditor().audit(f);
    }

    private static final String T3 = "162000018", T4 = "10001 2 1 0 0 3 00000";

    @Test
    void aTieInTable2IsSettledByTheDocumentsTheNarrativeCounts() throws Exception {
        // "3215" is 3|2|15, 3|21|5 or 32|1|5: table 2 has no relation to choose
        assertThat(normative(cells(report("3215", T3, T4, "")))).containsExactly("?", "?", "?");
        String sentence = "全年印发本局行政规范性文件3件、废止2件。";
        Map<String, Cell> m = cells(report("3215", T3, T4, sentence));
        assertThat(normative(m)).containsExactly("3", "2", "15");
        for (String col : List.of("issued", "repealed", "in_force")) {
            Cell c = m.get("T2/normative/" + col);
            assertThat(c.read()).isEqualTo(Reading.INFERRED);
            assertThat(c.note()).contains("3215", sentence, "只与其中一种相符");
        }
        // nothing else changed: table 3 and the other rows of table 2 read as without the sentence
        Map<String, Cell> without = cells(report("3215", T3, T4, ""));
        for (String id : without.keySet()) if (!id.startsWith("T2/normative/")) assertThat(m.get(id)).as(id).isEqualTo(without.get(id));

        AuditResult r = audit(report("3215", T3, T4, sentence));
        assertThat(findings(r, "TAB-UNREAD")).isEmpty();
        assertThat(r.findings()).noneMatch(f -> f.code().startsWith("BAL-") || f.code().equals("TXT-NUMBERS"));
        assertThat(findings(audit(report("3215", T3, T4, "")), "TAB-UNREAD")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("3215"));
    }

    @Test
    void aFigureSettlesOnlyWhatItTellsApart() throws Exception {
        // 3 documents issued leaves 3|2|15 and 3|21|5: the issued cell is settled, the other two stay unread
        Map<String, Cell> m = cells(report("3215", T3, T4, "本年度我局制发规范性文件3件。"));
        assertThat(normative(m)).containsExactly("3", "?", "?");
        assertThat(m.get("T2/normative/repealed").note()).contains("2、21");
    }

    @Test
    void aTieTheNarrativeCannotSettleStaysUnread() throws Exception {
        // 一, (一)予以公开 and (七) all print "333100037": 3|33|1, 33|3|1 and 3|3|31 balance alike; every reading gives 37
        // applications in total, so 收到…37件 tells none of them apart
        Map<String, Cell> m = cells(report("2　　1　　14", "333100037", "000000000000000", "全年收到政府信息公开申请37件，办结37件。"));
        for (String row : List.of("1", "3.1", "3.7")) {
            for (String col : List.of("natural", "commercial", "research")) assertThat(v(m, "T3/" + row + "/" + col)).as(row + col).isEqualTo("?");
            assertThat(v(m, "T3/" + row + "/total")).isEqualTo("37");
            assertThat(m.get("T3/" + row + "/natural").note()).doesNotContain("报告正文");
        }
    }

    @Test
    void aFigureThatContradictsEveryReadingSettlesNothingAndAccusesNothing() throws Exception {
        String sentence = "全年印发行政规范性文件4件。";
        Map<String, Cell> m = cells(report("3215", T3, T4, sentence));
        assertThat(normative(m)).containsExactly("?", "?", "?");
        assertThat(m.get("T2/normative/issued").note()).contains("与每一种读法都不符", sentence);
        AuditResult r = audit(report("3215", T3, T4, sentence));
        assertThat(findings(r, "TAB-UNREAD")).singleElement();
        // the narrative's 4 is compared with no cell: the cell was not read
        assertThat(r.findings()).noneMatch(f -> f.code().startsWith("BAL-") || f.code().equals("TXT-NUMBERS"));
    }

    @Test
    void aFigureAboutASubUnitAnotherYearOrAnApproximationIsIgnored() throws Exception {
        for (String sentence : List.of("其中，局属单位印发规范性文件32件。", "各乡镇制发规范性文件32件。", "2021年印发规范性文件32件。",
                "全年印发规范性文件30余件。", "全年牵头起草市政府规范性文件32件。")) {
            // taken, any of them would pick 32|1|5
            assertThat(normative(cells(report("3215", T3, T4, sentence)))).as(sentence).containsExactly("?", "?", "?");
        }
        assertThat(normative(cells(report("3215", T3, T4, "全年印发规范性文件32件。")))).containsExactly("32", "1", "5");
    }

    private static List<String> t4(Map<String, Cell> m) {
        List<String> got = new ArrayList<>();
        for (String row : List.of("review", "suit_direct", "suit_after_review")) {
            for (String col : List.of("upheld", "corrected", "other", "pending", "total")) got.add(v(m, "T4/" + row + "/" + col));
        }
        return got;
    }

    @Test
    void reviewsAndLawsuitsSettleATieInTable4() throws Exception {
        // 1|0|0|0|1 12|10|2|1|25 2|0|2|2|6 or 10|0|0|11|21 0|2|1|2|5 2|0|2|2|6: one review or 21
        String run = "100011210212520226";
        Map<String, Cell> none = cells(report("2　　1　　14", T3, run, ""));
        assertThat(t4(none)).containsExactly("?", "0", "0", "?", "?", "?", "?", "?", "?", "?", "2", "0", "2", "2", "6");
        Map<String, Cell> m = cells(report("2　　1　　14", T3, run, "因政府信息公开工作被申请行政复议1件，被提起行政诉讼31件。"));
        assertThat(t4(m)).containsExactly("1", "0", "0", "0", "1", "12", "10", "2", "1", "25", "2", "0", "2", "2", "6");
        assertThat(m.get("T4/review/total").read()).isEqualTo(Reading.INFERRED);
        assertThat(m.get("T4/review/total").note()).contains("被申请行政复议1件");
        // the same in both readings: read as before, no narrative quoted
        assertThat(m.get("T4/suit_after_review/total").note()).doesNotContain("报告正文");
        // the lawsuits alone (25+6 = 31 against 5+6 = 11) settle it too: a figure over two cells
        Map<String, Cell> suits = cells(report("2　　1　　14", T3, run, "全年因政府信息公开被提起行政诉讼31件。"));
        assertThat(v(suits, "T4/review/total")).isEqualTo("1");
        // a figure that leaves two readings settles what they agree on: 1 review leaves 1|1|2|10, 1|12|1|0 and 11|2|1|0
        Map<String, Cell> part = cells(report("2　　1　　14", T3, "00011112101411024", "全年因政府信息公开被申请行政复议1件。"));
        assertThat(t4(part)).containsExactly("0", "0", "0", "1", "1", "?", "?", "?", "?", "14", "1", "1", "0", "2", "4");
    }

    @Test
    void aTieSettledByTheApplicationsReceived() {
        // A tie in the total column of table 3 cannot come from a run of digits (each row's total is the sum of the
        // pieces before it, so moving a digit in or out of the total breaks the row); the solver is shown here with
        // readings given directly: two for row 一 (7 or 61 applications), and the narrative's 收到…61件.
        List<String> cols = List.of("natural", "commercial", "research", "nonprofit", "legal", "other", "total");
        List<List<String>> options = List.of(List.of("6", "1", "0", "0", "0", "0", "7"), List.of("60", "1", "0", "0", "0", "0", "61"));
        TableSolver.Row row = TableSolver.Row.options("T3", "1", cols, options, "run", 3, List.of("run"));
        TableSolver.Stated received = new TableSolver.Stated(List.of("1"), new int[] {6}, TableSolver.scaled(new BigDecimal(61)),
                "全年收到政府信息公开申请61件。", 2);
        List<Cell> cells = TableSolver.solve(List.of(row), List.of(), () -> List.of(received));
        assertThat(cells).extracting(c -> c.value().intValue()).containsExactly(60, 1, 0, 0, 0, 0, 61);
        assertThat(cells.get(0).read()).isEqualTo(Reading.INFERRED);
        assertThat(cells.get(0).note()).contains("收到政府信息公开申请61件");
        // without it, both readings stand
        List<Cell> open = TableSolver.solve(List.of(TableSolver.Row.options("T3", "1", cols, options, "run", 3, List.of("run"))), List.of());
        assertThat(open.get(0).read()).isEqualTo(Reading.UNREADABLE);
        assertThat(open.get(1).value()).isEqualTo(new BigDecimal(1));
    }

    @Test
    void aSampleWhoseTable2LostItsSeparators() throws Exception {
        // sample 000 prints 规范性文件 6 | 7 | 25, one cell per line; run together it is 6|7|25, 6|72|5 or 67|2|5
        String original = TestSupport.text("000");
        String flat = original.replaceFirst("规范性文件\\s+6\\s+7\\s+25\\s", "规范性文件\n\n6725\n");
        assertThat(flat).isNotEqualTo(original);
        String told = flat.replaceFirst("全年通过政府网站", "全年制发规范性文件6件、废止7件。全年通过政府网站");
        assertThat(told).isNotEqualTo(flat);
        AuditResult before = audit(original), unsettled = audit(flat), settled = audit(told);
        assertThat(normative(byId(unsettled.report().cells()))).containsExactly("?", "?", "?");
        assertThat(normative(byId(settled.report().cells()))).containsExactly("6", "7", "25");
        // every other cell as in the sample as published
        Map<String, Cell> a = byId(before.report().cells()), b = byId(settled.report().cells());
        for (String id : a.keySet()) {
            if (!id.startsWith("T2/normative/")) assertThat(v(b, id)).as(id).isEqualTo(v(a, id));
        }
        assertThat(findings(settled, "TAB-UNREAD")).isEmpty();
        assertThat(findings(unsettled, "TAB-UNREAD")).hasSize(1);
    }

    private static Map<String, Cell> byId(List<Cell> cells) {
        Map<String, Cell> m = new LinkedHashMap<>();
        for (Cell c : cells) m.put(c.table() + "/" + c.row() + "/" + c.col(), c);
        return m;
    }
}
