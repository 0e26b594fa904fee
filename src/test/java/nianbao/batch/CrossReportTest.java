package nianbao.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nianbao.TestSupport;
import nianbao.model.Cell;
import nianbao.model.CellStatus;
import nianbao.model.Format;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cross-report rules of rules/cross-report.drl in a real Drools session. The case format of
 * rules/tests is per report, so X-* codes are covered here: table cells are built directly (the
 * table extractor is not merged yet), copied text comes from the real samples.
 */
class CrossReportTest {
    @TempDir
    Path tmp;

    private static Cell cell(String table, String row, String col, int v) {
        return new Cell(table, row, col, BigDecimal.valueOf(v), String.valueOf(v), 10, CellStatus.NUMBER, false);
    }

    private static List<CrossFinding> evaluate(ReportFacts... facts) {
        List<Passages> none = new ArrayList<>();
        for (ReportFacts ignored : facts) none.add(Passages.NONE);
        return CrossReport.evaluate(TestSupport.auditor().rules(), List.of(facts), none);
    }

    private static List<CrossFinding> withCode(List<CrossFinding> all, String code) {
        return all.stream().filter(c -> c.finding().code().equals(code)).toList();
    }

    @Test
    void carryOverThatDisagreesNamesBothFilesAndTheColumn() {
        // 2021: 结转下年度 natural 3, total 5; 2022: 上年结转 natural 2 (wrong), total 5 (right)
        ReportFacts y2021 = ReportFacts.of(0, "in/a-2021.txt", "某某县人民政府", 2021, Format.GB_2021,
                List.of(cell("T3", "4", "natural", 3), cell("T3", "4", "total", 5)));
        ReportFacts y2022 = ReportFacts.of(1, "in/a-2022.txt", "某某县 人民政府", 2022, Format.GB_2021,
                List.of(cell("T3", "2", "natural", 2), cell("T3", "2", "total", 5)));
        List<CrossFinding> carry = withCode(evaluate(y2021, y2022), "X-CARRY");
        assertThat(carry).hasSize(1);
        CrossFinding f = carry.get(0);
        assertThat(f.sources()).containsExactly("in/a-2022.txt", "in/a-2021.txt");
        assertThat(f.finding().location().col()).isEqualTo("natural");
        assertThat(f.finding().message()).contains("a-2022.txt", "a-2021.txt", "自然人", "2", "3");
        assertThat(f.finding().severity().id()).isEqualTo("minor");
    }

    @Test
    void carryOverIsNotCheckedAcrossBodiesOrNonConsecutiveYears() {
        ReportFacts a = ReportFacts.of(0, "a.txt", "甲县人民政府", 2021, Format.GB_2021, List.of(cell("T3", "4", "natural", 3)));
        ReportFacts other = ReportFacts.of(1, "b.txt", "乙县人民政府", 2022, Format.GB_2021, List.of(cell("T3", "2", "natural", 9)));
        ReportFacts gap = ReportFacts.of(2, "c.txt", "甲县人民政府", 2023, Format.GB_2021, List.of(cell("T3", "2", "natural", 9)));
        ReportFacts agrees = ReportFacts.of(3, "d.txt", "甲县人民政府", 2022, Format.GB_2021, List.of(cell("T3", "2", "natural", 3)));
        assertThat(withCode(evaluate(a, other, gap, agrees), "X-CARRY")).isEmpty();
    }

    @Test
    void inForceRollForward() {
        ReportFacts y1 = ReportFacts.of(0, "r2021.txt", "甲县人民政府", 2021, Format.GB_2021, List.of(cell("T2", "normative", "in_force", 40)));
        ReportFacts bad = ReportFacts.of(1, "r2022.txt", "甲县人民政府", 2022, Format.GB_2021,
                List.of(cell("T2", "normative", "issued", 5), cell("T2", "normative", "repealed", 2), cell("T2", "normative", "in_force", 50)));
        List<CrossFinding> x = withCode(evaluate(y1, bad), "X-INFORCE");
        assertThat(x).hasSize(1);
        assertThat(x.get(0).finding().message()).contains("行政规范性文件", "43");
        assertThat(x.get(0).sources()).containsExactly("r2022.txt", "r2021.txt");

        ReportFacts good = ReportFacts.of(1, "r2022.txt", "甲县人民政府", 2022, Format.GB_2021,
                List.of(cell("T2", "normative", "issued", 5), cell("T2", "normative", "repealed", 2), cell("T2", "normative", "in_force", 43)));
        assertThat(withCode(evaluate(y1, good), "X-INFORCE")).isEmpty();
    }

