package nianbao.rules.cases;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import nianbao.model.Finding;
import nianbao.pipeline.AuditResult;
import nianbao.pipeline.Auditor;

/** Runs rule test cases through the real pipeline (ingest, parse, rules, score) on edited copies of the samples. */
public final class CaseRunner {

    /** The outcome of one case; {@code failures} is empty when it passed. */
    public record Result(RuleCase c, List<String> failures, List<Finding> findings, String text) {
        public boolean passed() { return failures.isEmpty(); }
    }

    private final Auditor auditor;
    private final Path samples;

    public CaseRunner(Auditor auditor, Path samples) {
        this.auditor = auditor;
        this.samples = samples;
    }

    /** The samples folder: the one given, else ./samples, else $NIANBAO_HOME/samples. */
    public static Path samplesDir(Path given) {
        if (given != null) return given;
        Path local = Path.of("samples");
        String home = System.getenv("NIANBAO_HOME");
        if (!Files.isDirectory(local) && home != null && Files.isDirectory(Path.of(home, "samples"))) return Path.of(home, "samples");
        return local;
    }

    /**
     * The results in the order of the cases. The cases are independent (each audits a file of its own), so they run
     * on every core.
     */
    public List<Result> run(List<RuleCase> cases) throws IOException {
        Path tmp = Files.createTempDirectory("nianbao-cases-");
        int threads = Math.max(1, Math.min(cases.size(), Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "nianbao-case");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Result>> running = new ArrayList<>(cases.size());
            for (int i = 0; i < cases.size(); i++) {
                RuleCase c = cases.get(i);
                int index = i;
                running.add(pool.submit(() -> run(c, tmp, index)));
            }
            List<Result> out = new ArrayList<>(cases.size());
            for (Future<Result> f : running) out.add(get(f));
            return out;
        } finally {
            pool.shutdownNow();
            deleteTree(tmp);
        }
    }

    private static Result get(Future<Result> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) throw io;
            if (cause instanceof RuntimeException re) throw re;
            if (cause instanceof Error err) throw err;
            throw new IllegalStateException(cause);
        }
    }

    private Result run(RuleCase c, Path tmp, int index) throws IOException {
        List<String> failures = new ArrayList<>(c.problems());
        if (!failures.isEmpty()) return new Result(c, failures, List.of(), "");
        String text;
        String ext = ".txt";
        if (c.base() != null) {
            Path base = samples.resolve(c.base());
            if (!Files.isRegularFile(base)) {
                return new Result(c, List.of("样本文件不存在 / sample not found: " + base), List.of(), "");
            }
            text = Files.readString(base, StandardCharsets.UTF_8);
            String n = c.base();
            if (n.lastIndexOf('.') > 0) ext = n.substring(n.lastIndexOf('.'));
        } else {
            text = c.text();
        }
        for (RuleCase.Replace r : c.replaces()) {
            if (!text.contains(r.from())) {
                failures.add("replace 的原文在报告中找不到 / replace target not found: " + r.from());
                continue;
            }
            text = text.replace(r.from(), r.to());
        }
        if (!failures.isEmpty()) return new Result(c, failures, List.of(), text);
        Path file = tmp.resolve("case-" + index + ext);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        AuditResult r = auditor.audit(file);
        if (r.failed()) {
            return new Result(c, List.of("审核失败 / audit failed: " + r.errorMessage()), List.of(), text);
        }
        Set<String> codes = new LinkedHashSet<>();
        for (Finding f : r.findings()) codes.add(f.code());
        for (String e : c.expect()) {
            if (!codes.contains(e)) failures.add("应报告 " + e + " 但没有 / expected " + e + ", not reported; reported: " + codes);
        }
        for (String e : c.expectNot()) {
            if (codes.contains(e)) {
                String msg = r.findings().stream().filter(f -> f.code().equals(e)).map(Finding::message).findFirst().orElse("");
                failures.add("不应报告 " + e + " 但报告了 / " + e + " reported but not expected: " + msg);
            }
        }
        return new Result(c, failures, r.findings(), text);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a temp folder left behind costs nothing
        }
    }
}
