package nianbao.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import nianbao.ingest.Ingestor;
import nianbao.parse.ReportParser;
import nianbao.pipeline.AuditResult;
import nianbao.pipeline.Auditor;
import nianbao.report.AtomicFiles;
import nianbao.report.HtmlReport;
import nianbao.report.JsonReport;
import nianbao.report.OutputNames;
import nianbao.review.Decision;
import nianbao.review.Decisions;
import nianbao.review.Item;
import nianbao.review.Reviewed;
import nianbao.rules.RuleCompileException;
import nianbao.score.Grading;
import java.util.HashSet;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "audit", description = "审核一个或多个年报文件，输出 HTML 和 JSON / audit report files; writes <stem>.html and <stem>.json")
final class AuditCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "年报文件（txt、md、html）/ report files")
    List<Path> files;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "reports-out", description = "输出目录 / output folder (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--fail-under", paramLabel = "SCORE", description = "任一报告得分低于该值时退出码为1 / exit 1 when a score is below SCORE")
    Integer failUnder;

    @Option(names = "--decisions", paramLabel = "FILE.xlsx",
            description = "审核结论表（编辑过的 summary.xlsx），应用其中的确认/驳回和补充问题 / apply reviewers' decisions from an edited summary.xlsx")
    Path decisions;

    @Mixin
    RulesOption rules;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        var outw = spec.commandLine().getOut();
        Decisions d = DecisionsFile.loadOrReport(decisions, err);
        if (d == null) return Main.USAGE;
        try {
            Files.createDirectories(out);
            if (!Files.isWritable(out)) throw new IOException("not writable");
        } catch (IOException e) {
            err.println("错误 / error: " + out + ": 输出目录不可写 / output folder is not writable");
            return Main.USAGE;
        }
        Auditor auditor;
        Grading grading;
        try {
            grading = rules.grading();
            auditor = new Auditor(new Ingestor(), new ReportParser(), rules.loadWhileWarmingUp(), grading);
        } catch (RuleCompileException e) {
            RulesOption.print(e, err);
            return Main.USAGE;
        } catch (IOException e) {
            err.println("错误 / error: " + e.getMessage());
            return Main.USAGE;
        }
        OutputNames names = new OutputNames();
        boolean anyFailed = false, belowThreshold = false;
        Set<String> ids = new HashSet<>();
        java.util.List<String[]> audited = new java.util.ArrayList<>();
        for (Path file : files) {
            // A crawler export holds one report per row: outputs <stem>-r1, <stem>-r2, … (see Auditor.auditAll).
            List<AuditResult> results = auditor.auditAll(file);
            for (int row = 1; row <= results.size(); row++) {
                AuditResult r = results.get(row - 1);
                String f = results.size() == 1 ? file.toString() : r.source();
                String stem = results.size() == 1 ? names.allocate(file)
                        : names.allocate(Path.of(OutputNames.safeStem(file) + "-r" + row + ".out"));
                Reviewed review = d.apply(r, stem, grading);
                for (Item i : review.items()) ids.add(i.id());
                audited.add(new String[] {r.source(), stem});
                try {
                    AtomicFiles.write(out.resolve(stem + ".json"), JsonReport.bytes(r, review));
                    AtomicFiles.write(out.resolve(stem + ".html"), HtmlReport.bytes(r, review));
                } catch (IOException | RuntimeException e) {
                    // One unwritable output costs that input, not the rest of the run.
                    anyFailed = true;
                    err.println("错误 / error: " + f + ": 无法写出结果 " + out.resolve(stem) + " / cannot write output: "
                            + e.getClass().getSimpleName() + " " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
                    continue;
                }
                if (r.failed()) {
                    anyFailed = true;
                    err.println("错误 / error: " + f + ": " + r.errorMessage());
                } else {
                    outw.printf("%s\t%d分 %s\t%d项问题\t%s%n", f, review.score(), review.grade(), review.effective().size(), out.resolve(stem + ".html"));
                    if (failUnder != null && review.score() < failUnder) belowThreshold = true;
                }
            }
        }
        // Only decisions on these files: a whole batch's workbook also holds decisions on other reports.
        for (Decision o : d.orphans(ids)) {
            if (audited.stream().noneMatch(a -> o.file() != null && Decisions.matches(o.file(), a[0], a[1]))) continue;
            err.println("警告 / warning: " + decisions + ": " + o.where() + "的审核结论 " + o.id() + "（" + o.file() + " " + o.code()
                    + "）没有对应的问题 / decision " + o.id() + " matches no finding of these files");
        }
        return anyFailed || belowThreshold ? Main.INPUT_FAILED : Main.OK;
    }
}
