package nianbao.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import nianbao.model.Cell;
import nianbao.model.CellStatus;
import nianbao.model.Finding;
import nianbao.model.Format;
import nianbao.model.Location;
import nianbao.model.Report;
import nianbao.model.Severity;
import nianbao.pipeline.AuditResult;
import nianbao.pipeline.Auditor;
import nianbao.report.AtomicFiles;
import nianbao.report.HtmlReport;
import nianbao.report.JsonReport;
import nianbao.report.OutputNames;
import nianbao.score.Grading;

/**
 * Audits every input of a folder in parallel with one shared {@link Auditor} (one compiled
 * KieBase; a stateless session per report), writes each report's JSON and HTML as soon as it is
 * done, then runs the cross-report rules and writes the summary. A failing input — unreadable,
 * unparsable, too slow, out of memory — becomes a row with its error; the others go on.
 */
public final class BatchRunner {
    /**
     * @param threads  worker threads (default: the number of cores)
     * @param timeout  per-input limit for ingest, parse and rules
     * @param terminal draw a redrawn progress bar instead of periodic lines
     */
    public record Options(Path inDir, Path outDir, int threads, Duration timeout, Path manifest, boolean resume, boolean terminal) {}

    /** Timings are wall-clock nanoseconds of the three phases. */
    public record Result(List<Row> rows, List<CrossFinding> cross, int audited, int skipped,
                         long auditNanos, long crossNanos, long summaryNanos, List<nianbao.review.Decision> orphans) {
        public long failed() { return rows.stream().filter(Row::failed).count(); }
    }

    private record Outcome(Row row, ReportFacts facts, Passages passages) {}

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Auditor auditor;
    private final Grading grading;
    private nianbao.review.Decisions decisions = nianbao.review.Decisions.NONE;

    /** Applies reviewers' decisions (sheet 问题明细/补充问题 of an edited summary.xlsx) to every report. */
    public BatchRunner withDecisions(nianbao.review.Decisions d) {
        this.decisions = d == null ? nianbao.review.Decisions.NONE : d;
        return this;
    }

    public nianbao.review.Decisions decisions() { return decisions; }

    public BatchRunner(Auditor auditor, Grading grading) {
        // The runner enforces its own per-file deadline on its pool; the auditor adds none.
        this.auditor = auditor.withTimeout(java.time.Duration.ZERO);
        this.grading = grading;
    }