    @Test
    void itemsRollForward() {
        ReportFacts y2019 = ReportFacts.of(0, "r2019.txt", "甲县人民政府", 2019, Format.GB_2019,
                List.of(cell("T2", "license", "prev_items", 100), cell("T2", "license", "delta", -7)));
        ReportFacts bad = ReportFacts.of(1, "r2020.txt", "甲县人民政府", 2020, Format.GB_2019, List.of(cell("T2", "license", "prev_items", 100)));
        List<CrossFinding> x = withCode(evaluate(y2019, bad), "X-ITEMS");
        assertThat(x).hasSize(1);
        assertThat(x.get(0).finding().message()).contains("行政许可", "93");
        ReportFacts good = ReportFacts.of(1, "r2020.txt", "甲县人民政府", 2020, Format.GB_2019, List.of(cell("T2", "license", "prev_items", 93)));
        assertThat(withCode(evaluate(y2019, good), "X-ITEMS")).isEmpty();
    }

    @Test
    void reportCopiedUnderAnotherBodysNameIsSameText() throws Exception {
        Path in = BatchTestSupport.samplesCopy(tmp);
        BatchTestSupport.write(in.resolve("copy-daixian.txt"), BatchTestSupport.sampleWith("002", "繁峙县", "代县"));
        BatchRunner.Result r = BatchTestSupport.run(in, tmp.resolve("out"), false);
        List<CrossFinding> same = withCode(r.cross(), "X-SAME-TEXT");
        assertThat(same).hasSize(1);
        assertThat(same.get(0).sources()).hasSize(2).anyMatch(s -> s.endsWith("copy-daixian.txt")).anyMatch(s -> s.contains("002_"));
        assertThat(same.get(0).finding().message()).contains("不同机关", "代县", "繁峙县");
        // the passages are quoted from the text
        assertThat(same.get(0).finding().evidence()).startsWith("「").contains("政府网站");
        var json = BatchTestSupport.json(tmp.resolve("out/summary.json")).path("crossFindings");
        assertThat(json).hasSize(1);
        assertThat(json.get(0).path("sources")).hasSize(2);
    }

    @Test
    void theSamplesAloneShareOnlyTemplateWording() throws Exception {
        BatchRunner.Result r = BatchTestSupport.run(BatchTestSupport.samplesCopy(tmp), tmp.resolve("out"), false);
        assertThat(withCode(r.cross(), "X-SAME-TEXT")).isEmpty();
    }

    @Test
    void sameBodyRepeatingLastYearsTextIsSameText() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.copy(TestSupport.sample("002"), in.resolve("fanshi-2021.txt"));
        BatchTestSupport.write(in.resolve("fanshi-2022.txt"), BatchTestSupport.sampleWith("002", "2021年", "2022年"));
        BatchRunner.Result r = BatchTestSupport.run(in, tmp.resolve("out"), false);
        List<CrossFinding> same = withCode(r.cross(), "X-SAME-TEXT");
        assertThat(same).hasSize(1);
        assertThat(same.get(0).finding().message()).contains("同一机关");
        assertThat(same.get(0).sources()).containsExactly(in.resolve("fanshi-2022.txt").toString(), in.resolve("fanshi-2021.txt").toString());
    }

    @Test
    void bodiesMatchByNormalisedName() {
        assertThat(Bodies.normalise("繁峙县 人民政府（办公室）")).isEqualTo(Bodies.normalise("繁峙县人民政府(办公室)"));
        assertThat(ReportFacts.of(0, "x", null, 2021, Format.UNKNOWN, List.of()).body()).isEqualTo("?x");
        assertThat(Map.of()).isEmpty();
    }
}
