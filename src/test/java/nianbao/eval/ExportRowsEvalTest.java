package nianbao.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import nianbao.TestSupport;
import nianbao.report.JsonReport;
import nianbao.rules.RuleInfo;
import nianbao.rules.RuleSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code eval} on a crawler export of two rows (a separately published statistics table and a report), audited
 * per row as users get it: the ground truth is matched to the row it describes, that row is scored as a single
 * document is, and the other row is judged by what the ground truth records about it. Real files, real parser and
 * rules. The report row is the record of the corpus's one-row export {@code 213_hebei_renshiting_2022.txt} with its
 * hand-checked ground truth; the statistics-table row (its layout, title and figures) is written for the test.
 */
class ExportRowsEvalTest {
    private static final String STEM = "213_hebei_renshiting_2022";
    private static final String TABLE_TITLE = "省人力资源和社会保障厅政府信息公开情况统计表（2022年度）";
    /** A local statistics table in a layout of its own (指标/单位/数量 separated by tabs). */
    private static final String TABLE = String.join("\n",
            "统计指标\t单位\t统计数", "一、主动公开政府信息数\t条\t96", "二、收到申请数\t件\t3", "三、行政复议\t件\t0");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Set<String> catalogue;

    @TempDir
    Path corpus;

    @BeforeAll
    static void rules() throws Exception {
        RuleSet set = RuleSet.load(TestSupport.RULES, RuleSet.defaultCacheDir());
        catalogue = set.rules().stream().map(RuleInfo::code).filter(Objects::nonNull).collect(Collectors.toSet());
    }

    /** The corpus export's record: title, date and content columns. */
    private static String[] reportRecord() throws Exception {
        String text = Files.readString(CorpusEvalTest.CORPUS.resolve(STEM + ".txt"), StandardCharsets.UTF_8);
        try (CSVParser p = CSVParser.parse(text, CSVFormat.DEFAULT.builder().setHeader().get())) {
            CSVRecord r = p.getRecords().get(0);
            return new String[] {r.get("标题"), r.get("日期"), r.get("内容")};
        }
    }

    /** Writes {@code name}.csv with the statistics table and the report in the order asked. */
    private void export(String name, boolean tableFirst) throws Exception {
        String[] report = reportRecord();
        String[] table = {TABLE_TITLE, "2023-01-31 12:00:00", TABLE};
        StringWriter w = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT)) {
            p.printRecord("标题", "日期", "内容");
            p.printRecord((Object[]) (tableFirst ? table : report));
            p.printRecord((Object[]) (tableFirst ? report : table));
        }
        Files.writeString(corpus.resolve(name + ".csv"), w.toString(), StandardCharsets.UTF_8);
    }

    /** The corpus ground truth of the report, for file {@code name}.csv, with {@code otherRows} (JSON) or none. */
    private void expected(String name, String otherRows) throws Exception {
        ObjectNode exp = (ObjectNode) JSON.readTree(CorpusEvalTest.CORPUS.resolve("expected").resolve(STEM + ".json").toFile());
        exp.put("file", name + ".csv");
        if (otherRows != null) exp.set("other_rows", JSON.readTree(otherRows));
        Files.createDirectories(corpus.resolve("expected"));
        JSON.writeValue(corpus.resolve("expected").resolve(name + ".json").toFile(), exp);
    }

    /** The counts the corpus's own one-row file gets: the described row must score exactly so. */
    private static Score alone() throws Exception {
        Expected exp = Expected.of(JSON.readTree(CorpusEvalTest.CORPUS.resolve("expected").resolve(STEM + ".json").toFile()));
        return new Evaluator(catalogue).compare(exp,
                JSON.valueToTree(JsonReport.tree(TestSupport.auditor().audit(CorpusEvalTest.CORPUS.resolve(STEM + ".txt")))));
    }

    private CorpusEval.Result run() throws Exception {
        return CorpusEval.run(corpus, TestSupport.auditor(), catalogue);
    }

    @Test
    void theReportRowIsScoredAndTheStatisticsTableRowGetsItsVerdict() throws Exception {
        export("export", true);
        expected("export", "[{\"row\": 1, \"is_annual_report\": false, \"title\": \"" + TABLE_TITLE + "\"}]");
        CorpusEval.Result result = run();
        Score total = result.total();
        Score alone = alone();
        assertThat(alone.get("facts.right")).isEqualTo(5);
        assertThat(total.get("files")).isEqualTo(1);
        assertThat(total.get("findings.false")).as(total.problems().toString()).isZero();
        assertThat(total.get("verdicts.expected")).isEqualTo(1);
        assertThat(total.get("verdicts.right")).isEqualTo(1);
        assertThat(total.get("rows.other")).isEqualTo(1);
        CorpusEval.FileResult file = result.files().get(0);
        assertThat(file.rows()).hasSize(2);
        assertThat(file.rows().get(0).title()).isEqualTo(TABLE_TITLE);
        assertThat(file.rows().get(0).role()).contains("not an annual report");
        assertThat(file.rows().get(0).score().get("verdicts.right")).isEqualTo(1);
        assertThat(file.rows().get(1).role()).contains("describes", "title 1.00", "date same");
        assertThat(file.rows().get(1).score().counts()).as("the report row scores as the one-row file does").isEqualTo(alone.counts());
    }

    /** Without other_rows the report is still found by resemblance, in either order; the table row is unchecked. */
    @Test
    void theDescribedRowIsFoundByResemblanceWhateverItsPlace() throws Exception {
        export("export", false);
        expected("export", null);
        CorpusEval.Result result = run();
        CorpusEval.FileResult file = result.files().get(0);
        assertThat(file.rows().get(0).role()).contains("describes");
        assertThat(file.rows().get(0).score().counts()).isEqualTo(alone().counts());
        assertThat(file.rows().get(1).role()).contains("unchecked");
        assertThat(result.total().get("rows.unchecked")).isEqualTo(1);
        assertThat(result.total().get("verdicts.expected")).isZero();
        assertThat(result.total().get("findings.false")).isZero();
    }

    /** A ground truth saying the other row is an annual report turns the verdict on it into a false finding. */
    @Test
    void aVerdictOnARowRecordedAsAReportIsAFalseFinding() throws Exception {
        export("export", true);
        expected("export", "[{\"row\": 1, \"is_annual_report\": true, \"title\": \"" + TABLE_TITLE + "\"}]");
        Score total = run().total();
        assertThat(total.get("findings.false")).isEqualTo(1);
        assertThat(total.problems()).anySatisfy(p -> assertThat(p).contains("export.csv row 1", "called not an annual report"));
    }

    /** A single document is scored exactly as the one-document comparison scores it, with no rows. */
    @Test
    void aSingleDocumentIsScoredAsBefore() throws Exception {
        Files.copy(CorpusEvalTest.CORPUS.resolve(STEM + ".txt"), corpus.resolve(STEM + ".txt"));
        Files.createDirectories(corpus.resolve("expected"));
        Files.copy(CorpusEvalTest.CORPUS.resolve("expected").resolve(STEM + ".json"), corpus.resolve("expected").resolve(STEM + ".json"));
        CorpusEval.Result result = run();
        assertThat(result.files().get(0).rows()).isEmpty();
        assertThat(result.total().counts()).isEqualTo(alone().counts());
    }
}
