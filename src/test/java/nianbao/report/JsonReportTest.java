package nianbao.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import nianbao.TestSupport;
import nianbao.hostile.HostileCorpus;
import nianbao.pipeline.AuditResult;
import nianbao.review.Decision;
import nianbao.review.FindingIds;
import nianbao.review.Item;
import nianbao.review.Reviewed;
import nianbao.review.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A report's JSON is streamed from its tree (speed); the bytes must be those the object mapper writes for the same
 * tree, pretty printer included: on the samples, the corpus (old-style tables included), the hostile inputs, a
 * reviewed report and a failed input.
 */
class JsonReportTest {
    @TempDir Path dir;

    private static void sameAsMapper(AuditResult a, Reviewed review) throws IOException {
        String streamed = new String(JsonReport.bytes(a, review), StandardCharsets.UTF_8);
        String mapped = new String(JsonReport.MAPPER.writeValueAsBytes(JsonReport.tree(a, review)), StandardCharsets.UTF_8);
        assertThat(streamed).as(a.source()).isEqualTo(mapped);
    }

    @Test
    void everyReportIsWrittenAsTheMapperWritesIt() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("corpus"))) { s.filter(Files::isRegularFile).sorted().forEach(files::add); }
        try (Stream<Path> s = Files.list(TestSupport.SAMPLES)) { s.filter(Files::isRegularFile).sorted().forEach(files::add); }
        for (HostileCorpus.Case c : HostileCorpus.write(dir.resolve("hostile"), 9)) files.add(c.file());
        int legacy = 0, failed = 0;
        for (Path f : files) {
            for (AuditResult a : TestSupport.auditor().auditAll(f, r -> r)) {
                sameAsMapper(a, null);
                if (a.report() == null) failed++;
                else if (a.report().legacyTable() != null) legacy++;
            }
        }
        assertThat(legacy).as("reports with an old-style table").isPositive();
        assertThat(failed).as("inputs that could not be audited").isPositive();
    }

    @Test
    void aReviewedReportIsWrittenAsTheMapperWritesIt() throws IOException {
        AuditResult a = TestSupport.audit("003");
        List<String> ids = FindingIds.assign(a.report(), a.findings());
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            Decision d = i == 0 ? new Decision(ids.get(i), Verdict.DISMISSED, "模板链接 \"误报\" \\ 换行\n", "", "", "", "") : null;
            items.add(new Item(ids.get(i), a.findings().get(i), d, false));
        }
        Reviewed review = new Reviewed(List.copyOf(items), 75, "合格", null);
        sameAsMapper(a, review);
        assertThat(new String(JsonReport.bytes(a, review), StandardCharsets.UTF_8))
                .contains("\"scoreBeforeReview\"", "\"review\"", "\"verdict\" : \"dismissed\"");
    }
}
