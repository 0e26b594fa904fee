package nianbao.hostile;

import nianbao.CliRun;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import nianbao.TestSupport;
import nianbao.model.Finding;
import nianbao.model.Section;
import nianbao.pipeline.AuditResult;
import nianbao.pipeline.Auditor;
import nianbao.report.OutputNames;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every hostile input gives a real audit or a clear one-line error; nothing calls home, nothing
 * is written outside the output folder, no input is dropped, and the samples are audited in the
 * company of hostile files exactly as they are alone.
 */
class HostileCorpusTest {
    @TempDir
    static Path root;
    static LocalListener listener;
    static List<HostileCorpus.Case> corpus;

    @BeforeAll
    static void generate() throws IOException {
        listener = new LocalListener();
        corpus = HostileCorpus.write(root.resolve("in"), listener.port());
    }

    @AfterAll
    static void close() throws IOException {
        listener.close();
    }

    @Test
    void everyHostileInputGivesARealAuditOrAClearOneLineError() throws IOException {
        Auditor auditor = TestSupport.auditor().withTimeout(Duration.ofSeconds(30));
        AuditResult sample = TestSupport.audit("002");
        List<String> table = new ArrayList<>();
        for (HostileCorpus.Case c : corpus) {
            AuditResult r = auditor.audit(c.file());
            String outcome = r.failed() ? r.errorCode() : "AUDIT";
            table.add(String.format("| %s | %s | %s | %d ms | %s |", c.name(), c.what(), outcome, r.millis(),
                    r.failed() ? r.errorMessage() : r.score() + "分 " + r.findings().size() + "项 " + codes(r)));
            assertThat(accepted(c, r)).as(c.name() + " gave " + outcome + ": " + r.errorMessage()).isTrue();
            if (r.failed()) assertClearError(c, r);
            else {
                assertThat(r.report().text()).as(c.name()).doesNotContain("root:x:0:0");
            }
        }
        Files.writeString(Path.of("target", "hostile-corpus.md"), String.join("\n", table) + "\n", StandardCharsets.UTF_8);
        table.forEach(System.out::println);

        // Re-encoded copies of sample 002 must be audited like the original: same sections, same findings.
        for (String name : List.of("gbk-declared-utf8.html", "utf8-declared-gbk.html", "gb18030.txt", "utf16le-nobom.txt",
                "utf16be-nobom.txt", "mixed-eol.txt", "nul-bytes.txt", "deep.html")) {
            AuditResult r = auditor.audit(file(name));
            assertThat(r.failed()).as(name + ": " + r.errorMessage()).isFalse();
            assertThat(r.report().title()).as(name).isEqualTo(sample.report().title());
            assertThat(r.report().sections()).as(name).extracting(Section::id)
                    .containsExactlyElementsOf(sample.report().sections().stream().map(Section::id).toList());
            if (name.endsWith(".txt")) {
                assertThat(codes(r)).as(name).isEqualTo(codes(sample));
                assertThat(r.report().sections()).as(name).extracting(Section::line)
                        .containsExactlyElementsOf(sample.report().sections().stream().map(Section::line).toList());
            }
        }
        // The script-bearing report is audited as text: the payload is in the model, verbatim.
        AuditResult scripted = auditor.audit(file("script-report.txt"));
        assertThat(scripted.report().text()).contains("<script>document.documentElement", "[[${7*7}]]", "javascript:");
        assertThat(listener.connections()).as("an input made the auditor call out").isZero();
    }

    @Test
    void a100MegabyteFileIsRefusedBySizeBeforeItIsRead(@TempDir Path tmp) throws IOException {
        HostileCorpus.Case huge = HostileCorpus.huge(tmp);
        AuditResult r = TestSupport.auditor().audit(huge.file());
        assertThat(r.errorCode()).isEqualTo("TOO_LARGE");
        assertThat(r.errorMessage()).contains("上限 64 MB", "limit " + 64L * 1024 * 1024);
        assertThat(r.sha256()).as("refused before the bytes were read").isNull();
    }

    @Test
    void limitsAreConfigurableThroughJvmProperties(@TempDir Path out) {
        System.setProperty("nianbao.maxLines", "10");
        try {
            CliRun.Result r = CliRun.run("audit", "--no-cache", "-o", out.toString(), TestSupport.sample("001").toString());
            assertThat(r.code()).isEqualTo(1);
            assertThat(r.err()).contains("文件行数过多", "limit 10)");
        } finally {
            System.clearProperty("nianbao.maxLines");
        }
        System.setProperty("nianbao.maxBytes", "not a number");
        try {
            assertThat(new nianbao.ingest.Ingestor().limits()).isEqualTo(nianbao.ingest.Ingestor.Limits.DEFAULT);
        } finally {
            System.clearProperty("nianbao.maxBytes");
        }
    }

    @Test
    void aDeadlineTurnsARunawayAuditIntoATimeoutError() {
        AuditResult r = TestSupport.auditor().withTimeout(Duration.ofNanos(1)).audit(TestSupport.sample("000"));
        assertThat(r.errorCode()).isEqualTo("TIMEOUT");
        assertThat(r.errorMessage()).contains("审核超时", "timed out").doesNotContain("\n");
        assertThat(TestSupport.auditor().timeout()).isEqualTo(Auditor.DEFAULT_TIMEOUT);
        assertThat(TestSupport.auditor().withTimeout(Duration.ZERO).audit(TestSupport.sample("000")).failed()).isFalse();
    }