    public Result run(Options o, Manifest manifest, PrintWriter progressOut) throws IOException {
        Files.createDirectories(o.outDir());
        removeLeftovers(o.outDir());
        List<Path> inputs = Inputs.list(o.inDir(), o.outDir(), o.manifest());
        // Stems are handed out in the sorted input order, so a re-run maps each input to the same outputs.
        OutputNames names = new OutputNames();
        names.allocate(Path.of("index.html"));    // reserved for the summary: an input "index.html" becomes index-2.html
        names.allocate(Path.of("summary.json"));
        List<String> stems = new ArrayList<>(inputs.size());
        for (Path p : inputs) stems.add(names.allocate(p));
        Progress progress = new Progress(progressOut, inputs.size(), o.terminal());
        AtomicInteger audited = new AtomicInteger(), skipped = new AtomicInteger();

        long t0 = System.nanoTime();
        ExecutorService workers = Executors.newFixedThreadPool(Math.max(1, o.threads()), daemon("nianbao-batch"));
        ExecutorService auditPool = Executors.newCachedThreadPool(daemon("nianbao-audit"));
        List<List<Outcome>> outcomes = new ArrayList<>(inputs.size());
        try (BatchState state = BatchState.open(o.outDir(), o.resume())) {
            List<Future<List<Outcome>>> futures = new ArrayList<>(inputs.size());
            for (int i = 0; i < inputs.size(); i++) {
                Path file = inputs.get(i);
                String stem = stems.get(i);
                Manifest.Entry entry = manifest.find(o.inDir().relativize(file).toString());
                futures.add(workers.submit(() -> {
                    List<Outcome> out = process(o, file, stem, entry, state, auditPool, audited, skipped, names);
                    progress.step(out.stream().anyMatch(x -> x.row().failed()));
                    return out;
                }));
            }
            for (int i = 0; i < futures.size(); i++) {
                try {
                    outcomes.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    // process() catches everything it expects; this is a last line so no input disappears.
                    Path f = inputs.get(i);
                    Manifest.Entry entry = manifest.find(o.inDir().relativize(f).toString());
                    outcomes.add(List.of(failed(f.toString(), stems.get(i), null, entry, "INTERNAL",
                            "内部错误 / internal error: " + e.getCause())));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted");
                }
            }
            state.finish();
        } finally {
            workers.shutdownNow();
            auditPool.shutdownNow();
        }
        long t1 = System.nanoTime();

        List<ReportFacts> facts = new ArrayList<>();
        List<Passages> passages = new ArrayList<>();
        List<Outcome> all = outcomes.stream().flatMap(List::stream).toList();
        for (Outcome out : all) {
            if (out.facts() == null) continue;
            ReportFacts f = out.facts();
            facts.add(new ReportFacts(facts.size(), f.source(), f.body(), f.agency(), f.year(), f.format(), f.cells()));
            passages.add(out.passages());
        }
        List<CrossFinding> cross = CrossReport.evaluate(auditor.rules(), facts, passages);
        long t2 = System.nanoTime();

        List<Row> rows = new ArrayList<>(all.size());
        for (Outcome out : all) rows.add(out.row());
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (Row r : rows) if (r.review() != null) for (nianbao.review.Item i : r.review().items()) ids.add(i.id());
        List<nianbao.review.Decision> orphans = decisions.orphans(ids);
        Summary.write(o.outDir(), rows, cross, grading, decisions, orphans);
        long t3 = System.nanoTime();
        return new Result(rows, cross, audited.get(), skipped.get(), t1 - t0, t2 - t1, t3 - t2, orphans);
    }

    /**
     * Audits one input file. A crawler export that holds several reports (one per row) gives one outcome per row,
     * written as {@code <stem>-r1}, {@code <stem>-r2}, …; such a file is audited again on every --resume, since the
     * resume state keeps one entry per file.
     */
    private List<Outcome> process(Options o, Path file, String stem, Manifest.Entry entry, BatchState state,
                                  ExecutorService auditPool, AtomicInteger audited, AtomicInteger skipped, OutputNames names) {
        String source = file.toString();
        String overrides = entry == null ? "" : entry.key();
        // Scores and grades are in the outputs too, so the grade thresholds are part of the key.
        String fingerprint = auditor.rules().fingerprint() + "|" + grading.grades() + "|" + grading.cap() + "|" + decisions.fingerprint();
        if (o.resume()) {
            String sha = sha256(file);
            BatchState.Entry st = sha == null ? null : state.reusable(stem, sha, fingerprint, overrides, o.outDir());
            Outcome kept = st == null ? null : readBack(o.outDir(), source, stem, entry, st);
            if (kept != null) {
                state.kept(st);
                skipped.incrementAndGet();
                return List.of(kept);
            }
        }
        audited.incrementAndGet();
        List<AuditResult> results = auditWithLimits(file, entry, o.timeout(), auditPool);
        if (results.size() == 1) return List.of(outcome(o, results.get(0), stem, entry, state, fingerprint, overrides, true));
        List<Outcome> out = new ArrayList<>(results.size());
        for (int i = 0; i < results.size(); i++) {
            String rowStem;
            synchronized (names) {
                rowStem = names.allocate(Path.of(stem + "-r" + (i + 1) + ".out"));
            }
            out.add(outcome(o, results.get(i), rowStem, entry, state, fingerprint, overrides, false));
        }
        return out;
    }

