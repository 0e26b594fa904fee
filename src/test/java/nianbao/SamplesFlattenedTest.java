package nianbao;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import nianbao.model.Cell;
import nianbao.model.Finding;
import nianbao.model.Report;
import nianbao.pipeline.AuditResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every sample as crawlers flatten real reports: paragraphs joined by full-width spaces, by plain spaces, or by bare
 * CRs. The facts and sections must come out as from the original; a cell may become unreadable (empty cells vanish
 * when a table is run together) but never take another value, and no accusation may appear that the original lacks.
 */
class SamplesFlattenedTest {
    private static final Set<String> ACCUSATIONS_OF_MISREADING = Set.of(
            "BAL-T3-MAIN", "BAL-T3-TOTAL-ROW", "BAL-T3-TOTAL-COL", "BAL-T4-TOTAL", "TAB-MISSING", "TAB-ROWS", "SEC-MISSING",
            "FMT-UNKNOWN", "YEAR-UNKNOWN", "NOT-ANNUAL-REPORT", "TXT-NUMBERS", "TXT-GOV-50-4");

    @TempDir
    static Path tmp;

    static Stream<Arguments> variants() {
        return Stream.of("000", "001", "002", "003", "004").flatMap(s -> Stream.of(
                Arguments.of(s, "　　"), Arguments.of(s, " "), Arguments.of(s, "\r")));
    }

    @ParameterizedTest(name = "{0} joined by [{1}]")
    @MethodSource("variants")
    void aFlattenedSampleReadsLikeTheSample(String prefix, String joiner) throws Exception {
        AuditResult original = TestSupport.audit(prefix);
        List<String> lines = TestSupport.text(prefix).lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        Path f = tmp.resolve(prefix + "-" + (int) joiner.charAt(0) + ".txt");
        Files.writeString(f, String.join(joiner, lines) + joiner, StandardCharsets.UTF_8);
        AuditResult flat = TestSupport.auditor().audit(f);

        Report a = original.report(), b = flat.report();
        assertThat(b).as("audited").isNotNull();
        assertThat(List.of(b.formatDetected(), String.valueOf(b.reportYear()), b.agencyLevel(), String.valueOf(b.publishedOn()), b.period() == null ? "null" : b.period().from() + ".." + b.period().to()))
                .isEqualTo(List.of(a.formatDetected(), String.valueOf(a.reportYear()), a.agencyLevel(), String.valueOf(a.publishedOn()), a.period() == null ? "null" : a.period().from() + ".." + a.period().to()));
        assertThat(b.sections()).extracting(s -> s.id()).isEqualTo(a.sections().stream().map(s -> s.id()).toList());

        Map<String, Cell> before = new HashMap<>();
        for (Cell c : a.cells()) before.put(c.table() + "/" + c.row() + "/" + c.col(), c);
        for (Cell c : b.cells()) {
            if (!c.isConfident()) continue;
            Cell o = before.get(c.table() + "/" + c.row() + "/" + c.col());
            assertThat(o).as("cell %s/%s/%s exists in the original", c.table(), c.row(), c.col()).isNotNull();
            if (c.isNumber()) assertThat(o.value()).as("cell %s/%s/%s", c.table(), c.row(), c.col()).isEqualByComparingTo(c.value());
        }
        Set<String> had = new java.util.HashSet<>();
        for (Finding x : original.findings()) had.add(x.code());
        for (Finding x : flat.findings()) {
            if (ACCUSATIONS_OF_MISREADING.contains(x.code())) assertThat(had).as("%s: %s", x.code(), x.message()).contains(x.code());
        }
        assertThat(flat.score()).as("no points lost to a misreading").isGreaterThanOrEqualTo(original.score());
    }
}
