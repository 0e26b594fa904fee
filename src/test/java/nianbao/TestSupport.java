package nianbao;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nianbao.ingest.Ingestor;
import nianbao.model.Finding;
import nianbao.parse.ReportParser;
import nianbao.pipeline.AuditResult;
import nianbao.pipeline.Auditor;
import nianbao.rules.RuleCompileException;
import nianbao.rules.RuleSet;
import nianbao.score.Grading;

/** Shared fixtures: the bundled samples, edited copies of them, and one compiled rule base per test JVM. */
public final class TestSupport {
    public static final Path SAMPLES = Path.of("samples");
    public static final Path RULES = Path.of("rules");
    private static Auditor auditor;

    private TestSupport() {}

    public static synchronized Auditor auditor() {
        if (auditor == null) {
            try {
                auditor = new Auditor(new Ingestor(), new ReportParser(), RuleSet.load(RULES, null), Grading.load(RULES));
            } catch (RuleCompileException | IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return auditor;
    }

    public static Path sample(String prefix) {
        try (var s = Files.list(SAMPLES)) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String prefix) {
        try {
            return Files.readString(sample(prefix), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static AuditResult audit(String prefix) {
        return auditor().audit(sample(prefix));
    }

    /** Audits a copy of a sample in which each {@code from} (literal) is replaced by the matching {@code to}. */
    public static AuditResult auditEdited(Path dir, String prefix, String... fromTo) throws IOException {
        String t = text(prefix);
        for (int i = 0; i < fromTo.length; i += 2) {
            if (!t.contains(fromTo[i])) throw new IllegalArgumentException("sample " + prefix + " has no: " + fromTo[i]);
            t = t.replace(fromTo[i], fromTo[i + 1]);
        }
        Path f = dir.resolve(prefix + "-edited.txt");
        Files.writeString(f, t, StandardCharsets.UTF_8);
        return auditor().audit(f);
    }

    public static List<Finding> findings(AuditResult r, String code) {
        if (r.failed()) throw new AssertionError("audit failed: " + r.errorMessage());
        return r.findings().stream().filter(f -> f.code().equals(code)).toList();
    }
}
