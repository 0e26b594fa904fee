package nianbao.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nianbao.TestSupport;
import nianbao.pipeline.AuditResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's reports look like real ones: varied statistics that still balance, with an occasional slip. */
class GeneratorTest {
    @Test
    void statisticsVaryButMostTablesStillBalance(@TempDir Path dir) throws IOException {
        List<Path> files = Generator.generate(TestSupport.SAMPLES, dir, 80, 7);
        assertThat(files).hasSize(80);
        int unbalanced = 0, withTables = 0;
        Set<String> t3Tables = new HashSet<>();
        for (Path f : files) {
            AuditResult r = TestSupport.auditor().audit(f);
            assertThat(r.failed()).as(f.toString()).isFalse();
            if (r.report().cells().isEmpty()) continue;
            withTables++;
            if (r.findings().stream().anyMatch(x -> x.code().startsWith("BAL-"))) unbalanced++;
            t3Tables.add(r.report().cells().stream().filter(c -> c.table().equals("T3") && c.value() != null)
                    .map(c -> c.value().toPlainString()).toList().toString());
        }
        assertThat(withTables).isGreaterThan(50);
        // a slip is one report in eight on average: never most of them, and the seed gives at least one
        assertThat(unbalanced).isBetween(1, withTables / 4);
        assertThat(t3Tables).as("T3 tables differ between generated reports").hasSizeGreaterThan(5);
    }

    @Test
    void everyBodyHasTwoConsecutiveYearsSoTheCrossReportRulesHaveWork(@TempDir Path dir) throws IOException {
        List<Path> files = Generator.generate(TestSupport.SAMPLES, dir, 16, 3);
        for (int i = 0; i < files.size(); i += 2) {
            AuditResult a = TestSupport.auditor().audit(files.get(i)), b = TestSupport.auditor().audit(files.get(i + 1));
            assertThat(b.report().agency()).isEqualTo(a.report().agency()).isNotNull();
            assertThat(b.report().reportYear()).isEqualTo(a.report().reportYear() + 1);
            assertThat(b.report().formatDetected()).isEqualTo(a.report().formatDetected());
        }
    }
}
