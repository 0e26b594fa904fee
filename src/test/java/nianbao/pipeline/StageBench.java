package nianbao.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import nianbao.ingest.Document;
import nianbao.ingest.Ingestor;
import nianbao.model.Finding;
import nianbao.model.Report;
import nianbao.parse.ReportParser;
import nianbao.report.HtmlReport;
import nianbao.report.JsonReport;
import nianbao.review.Decisions;
import nianbao.review.Reviewed;
import nianbao.rules.RuleSet;
import nianbao.score.Grading;

/**
 * Prints what one report costs per pipeline stage on one thread once the JIT has warmed up (not a test): the
 * files of a folder are read, parsed, judged and written out (HTML and JSON bytes, not to disk) round after round,
 * and the median of the later rounds is reported per stage ("ids": finding ids and reviewers' decisions, made once
 * per report as a batch makes them). A batch spreads the same work over the cores; what this shows is where a
 * report's CPU goes, free of thread, disk and compiler noise.
 *
 * <p>{@code --against JAR RULES} also loads another build (its jar, and the rules folder of its checkout) in a class
 * loader of its own and runs the two builds' rounds alternately in this one JVM, so that the drift of a shared
 * machine's speed, which is larger than most single changes, falls on both alike; it then prints the median
 * ratio of this build's time to the other's, per stage, over the later rounds.
 * Run: ./mvnw -q -o -DskipTests package && java -XX:+UseParallelGC -cp target/nianbao.jar:target/test-classes nianbao.pipeline.StageBench [DIR] [ROUNDS] [--against JAR RULES]
 */
public final class StageBench {
    private static final String[] STAGES = {"ingest", "parse", "rules", "ids", "html", "json", "total"};

    private final List<Path> files;
    private final RuleSet rules;
    private final Grading grading;
    private final Ingestor ingestor = new Ingestor();
    private final ReportParser parser = new ReportParser();

    public StageBench(Path inputs, Path rulesDir) throws Exception {
        try (Stream<Path> s = Files.list(inputs)) { files = s.filter(Files::isRegularFile).sorted().toList(); }
        rules = RuleSet.load(rulesDir);
        grading = Grading.load(rulesDir);
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "samples");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        StageBench bench = new StageBench(dir, Path.of("rules"));
        if (args.length > 4 && args[2].equals("--against")) {
            compare(bench, other(Path.of(args[3]), dir, Path.of(args[4])), rounds);
            return;
        }
        List<double[]> results = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            double[] ms = bench.round();
            results.add(ms);
            System.out.println("round " + (round + 1) + ": " + line(ms));
        }
        System.out.println("median of rounds " + (rounds / 2 + 1) + "-" + rounds + ", ms per report on one thread: "
                + line(median(results.subList(rounds / 2, rounds))));
    }

    /** This class in a loader of its own over another build's jar, set up on that build's rules. */
    private static Object other(Path jar, Path inputs, Path rulesDir) throws Exception {
        java.net.URL self = StageBench.class.getProtectionDomain().getCodeSource().getLocation();
        ClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] {jar.toUri().toURL(), self},
                ClassLoader.getPlatformClassLoader());
        return inLoader(loader, () -> loader.loadClass(StageBench.class.getName()).getConstructor(Path.class, Path.class)
                .newInstance(inputs, rulesDir));
    }

    /** Drools finds its services through the thread's context class loader: each build runs with its own. */
    private static <T> T inLoader(ClassLoader loader, java.util.concurrent.Callable<T> work) throws Exception {
        Thread t = Thread.currentThread();
        ClassLoader before = t.getContextClassLoader();
        t.setContextClassLoader(loader);
        try {
            return work.call();
        } finally {
            t.setContextClassLoader(before);
        }
    }

    private static void compare(StageBench bench, Object other, int rounds) throws Exception {
        java.lang.reflect.Method otherRound = other.getClass().getMethod("round");
        List<double[]> ratios = new ArrayList<>(), ours = new ArrayList<>(), theirs = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            double[] b = inLoader(other.getClass().getClassLoader(), () -> (double[]) otherRound.invoke(other)), a = bench.round();
            double[] r = new double[STAGES.length];
            for (int k = 0; k < STAGES.length; k++) r[k] = a[k] / b[k];
            System.out.println("round " + (round + 1) + ": this " + line(a) + " | other " + line(b));
            if (round >= rounds / 2) { ratios.add(r); ours.add(a); theirs.add(b); }
        }
        System.out.println("median of rounds " + (rounds / 2 + 1) + "-" + rounds + ", ms per report on one thread: this build "
                + line(median(ours)) + "; the other " + line(median(theirs)));
        System.out.println("median ratio this/other per round: " + line(median(ratios)));
    }

    /** About a thousand reports; milliseconds per report for each stage, then their sum. */
    public double[] round() throws Exception {
        long[] ns = new long[STAGES.length];
        int reports = 0;
        for (int i = 0, perRound = Math.max(1, 1000 / files.size()); i < perRound; i++) {
            for (Path f : files) {
                long t0 = System.nanoTime();
                List<Document> docs = ingestor.readAll(f);
                ns[0] += System.nanoTime() - t0;
                for (Document d : docs) {
                    long t1 = System.nanoTime();
                    Report r = parser.parse(d);
                    long t2 = System.nanoTime();
                    List<Finding> findings = rules.evaluate(r);
                    long t3 = System.nanoTime();
                    Grading.Score score = grading.score(findings);
                    AuditResult a = new AuditResult(d.source(), d.sha256(), r, findings, score.value(), score.grade(), null, null, 0);
                    long t4 = System.nanoTime();
                    // finding ids and decisions, made once per report as a batch does
                    Reviewed review = Decisions.NONE.apply(a, d.source(), grading);
                    long t5 = System.nanoTime();
                    JsonReport.bytes(a, review);
                    long t6 = System.nanoTime();
                    HtmlReport.bytes(a, review);
                    long t7 = System.nanoTime();
                    ns[1] += t2 - t1;
                    ns[2] += t3 - t2;
                    ns[3] += t5 - t4;
                    ns[4] += t7 - t6;
                    ns[5] += t6 - t5;
                    reports++;
                }
            }
        }
        double[] ms = new double[STAGES.length];
        for (int k = 0; k < STAGES.length - 1; k++) {
            ms[k] = ns[k] / 1e6 / reports;
            ms[STAGES.length - 1] += ms[k];
        }
        return ms;
    }

    public static double[] median(List<double[]> rounds) {
        double[] median = new double[STAGES.length];
        for (int k = 0; k < STAGES.length; k++) {
            final int stage = k;
            double[] v = rounds.stream().mapToDouble(m -> m[stage]).sorted().toArray();
            median[k] = v[v.length / 2];
        }
        return median;
    }

    public static String line(double[] ms) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < STAGES.length; k++) b.append(k == 0 ? "" : ", ").append(STAGES[k]).append(String.format(" %.3f", ms[k]));
        return b.toString();
    }
}
