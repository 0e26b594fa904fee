package nianbao.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import nianbao.batch.BatchRunner;
import nianbao.batch.Manifest;
import nianbao.batch.Row;
import nianbao.ingest.Ingestor;
import nianbao.parse.ReportParser;
import nianbao.pipeline.Auditor;
import nianbao.rules.RuleCompileException;
import nianbao.review.Decision;
import nianbao.review.Decisions;
import nianbao.review.NoticeConfig;
import nianbao.review.Notices;
import nianbao.score.Grading;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "batch", description = "批量审核一个文件夹（含子文件夹）中的所有年报，生成汇总 / audit every report under a folder; "
        + "writes <stem>.html/.json per file plus index.html, summary.csv, summary.xlsx, summary.json")
public final class BatchCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "IN_DIR", description = "输入文件夹 / input folder (searched recursively)")
    Path in;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "reports-out", description = "输出目录 / output folder (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "并行线程数，默认为CPU核数 / worker threads (default: number of cores)")
    Integer jobs;

    @Option(names = "--manifest", paramLabel = "CSV", description = "清单CSV（file,agency,level,region,published_on,url），其值优先于正文 / manifest whose values override the text")
    Path manifest;

    @Option(names = "--resume", description = "跳过上次已完成且未改变的文件 / skip inputs already done with unchanged bytes, rules and manifest values")
    boolean resume;

    @Option(names = "--fail-under", paramLabel = "SCORE", description = "任一报告得分低于该值时退出码为1 / exit 1 when a score is below SCORE")
    Integer failUnder;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60", description = "单个文件的审核时限（秒）/ per-file time limit in seconds (default: ${DEFAULT-VALUE})")
    int timeoutSeconds;

    @Option(names = "--decisions", paramLabel = "FILE.xlsx",
            description = "审核结论表（编辑过的 summary.xlsx），应用其中的确认/驳回和补充问题，并生成整改通知书和通报 / apply reviewers' decisions from an edited summary.xlsx; also writes the notices")
    Path decisions;

    @Option(names = "--notices", description = "生成整改通知书（notices/<文件名>-整改通知书.docx）和通报.docx / write the rectification notices and the bulletin (.docx)")
    boolean notices;

    @Option(names = "--notice-config", paramLabel = "FILE",
            description = "通知书设置（默认 规则目录/notices.properties）/ notice settings (default: RULES/notices.properties)")
    Path noticeConfig;

    @Mixin
    RulesOption rules;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr(), outw = spec.commandLine().getOut();
        // The decisions and notice settings are checked before anything is audited: a bad file costs nothing.
        Decisions d = DecisionsFile.loadOrReport(decisions, err);
        if (d == null) return Main.USAGE;
        NoticeConfig config = null;
        if (decisions != null || notices) {
            try {
                config = NoticeConfig.load(noticeConfig != null ? noticeConfig : rules.resolved().resolve("notices.properties"));
            } catch (IOException e) {
                err.println("错误 / error: " + e.getMessage());
                return Main.USAGE;
            }
            if (noticeConfig != null && !Files.isRegularFile(noticeConfig)) {
                err.println("错误 / error: " + noticeConfig + ": 通知书设置文件不存在 / notice settings file not found");
                return Main.USAGE;
            }
        }
        if (!Files.isDirectory(in)) {
            err.println("错误 / error: " + in + ": 输入文件夹不存在 / input folder not found");
            return Main.USAGE;
        }
        if (timeoutSeconds <= 0 || jobs != null && jobs <= 0) {
            err.println("错误 / error: --timeout 和 -j 必须为正数 / --timeout and -j must be positive");
            return Main.USAGE;
        }
        try {
            Files.createDirectories(out);
            if (!Files.isWritable(out)) throw new IOException("not writable");
        } catch (IOException e) {
            err.println("错误 / error: " + out + ": 输出目录不可写 / output folder is not writable");
            return Main.USAGE;
        }
        Manifest m = Manifest.EMPTY;
        if (manifest != null) {
            try {
                m = Manifest.load(manifest);
            } catch (Manifest.ManifestException e) {
                err.println("错误 / error: " + e.getMessage());
                return Main.USAGE;
            }
        }
        Auditor auditor;
        Grading grading;
        try {
            grading = rules.grading();
            auditor = new Auditor(new Ingestor(), new ReportParser(), rules.loadWhileWarmingUp(nianbao.batch.Summary::warmUp), grading);
        } catch (RuleCompileException e) {
            RulesOption.print(e, err);
            return Main.USAGE;
        } catch (IOException e) {
            err.println("错误 / error: " + e.getMessage());
            return Main.USAGE;
        }
        int threads = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
        boolean terminal = System.console() != null;
        BatchRunner.Result result;
        try {
            result = new BatchRunner(auditor, grading).withDecisions(d).run(
                    new BatchRunner.Options(in, out, threads, Duration.ofSeconds(timeoutSeconds), manifest, resume, terminal), m, err);
        } catch (IOException e) {
            err.println("错误 / error: " + in + ": 批量审核中止 / batch aborted: " + e.getMessage());
            return Main.USAGE;
        }
        for (Row r : result.rows()) {
            if (r.failed()) err.println("错误 / error: " + r.source() + ": " + r.errorMessage());
        }
        for (Decision o : result.orphans()) {
            err.println("警告 / warning: " + decisions + ": " + o.where() + "的审核结论 " + o.id() + "（" + o.file() + " " + o.code()
                    + "）没有对应的问题，已列入 summary.xlsx 的“失效结论”表 / decision " + o.id() + " matches no finding; kept in sheet 失效结论");
        }
        if (config != null) {
            try {
                List<Notices.Subject> subjects = result.rows().stream().map(r -> new Notices.Subject(r.stem(), r.source(), r.agency(), r.reportYear(),
                        r.score(), r.grade(), r.review(), r.errorCode())).toList();
                Notices.Written w = new Notices(config, grading.grades().stream().map(Grading.Grade::name).toList()).write(out, subjects);
                outw.printf("整改通知书 %d 份：%s；通报：%s%n", w.notices().size(), out.resolve(Notices.NOTICES_DIR), w.bulletin());
                if (w.notices().isEmpty() && !config.includePending()) {
                    outw.println("（整改通知书只列已确认的问题：请在 summary.xlsx 中填写审核结论后用 --decisions 运行，"
                            + "或在 notices.properties 中设置 notice.include.pending=true / notices list confirmed problems only)");
                }
                outw.printf("%d rectification notices in %s; bulletin %s%n", w.notices().size(), out.resolve(Notices.NOTICES_DIR), w.bulletin());
            } catch (IOException | RuntimeException e) {
                err.println("错误 / error: " + out + ": 无法写出整改通知书或通报 / cannot write the notices: " + e.getMessage());
                return Main.INPUT_FAILED;
            }
        }
        outw.printf("共 %d 个文件：审核 %d，沿用上次结果 %d，无法审核 %d；跨报告问题 %d 项。汇总：%s%n",
                result.rows().size(), result.audited(), result.skipped(), result.failed(), result.cross().size(), out.resolve("index.html"));
        outw.printf("%d files: %d audited, %d kept from the last run (--resume), %d failed; %d cross-report findings.%n",
                result.rows().size(), result.audited(), result.skipped(), result.failed(), result.cross().size());
        boolean below = failUnder != null && result.rows().stream().anyMatch(r -> !r.failed() && r.score() < failUnder);
        return result.failed() > 0 || below ? Main.INPUT_FAILED : Main.OK;
    }

    /** Benchmark: generates reports from the samples and runs the batch over them (README "Benchmark"). */
    @Command(name = "bench", description = "性能测试：由样本生成N份报告并批量审核 / benchmark: generate N reports from the samples and batch-audit them")
    public static final class Bench implements Callable<Integer> {
        @Option(names = {"-n", "--reports"}, paramLabel = "N", defaultValue = "2000", description = "生成的报告数 / reports to generate (default: ${DEFAULT-VALUE})")
        int n;

        @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "并行线程数 / worker threads (default: number of cores)")
        Integer jobs;

        @Option(names = "--runs", paramLabel = "R", defaultValue = "1", description = "计时的重复次数，报告中位数 / timed repetitions; the median is reported (default: ${DEFAULT-VALUE})")
        int runs;

        @Option(names = "--warmup", paramLabel = "W", defaultValue = "0",
                description = "先不计时地运行W次（JIT预热），结果照样打印 / untimed runs first (JIT warm-up), printed but not in the median (default: ${DEFAULT-VALUE})")
        int warmup;

        @Option(names = "--samples", paramLabel = "DIR", defaultValue = "samples", description = "样本目录 / samples folder (default: ${DEFAULT-VALUE})")
        Path samples;

        @Option(names = "--dir", paramLabel = "DIR", description = "工作目录（默认临时目录，结束后删除）/ work folder (default: a temporary one, deleted afterwards)")
        Path dir;

        @Option(names = "--inputs", paramLabel = "DIR", description = "把该目录中的真实报告复制到N份，而不是生成 / replicate the real files of DIR to N inputs instead of generating reports")
        Path inputs;

        @Option(names = "--cold", description = "每次运行都启动新的 ./nianbao batch 进程，并与一份报告的批处理比较 / each run a new ./nianbao batch process (JVM start included), compared with a one-file batch")
        boolean cold;

        @Mixin
        RulesOption rules;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter outw = spec.commandLine().getOut();
            if (n < 1) throw new picocli.CommandLine.ParameterException(spec.commandLine(), "-n ≥ 1");
            Path samplesDir = samples;
            String home = System.getenv("NIANBAO_HOME");
            if (!Files.isDirectory(samplesDir) && home != null) samplesDir = Path.of(home).resolve(samples);
            boolean temp = dir == null;
            Path work = temp ? Files.createTempDirectory("nianbao-bench-") : dir;
            try {
                if (runs < 1 || warmup < 0) throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--runs ≥ 1, --warmup ≥ 0");
                long g0 = System.nanoTime();
                if (inputs != null) nianbao.batch.Generator.replicate(inputs, work.resolve("in"), n);
                else nianbao.batch.Generator.generate(samplesDir, work.resolve("in"), n, 42);
                outw.printf("%s %d reports in %.1f s under %s%n", inputs != null ? "replicated " + inputs + " to" : "generated", n,
                        (System.nanoTime() - g0) / 1e9, work);
                if (cold) {
                    if (home == null) throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--cold runs through the ./nianbao launcher");
                    nianbao.batch.ColdBench.measure(Path.of(home, "nianbao"), work.resolve("in"), work, runs, outw);
                    return Main.OK;
                }
                Grading grading = rules.grading();
                Auditor auditor = new Auditor(new Ingestor(), new ReportParser(), rules.load(), grading);
                int threads = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
                java.util.List<double[]> results = new java.util.ArrayList<>();
                for (int k = 1 - warmup; k <= runs; k++) {
                    final int run = k;
                    String label = run < 1 ? "warm-up " + (run + warmup) : "run " + run;
                    Path outDir = work.resolve(run < 1 ? "warmup-" + (run + warmup) : "out-" + run);
                    System.gc();
                    for (var pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) pool.resetPeakUsage();
                    var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
                    long cpu0 = os.getProcessCpuTime();
                    long t0 = System.nanoTime();
                    BatchRunner.Result r = new BatchRunner(auditor, grading).run(new BatchRunner.Options(work.resolve("in"), outDir, threads,
                            Duration.ofSeconds(60), null, false, false), Manifest.EMPTY, new PrintWriter(java.io.Writer.nullWriter()));
                    double secs = (System.nanoTime() - t0) / 1e9;
                    double cpuSecs = (os.getProcessCpuTime() - cpu0) / 1e9;
                    long peak = 0;
                    for (var pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
                        if (pool.getType() == java.lang.management.MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
                    }
                    double crossPct = 100.0 * r.crossNanos() / (r.auditNanos() + r.summaryNanos());
                    if (run >= 1) results.add(new double[] {n / secs, secs, r.auditNanos() / 1e9, r.crossNanos() / 1e9, r.summaryNanos() / 1e9, crossPct, peak / 1048576.0,
                            n / (cpuSecs / threads)});
                    outw.printf("%s: %d reports (%d failed) in %.2f s = %.1f reports/s; audit+write %.2f s, cross-report %.3f s (%.1f%% of the rest), "
                                    + "summary %.2f s; peak heap %.0f MB (max %d MB); %d cross findings; process CPU %.1f s = %.1f reports/s if %d cores were free%n",
                            label, r.rows().size(), r.failed(), secs, n / secs, r.auditNanos() / 1e9, r.crossNanos() / 1e9, crossPct,
                            r.summaryNanos() / 1e9, peak / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576, r.cross().size(),
                            cpuSecs, n / (cpuSecs / threads), threads);
                    // Earlier runs' outputs are removed only at the end: on ext4 without a journal, creating a file
                    // after thousands were deleted scans past every recently deleted inode (for up to five minutes),
                    // so deleting between runs would make the next run pay for the harness's own clean-up.
                }
                double[] med = new double[8];
                for (int k = 0; k < 8; k++) {
                    final int kk = k;
                    double[] v = results.stream().mapToDouble(x -> x[kk]).sorted().toArray();
                    med[k] = v[v.length / 2];
                }
                outw.printf("median of %d: %.1f reports/s (%.2f s), audit+write %.2f s, cross %.3f s (%.1f%%), summary %.2f s, peak heap %.0f MB, %d threads; "
                                + "CPU-bound %.1f reports/s%n",
                        runs, med[0], med[1], med[2], med[3], med[5], med[4], med[6], threads, med[7]);
                // The generated copies have no table cells yet and only template text: load the cross rules the way real data will.
                var load = nianbao.batch.CrossLoad.synthetic(n, 7);
                nianbao.batch.CrossLoad.run(auditor.rules(), nianbao.batch.CrossLoad.synthetic(Math.min(n, 1000), 8));   // warm-up
                long c0 = System.nanoTime();
                int xf = nianbao.batch.CrossLoad.run(auditor.rules(), load);
                double cs = (System.nanoTime() - c0) / 1e9;
                outw.printf("cross-report on a synthetic load (%d reports with T2/T3 cells, 1%% copied text): %.3f s, %d findings = %.1f%% of the median batch time%n",
                        n, cs, xf, 100 * cs / med[1]);
                return Main.OK;
            } catch (RuleCompileException e) {
                RulesOption.print(e, spec.commandLine().getErr());
                return Main.USAGE;
            } finally {
                if (temp) deleteTree(work);
            }
        }

        private static void deleteTree(Path p) throws IOException {
            if (!Files.exists(p)) return;
            try (var s = Files.walk(p)) {
                for (Path x : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(x);
            }
        }
    }
}
