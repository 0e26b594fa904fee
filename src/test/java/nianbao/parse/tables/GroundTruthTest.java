package nianbao.parse.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nianbao.TestSupport;
import nianbao.ingest.Document;
import nianbao.ingest.Ingestor;
import nianbao.model.Report;
import nianbao.parse.ReportParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every cell of T2/T3/T4 of each sample equals the hand-checked expected cells (value or blank, and line). */
class GroundTruthTest {

    @ParameterizedTest
    @ValueSource(strings = {"000", "002", "003", "004"})
    void cellsMatchGroundTruth(String sample) throws Exception {
        Document doc = new Ingestor().read(TestSupport.sample(sample));
        Report r = new ReportParser().parse(doc);
        List<String> got = r.cells().stream().map(ExpectedCells::line).toList();
        List<String> want = ExpectedCells.load("tables/" + sample + ".cells");
        assertThat(got).containsExactlyElementsOf(want);
    }

    @ParameterizedTest
    @ValueSource(strings = {"001"})
    void legacyReportHasNoTables(String sample) throws Exception {
        Report r = new ReportParser().parse(new Ingestor().read(TestSupport.sample(sample)));
        assertThat(r.cells()).isEmpty();
    }
}