    /** Writes one report's outputs and records it; {@code resumable} when it is the file's only report. */
    private Outcome outcome(Options o, AuditResult r, String stem, Manifest.Entry entry, BatchState state,
                            String fingerprint, String overrides, boolean resumable) {
        String source = r.source() == null ? stem : r.source();
        nianbao.review.Reviewed review = decisions.apply(r, stem, grading);
        byte[] json, html;
        try {
            json = JsonReport.bytes(r, review);
            html = HtmlReport.bytes(r, review);
            AtomicFiles.write(o.outDir().resolve(stem + ".json"), json);
            AtomicFiles.write(o.outDir().resolve(stem + ".html"), html);
        } catch (IOException | RuntimeException e) {
            return failed(source, stem, r.sha256(), entry, "OUTPUT", "无法写出结果 / cannot write output: " + e.getMessage());
        }
        if (r.failed()) return failed(source, stem, r.sha256(), entry, r.errorCode(), r.errorMessage());
        Report rep = r.report();
        Passages passages = Passages.of(rep);
        try {
            if (resumable) state.completed(new BatchState.Entry(stem, source, r.sha256(), fingerprint, overrides, json.length, html.length,
                    passages.hashes(), passages.lengths()));
        } catch (IOException e) {
            // Without state the input is simply audited again on --resume.
        }
        Row row = new Row(source, stem, r.sha256(), rep.agency(), rep.agencyLevel().name(), region(entry), url(entry),
                rep.reportYear(), rep.formatDetected().name(), review.score(), review.grade(), Row.counts(review.effective()), null, null,
                Indicators.substantive(rep.cells()), Indicators.correction(rep.cells()), review.effective(), false, review);
        return new Outcome(row, ReportFacts.of(0, source, rep.agency(), rep.reportYear(), rep.formatDetected(), rep.cells()), passages);
    }

    /** Runs the audit on a separate thread so that a hung input costs its time limit, not the batch. */
    private List<AuditResult> auditWithLimits(Path file, Manifest.Entry entry, Duration timeout, ExecutorService auditPool) {
        String source = file.toString();
        UnaryOperator<Report> overrides = entry == null ? UnaryOperator.identity() : entry::apply;
        long t0 = System.nanoTime();
        Future<List<AuditResult>> f = auditPool.submit(() -> {
            try {
                return auditor.auditAll(file, overrides);
            } catch (OutOfMemoryError e) {
                return List.of(AuditResult.error(source, null, "OUT_OF_MEMORY", "内存不足，无法审核此文件 / out of memory while auditing this file", 0));
            }
        });
        try {
            List<AuditResult> results = f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return results.isEmpty() ? List.of(AuditResult.error(source, null, "EMPTY", "文件中没有报告 / no report in this file", 0)) : results;
        } catch (TimeoutException e) {
            // The thread cannot be stopped safely in Java; it is interrupted and abandoned (daemon), its result ignored.
            f.cancel(true);
            return List.of(AuditResult.error(source, null, "TIMEOUT", "审核超时（超过 " + timeout.toSeconds() + " 秒）/ audit timed out after "
                    + timeout.toSeconds() + " s", (System.nanoTime() - t0) / 1_000_000));
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            return List.of(AuditResult.error(source, null, c instanceof OutOfMemoryError ? "OUT_OF_MEMORY" : "INTERNAL",
                    "内部错误 / internal error: " + c.getClass().getSimpleName() + ": " + c.getMessage(), 0));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            f.cancel(true);
            return List.of(AuditResult.error(source, null, "INTERRUPTED", "审核被中断 / audit interrupted", 0));
        }
    }

    private static Outcome failed(String source, String stem, String sha, Manifest.Entry entry, String code, String message) {
        Row row = new Row(source, stem, sha, entry == null ? null : entry.agency(), entry == null || entry.level() == null ? null : entry.level().name(),
                region(entry), url(entry), null, null, null, null, new int[Severity.values().length], code, message, null, null, List.of(), false);
        return new Outcome(row, null, null);
    }

