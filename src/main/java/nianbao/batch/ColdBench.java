package nianbao.batch;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The cold path as a user meets it: {@code ./nianbao batch} started as a new process (JVM start,
 * rule loading, JIT warm-up and all) over N inputs and over one of them; the difference gives the
 * marginal rate. CPU time and peak RSS come from {@code /usr/bin/time} when it is installed.
 */
public final class ColdBench {
    private static final Path TIME = Path.of("/usr/bin/time");

    /** One process: wall seconds, CPU seconds (user+system; -1 unknown), peak RSS in KB (-1 unknown). */
    public record Run(double seconds, double cpuSeconds, long maxRssKb, int exit) {}

    private ColdBench() {}

    /**
     * Runs {@code launcher batch} {@code runs} times over {@code in} and over a one-file folder made from
     * its first file, alternating, and prints every run and the medians. Returns the median marginal rate.
     */
    public static double measure(Path launcher, Path in, Path work, int runs, PrintWriter out) throws IOException, InterruptedException {
        List<Path> files;
        try (var s = Files.list(in)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        Path one = Files.createDirectories(work.resolve("in-1"));
        Files.copy(files.get(0), one.resolve(files.get(0).getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        int n = files.size();
        double[] t1 = new double[runs], tn = new double[runs], cpu = new double[runs];
        long[] rss = new long[runs];
        for (int k = 0; k < runs; k++) {
            Run a = run(launcher, one, work.resolve("cold-1-" + k), work);
            Run b = run(launcher, in, work.resolve("cold-n-" + k), work);
            if (a.exit() > 1 || b.exit() > 1) throw new IOException("batch exited with " + Math.max(a.exit(), b.exit()));
            t1[k] = a.seconds();
            tn[k] = b.seconds();
            cpu[k] = b.cpuSeconds();
            rss[k] = b.maxRssKb();
            out.printf("cold run %d: 1 report %.2f s; %d reports %.2f s (CPU %s, peak RSS %s) = %.1f reports/s marginal%n", k + 1, a.seconds(), n,
                    b.seconds(), b.cpuSeconds() < 0 ? "?" : String.format("%.1f s", b.cpuSeconds()),
                    b.maxRssKb() < 0 ? "?" : (b.maxRssKb() / 1024) + " MB", (n - 1) / (b.seconds() - a.seconds()));
            out.flush();
        }
        double m1 = median(t1), mn = median(tn);
        double marginal = (n - 1) / (mn - m1);
        out.printf("cold median of %d: 1 report %.2f s, %d reports %.2f s, marginal %.1f reports/s, whole batch %.1f reports/s; CPU %.1f s; peak RSS %s%n",
                runs, m1, n, mn, marginal, n / mn, median(cpu), rss[0] < 0 ? "?" : (long) median(Arrays.stream(rss).asDoubleStream().toArray()) / 1024 + " MB");
        return marginal;
    }

    static Run run(Path launcher, Path in, Path outDir, Path work) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        Path timing = work.resolve("time.txt");
        boolean timed = Files.isExecutable(TIME);
        if (timed) cmd.addAll(List.of(TIME.toString(), "-o", timing.toString(), "-f", "%U %S %M"));
        cmd.addAll(List.of(launcher.toString(), "batch", in.toString(), "-o", outDir.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        long t0 = System.nanoTime();
        int exit = pb.start().waitFor();
        double secs = (System.nanoTime() - t0) / 1e9;
        double cpu = -1;
        long rss = -1;
        if (timed && Files.isRegularFile(timing)) {
            // the last line: /usr/bin/time puts "Command exited with non-zero status" first when it did
            List<String> lines = Files.readAllLines(timing, StandardCharsets.UTF_8);
            String[] f = lines.get(lines.size() - 1).trim().split("\\s+");
            if (f.length == 3) {
                cpu = Double.parseDouble(f[0]) + Double.parseDouble(f[1]);
                rss = Long.parseLong(f[2]);
            }
        }
        return new Run(secs, cpu, rss, exit);
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