    @Test
    void aRunOverCorpusAndSamplesListsEveryInputAndAuditsTheSamplesAsAlone() throws IOException {
        List<Path> samples;
        try (Stream<Path> s = Files.list(TestSupport.SAMPLES)) {
            samples = s.sorted().toList();
        }
        List<Path> inputs = new ArrayList<>();
        corpus.forEach(c -> inputs.add(c.file()));
        inputs.addAll(samples);
        Path outAll = root.resolve("out-all"), outSamples = root.resolve("out-samples");
        Map<String, Long> before = snapshot(root);

        CliRun.Result all = CliRun.run(args(inputs, outAll));
        CliRun.Result alone = CliRun.run(args(samples, outSamples));
        assertThat(all.code()).as(all.err()).isEqualTo(1);
        assertThat(alone.code()).as(alone.err()).isZero();

        OutputNames names = new OutputNames();
        ObjectMapper json = new ObjectMapper();
        for (Path in : inputs) {
            String stem = names.allocate(in);
            Path out = outAll.resolve(stem + ".json");
            assertThat(out).as("output for " + in).exists();
            assertThat(outAll.resolve(stem + ".html")).exists();
            JsonNode j = json.readTree(out.toFile());
            assertThat(j.get("source").asText()).isEqualTo(in.toString());
            String listed = j.has("error") ? all.err() : all.out();
            assertThat(listed.lines().filter(l -> l.contains(in.toString())).count()).as("listed once: " + in).isEqualTo(1);
            if (j.has("error")) {
                assertThat(j.get("error").get("code").asText()).isNotBlank();
                assertThat(j.get("error").get("message").asText()).doesNotContain("\n");
            }
        }
        assertThat(all.err().lines().filter(l -> !l.isBlank()))
                .allSatisfy(l -> assertThat(l).startsWith("错误 / error: ").doesNotContain("\tat ", "Exception:"));
        OutputNames sampleNames = new OutputNames();
        OutputNames allNames = new OutputNames();
        inputs.forEach(allNames::allocate);
        for (Path s : samples) {
            String stem = sampleNames.allocate(s);
            assertThat(Files.readString(outAll.resolve(stem + ".json"))).as(s.toString())
                    .isEqualTo(Files.readString(outSamples.resolve(stem + ".json")));
            assertThat(Files.readString(outAll.resolve(stem + ".html"))).isEqualTo(Files.readString(outSamples.resolve(stem + ".html")));
        }
        // Nothing outside the two output folders changed, and no shell ran the file names.
        Map<String, Long> after = snapshot(root);
        after.keySet().removeIf(p -> p.startsWith("out-all") || p.startsWith("out-samples"));
        assertThat(after).isEqualTo(before);
        assertThat(Path.of("pwned")).doesNotExist();
        try (Stream<Path> w = Files.walk(root)) {
            assertThat(w.filter(p -> p.getFileName().toString().equals("pwned")).toList()).isEmpty();
        }
        try (Stream<Path> w = Files.list(outAll)) {
            assertThat(w.map(p -> p.getFileName().toString()).toList())
                    .allSatisfy(n -> assertThat(n).doesNotStartWith(".").doesNotStartWith("-").doesNotContain("..", "$", "`", ";", "|", "&"));
        }
        assertThat(listener.connections()).isZero();
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private static String[] args(List<Path> inputs, Path out) {
        List<String> a = new ArrayList<>(List.of("audit", "--no-cache", "-o", out.toString(), "--"));
        inputs.forEach(p -> a.add(p.toString()));
        return a.toArray(String[]::new);
    }

    private static Path file(String name) {
        return corpus.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow().file();
    }

    private static boolean accepted(HostileCorpus.Case c, AuditResult r) {
        if (!r.failed()) return c.accept().contains(HostileCorpus.AUDIT);
        if (c.accept().contains(r.errorCode())) return true;
        return c.accept().contains(HostileCorpus.ANY_ERROR) && !r.errorCode().equals("INTERNAL") && !r.errorCode().equals("TIMEOUT");
    }

    private static void assertClearError(HostileCorpus.Case c, AuditResult r) {
        assertThat(r.errorMessage()).as(c.name()).isNotBlank().doesNotContain("\n", "\r", "\tat ").contains(" / ");
        assertThat(r.errorMessage().length()).as(c.name()).isLessThan(300);
        assertThat(r.errorMessage().codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN))
                .as("Chinese part: " + r.errorMessage()).isTrue();
    }

    private static List<String> codes(AuditResult r) {
        return r.findings().stream().map(Finding::code).sorted().toList();
    }

    private static Map<String, Long> snapshot(Path dir) throws IOException {
        Map<String, Long> m = new TreeMap<>();
        try (Stream<Path> w = Files.walk(dir)) {
            for (Path p : w.toList()) m.put(dir.relativize(p).toString(), Files.isDirectory(p) ? -1 : Files.size(p));
        }
        return m;
    }
}