    /** The row, facts and passages of an input kept from an earlier run, read back from its JSON and state. */
    private static Outcome readBack(Path outDir, String source, String stem, Manifest.Entry entry, BatchState.Entry st) {
        try {
            JsonNode j = MAPPER.readTree(outDir.resolve(stem + ".json").toFile());
            if (j.has("error")) return null;
            List<Cell> cells = new ArrayList<>();
            for (JsonNode c : j.path("cells")) {
                JsonNode v = c.get("value");
                BigDecimal value = v == null || v.isNull() ? null : v.decimalValue();
                // Status and reading as written, so that an unreadable cell is not taken back as a blank one.
                CellStatus status = value != null ? CellStatus.NUMBER
                        : c.path("status").asText("").equals("unreadable") ? CellStatus.UNREADABLE : CellStatus.BLANK;
                nianbao.model.Reading read = c.has("read") ? nianbao.model.Reading.valueOf(c.path("read").asText().toUpperCase(java.util.Locale.ROOT))
                        : c.path("inferred").asBoolean() ? nianbao.model.Reading.INFERRED : nianbao.model.Reading.DIRECT;
                cells.add(new Cell(c.path("table").asText(), c.path("row").asText(), c.path("col").asText(), value,
                        c.path("raw").asText(""), c.path("line").asInt(), status, read, text(c, "note")));
            }
            List<nianbao.review.Item> items = new ArrayList<>();
            for (JsonNode f : j.path("findings")) {
                JsonNode l = f.path("location");
                Location loc = new Location(text(l, "section"), text(l, "table"), text(l, "row"), text(l, "col"),
                        l.has("line") ? l.get("line").asInt() : null);
                Finding finding = new Finding(f.path("code").asText(), text(f, "title"), Severity.parse(f.path("severity").asText()),
                        text(f, "category"), text(f, "message"), f.path("points").asInt(), text(f, "basis"), loc, f.path("evidence").asText(""));
                JsonNode d = f.path("decision");
                nianbao.review.Verdict v = d.isObject() ? nianbao.review.Verdict.parse(d.path("verdict").asText()) : null;
                String id = f.path("id").asText("");
                if (id.isEmpty()) return null;   // written before ids existed: audit again
                items.add(new nianbao.review.Item(id, finding, v == null ? null
                        : new nianbao.review.Decision(id, v, d.path("remark").asText(""), source, finding.code(), finding.message(), stem + ".json"),
                        f.path("manual").asBoolean()));
            }
            nianbao.review.Reviewed review = new nianbao.review.Reviewed(List.copyOf(items), j.path("score").asInt(), text(j, "grade"), text(j, "gradeCap"));
            List<Finding> findings = review.effective();
            Integer year = j.path("reportYear").isNumber() ? j.get("reportYear").asInt() : null;
            String agency = text(j, "agency");
            Format format = Format.valueOf(j.path("format").path("detected").asText("UNKNOWN"));
            Row row = new Row(source, stem, st.sha256(), agency, text(j, "agencyLevel"), region(entry), url(entry), year, format.name(),
                    j.path("score").asInt(), text(j, "grade"), Row.counts(findings), null, null,
                    Indicators.substantive(cells), Indicators.correction(cells), findings, true, review);
            return new Outcome(row, ReportFacts.of(0, source, agency, year, format, cells),
                    new Passages(st.passageHashes() == null ? new long[0] : st.passageHashes(),
                            st.passageLengths() == null ? new int[0] : st.passageLengths()));
        } catch (IOException | RuntimeException e) {
            return null;   // damaged output: audit again
        }
    }

    /** Temporary files of atomic writes that a killed run left behind (".name.123.tmp"); never a finished output. */
    private static void removeLeftovers(Path out) throws IOException {
        for (Path dir : List.of(out, out.resolve(BatchState.DIR))) {
            if (!Files.isDirectory(dir)) continue;
            try (var s = Files.list(dir)) {
                for (Path p : s.toList()) {
                    String n = p.getFileName().toString();
                    if (n.startsWith(".") && n.endsWith(".tmp") && Files.isRegularFile(p)) Files.deleteIfExists(p);
                }
            }
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String region(Manifest.Entry e) { return e == null ? null : e.region(); }

    private static String url(Manifest.Entry e) { return e == null ? null : e.url(); }

    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[65536];
            for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            return null;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
