package nianbao.pipeline;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;
import nianbao.ingest.Document;
import nianbao.ingest.IngestException;
import nianbao.ingest.Ingestor;
import nianbao.model.Finding;
import nianbao.model.Report;
import nianbao.parse.ReportParser;
import nianbao.rules.RuleSet;
import nianbao.score.Grading;

/** The pipeline for one input: ingest → parse → rules → score. Thread-safe; share one per run. */
public final class Auditor {
    private final Ingestor ingestor;
    private final ReportParser parser;
    private final RuleSet rules;
    private final Grading grading;

    public Auditor(Ingestor ingestor, ReportParser parser, RuleSet rules, Grading grading) {
        this.ingestor = ingestor;
        this.parser = parser;
        this.rules = rules;
        this.grading = grading;
    }

    public AuditResult audit(Path file) {
        return audit(file, UnaryOperator.identity());
    }

    /** As {@link #audit(Path)}, with {@code overrides} (e.g. a batch manifest's values) applied to the report before the rules run. */
    public AuditResult audit(Path file, UnaryOperator<Report> overrides) {
        long t0 = System.nanoTime();
        String source = file.toString();
        Document doc;
        try {
            doc = ingestor.read(file);
        } catch (IngestException e) {
            return AuditResult.error(source, null, e.code(), e.getMessage(), ms(t0));
        }
        try {
            Report report = overrides.apply(parser.parse(doc));
            if (report.title() == null && report.sections().isEmpty() && report.markers().isEmpty()) {
                return AuditResult.error(source, doc.sha256(), "NO_STRUCTURE",
                        "未识别出年度报告的结构（没有标题、章节或统计表） / no annual-report structure found (no title, sections or tables)", ms(t0));
            }
            List<Finding> findings = rules.evaluate(report).stream()
                    .sorted(Comparator.comparing((Finding f) -> f.severity().ordinal())
                            .thenComparing(f -> f.location().line() == null ? Integer.MAX_VALUE : f.location().line())
                            .thenComparing(Finding::code))
                    .toList();
            Grading.Score score = grading.score(findings);
            return new AuditResult(source, doc.sha256(), report, findings, score.value(), score.grade(), null, null, ms(t0));
        } catch (RuntimeException e) {
            // A parser or rule bug must cost one report, not the run; the message names the cause.
            return AuditResult.error(source, doc.sha256(), "INTERNAL",
                    "内部错误：" + e.getClass().getSimpleName() + " / internal error: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""),
                    ms(t0));
        }
    }

    public RuleSet rules() { return rules; }

    private static long ms(long t0) { return (System.nanoTime() - t0) / 1_000_000; }
}
