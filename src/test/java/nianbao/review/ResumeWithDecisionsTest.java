package nianbao.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import nianbao.TestSupport;
import nianbao.batch.BatchRunner;
import nianbao.batch.Manifest;
import nianbao.batch.Row;
import nianbao.pipeline.AuditResult;
import nianbao.score.Grading;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --resume keeps outputs only while the decisions are unchanged, and a kept report keeps its ids and decisions. */
class ResumeWithDecisionsTest {
    @TempDir
    Path tmp;

    private Decisions decisions(String id, String verdict) throws Exception {
        Path p = tmp.resolve(verdict + ".xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            var s = wb.createSheet("问题明细");
            var h = s.createRow(0);
            h.createCell(0).setCellValue("问题编号");
            h.createCell(1).setCellValue("审核结论");
            h.createCell(2).setCellValue("审核意见");
            var r = s.createRow(1);
            r.createCell(0).setCellValue(id);
            r.createCell(1).setCellValue(verdict);
            r.createCell(2).setCellValue("意见" + verdict);
            try (OutputStream os = Files.newOutputStream(p)) {
                wb.write(os);
            }
        }
        return Decisions.load(p);
    }

    private BatchRunner.Result run(Path in, Path out, Decisions d) throws Exception {
        return new BatchRunner(TestSupport.auditor(), Grading.load(TestSupport.RULES)).withDecisions(d)
                .run(new BatchRunner.Options(in, out, 2, Duration.ofSeconds(60), null, true, false), Manifest.EMPTY, new PrintWriter(new StringWriter()));
    }

    @Test
    void keptReportsCarryTheirDecisionsAndChangedDecisionsReaudit() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        for (String p : List.of("002", "003")) Files.copy(TestSupport.sample(p), in.resolve(TestSupport.sample(p).getFileName()));
        AuditResult r = TestSupport.audit("003");
        String id = FindingIds.assign(r.report(), r.findings()).get(0);
        int points = r.findings().get(0).points();
        Path out = tmp.resolve("out");

        Decisions dismiss = decisions(id, "驳回");
        BatchRunner.Result first = run(in, out, dismiss);
        assertThat(first.audited()).isEqualTo(2);
        BatchRunner.Result again = run(in, out, dismiss);
        assertThat(again.skipped()).isEqualTo(2);
        Row kept = again.rows().stream().filter(x -> x.source().contains("003_")).findFirst().orElseThrow();
        assertThat(kept.skipped()).isTrue();
        assertThat(kept.score()).isEqualTo(r.score() + points);
        assertThat(kept.review().items().get(0).id()).isEqualTo(id);
        assertThat(kept.review().items().get(0).dismissed()).isTrue();
        assertThat(again.orphans()).isEmpty();

        BatchRunner.Result changed = run(in, out, decisions(id, "确认"));
        assertThat(changed.audited()).isEqualTo(2);
        Row now = changed.rows().stream().filter(x -> x.source().contains("003_")).findFirst().orElseThrow();
        assertThat(now.score()).isEqualTo(r.score());
        assertThat(now.review().items().get(0).confirmed()).isTrue();
    }
}
