package nianbao.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import nianbao.ingest.Document;
import nianbao.ingest.IngestException;
import nianbao.ingest.Ingestor;
import nianbao.model.Finding;
import nianbao.model.Report;
import nianbao.parse.ReportParser;
import nianbao.rules.RuleSet;
import nianbao.score.Grading;

/**
 * The pipeline for one input: ingest → parse → rules → score. Thread-safe; share one per run.
 *
 * <p>Each call runs under a deadline ({@link #DEFAULT_TIMEOUT} unless {@link #withTimeout} says
 * otherwise; zero turns it off): a hostile input that makes a parser or rule spin costs one
 * TIMEOUT error, not the run. Java cannot stop a thread by force, so the abandoned work is
 * interrupted and left on a daemon thread that dies with the JVM; a batch runner that wants hard
 * isolation uses a process per file.
 */
public final class Auditor {
    /** The order findings are shown in: severity, then line (findings without one last), then code; ties keep the rules' order. */
    public static final Comparator<Finding> FINDING_ORDER = Comparator.comparing((Finding f) -> f.severity().ordinal())
            .thenComparing(f -> f.location().line() == null ? Integer.MAX_VALUE : f.location().line())
            .thenComparing(Finding::code);

    /** Per-file deadline for ingest + parse + rules; real reports take well under a second. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    /** Stack for the audit thread: regular expressions recurse on very long lines. */
    private static final long STACK_BYTES = 64L * 1024 * 1024;
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final Ingestor ingestor;
    private final ReportParser parser;
    private final RuleSet rules;
    private final Grading grading;
    private final Duration timeout;

    /** With the deadline of the JVM property nianbao.timeoutSeconds (0 = none), else {@link #DEFAULT_TIMEOUT}. */
    public Auditor(Ingestor ingestor, ReportParser parser, RuleSet rules, Grading grading) {
        this(ingestor, parser, rules, grading, configuredTimeout());
    }

    static Duration configuredTimeout() {
        try {
            long s = Long.parseLong(System.getProperty("nianbao.timeoutSeconds", "").strip());
            return s >= 0 ? Duration.ofSeconds(s) : DEFAULT_TIMEOUT;
        } catch (NumberFormatException e) {
            return DEFAULT_TIMEOUT;
        }
    }

    public Auditor(Ingestor ingestor, ReportParser parser, RuleSet rules, Grading grading, Duration timeout) {
        this.ingestor = ingestor;
        this.parser = parser;
        this.rules = rules;
        this.grading = grading;
        this.timeout = timeout == null || timeout.isNegative() ? Duration.ZERO : timeout;
    }

    /** The same pipeline with another per-file deadline; {@code Duration.ZERO} runs without one. */
    public Auditor withTimeout(Duration timeout) {
        return new Auditor(ingestor, parser, rules, grading, timeout);
    }

    public Duration timeout() { return timeout; }

    public AuditResult audit(Path file) {
        return audit(file, UnaryOperator.identity());
    }

    /** As {@link #audit(Path)}, with {@code overrides} (e.g. a batch manifest's values) applied to the report before the rules run. */
    public AuditResult audit(Path file, UnaryOperator<Report> overrides) {
        return underDeadline(file, () -> List.of(auditNow(file, overrides))).get(0);
    }

    /**
     * One result per report in the file: a crawler export (CSV/XLSX, one report per row) gives one
     * per row, with source "{@code file#r<row>}"; any other file gives exactly what
     * {@link #audit(Path, UnaryOperator)} gives. One deadline covers the whole file.
     */
    public List<AuditResult> auditAll(Path file, UnaryOperator<Report> overrides) {
        return underDeadline(file, () -> auditNowAll(file, overrides));
    }

    public List<AuditResult> auditAll(Path file) {
        return auditAll(file, UnaryOperator.identity());
    }

    private List<AuditResult> underDeadline(Path file, java.util.concurrent.Callable<List<AuditResult>> work) {
        if (timeout.isZero()) {
            try {
                return work.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        long t0 = System.nanoTime();
        FutureTask<List<AuditResult>> task = new FutureTask<>(work);
        Thread worker = new Thread(null, task, "nianbao-audit-" + THREADS.incrementAndGet(), STACK_BYTES);
        worker.setDaemon(true);
        worker.start();
        try {
            return task.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            return List.of(AuditResult.error(file.toString(), null, "TIMEOUT",
                    "审核超时（超过 " + seconds(timeout) + " 秒），已放弃该文件 / audit timed out after " + seconds(timeout) + " s", ms(t0)));
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            return List.of(AuditResult.error(file.toString(), null, "INTERNAL",
                    "内部错误：" + c.getClass().getSimpleName() + " / internal error: " + firstLine(c.getMessage()), ms(t0)));
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            return List.of(AuditResult.error(file.toString(), null, "INTERRUPTED", "审核被中断 / audit interrupted", ms(t0)));
        }
    }

    private List<AuditResult> auditNowAll(Path file, UnaryOperator<Report> overrides) {
        long t0 = System.nanoTime();
        List<Document> docs;
        try {
            docs = ingestor.readAll(file);
        } catch (IngestException e) {
            return List.of(AuditResult.error(file.toString(), null, e.code(), e.getMessage(), ms(t0)));
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return List.of(unreadable(file.toString(), e, t0));
        }
        List<AuditResult> out = new java.util.ArrayList<>(docs.size());
        for (Document d : docs) out.add(auditDocument(d, overrides, System.nanoTime()));
        return out;
    }

    private AuditResult auditNow(Path file, UnaryOperator<Report> overrides) {
        long t0 = System.nanoTime();
        String source = file.toString();
        Document doc;
        try {
            doc = ingestor.read(file);
        } catch (IngestException e) {
            return AuditResult.error(source, null, e.code(), e.getMessage(), ms(t0));
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return unreadable(source, e, t0);
        }
        return auditDocument(doc, overrides, t0);
    }

    private static AuditResult unreadable(String source, Throwable e, long t0) {
        // A reader library choking on a malformed file is a bad input, reported like one.
        return AuditResult.error(source, null, "UNREADABLE",
                "文件无法解析：" + e.getClass().getSimpleName() + " / cannot parse the file: " + firstLine(e.getMessage()), ms(t0));
    }

    private AuditResult auditDocument(Document doc, UnaryOperator<Report> overrides, long t0) {
        String source = doc.source();
        try {
            Report report = overrides.apply(parser.parse(doc));
            if (report.title() == null && report.sections().isEmpty() && report.markers().isEmpty()) {
                return AuditResult.error(source, doc.sha256(), "NO_STRUCTURE",
                        "未识别出年度报告的结构（没有标题、章节或统计表） / no annual-report structure found (no title, sections or tables)", ms(t0));
            }
            List<Finding> findings = rules.evaluate(report).stream().sorted(FINDING_ORDER).toList();
            Grading.Score score = grading.score(findings);
            return new AuditResult(source, doc.sha256(), report, findings, score.value(), score.grade(), null, null, ms(t0));
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // A parser or rule bug (or a line long enough to exhaust a regex) must cost one report, not the run.
            return AuditResult.error(source, doc.sha256(), "INTERNAL",
                    "内部错误：" + e.getClass().getSimpleName() + " / internal error: " + firstLine(e.getMessage()), ms(t0));
        }
    }

    public RuleSet rules() { return rules; }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? String.valueOf(d.toSeconds()) : String.valueOf(d.toMillis() / 1000.0);
    }

    private static long ms(long t0) { return (System.nanoTime() - t0) / 1_000_000; }
}
