package nianbao.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import nianbao.eval.CorpusEval;
import nianbao.eval.Ratchet;
import nianbao.ingest.Ingestor;
import nianbao.parse.ReportParser;
import nianbao.pipeline.Auditor;
import nianbao.rules.RuleInfo;
import nianbao.rules.RuleSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "eval", description = "用标注语料评估识别准确率 / evaluate accuracy on a corpus with expected/<stem>.json ground truth")
final class EvalCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "DIR", defaultValue = "corpus", description = "语料目录 / corpus folder (default: ${DEFAULT-VALUE})")
    Path dir;

    @Option(names = "--ratchet", paramLabel = "FILE", description = "已达到的水平；任一指标变差时退出码为1 / recorded levels; exit 1 when any count is worse")
    Path ratchet;

    @Option(names = "--raise", description = "把更好的结果写入 --ratchet 文件 / record improved levels in the --ratchet file")
    boolean raise;

    @Option(names = {"-v", "--verbose"}, description = "列出每个差异 / list every difference")
    boolean verbose;

    @Mixin
    RulesOption rules;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        if (!Files.isDirectory(dir.resolve("expected"))) {
            err.println("错误 / error: " + dir + ": 没有 expected/ 标注目录 / no expected/ folder with ground truth");
            return Main.USAGE;
        }
        RuleSet set = rules.loadOrReport(err);
        if (set == null) return Main.USAGE;
        Set<String> catalogue = set.rules().stream().map(RuleInfo::code).filter(Objects::nonNull).collect(Collectors.toSet());
        Auditor auditor = new Auditor(new Ingestor(), new ReportParser(), set, rules.grading());
        CorpusEval.Result result = CorpusEval.run(dir, auditor, catalogue);
        if (result.files().isEmpty()) {
            err.println("错误 / error: " + dir + ": 没有带标注的报告 / no reports with an expected JSON");
            return Main.USAGE;
        }
        for (CorpusEval.FileResult f : result.files()) {
            out.println(f.file().getFileName() + "\t" + f.score().shortLine());
            if (!verbose) continue;
            // A crawler export is audited per row: one line per row, what it was taken for, then its problems.
            for (CorpusEval.RowResult r : f.rows()) {
                out.println("  row " + r.row() + " 「" + (r.title() == null ? "" : r.title()) + "」: " + r.role());
                out.println("    " + r.score().shortLine());
                for (String p : r.score().problems()) out.println("      " + p);
            }
            if (f.rows().isEmpty()) for (String p : f.score().problems()) out.println("    " + p);
        }
        out.println("总计 / total: " + result.files().size() + " files; " + result.total().line());
        if (ratchet == null) return Main.OK;
        if (raise) {
            List<String> changed = Ratchet.raise(ratchet, result.total());
            out.println(changed.isEmpty() ? "水平未变 / levels unchanged" : "已记录 / recorded: " + String.join("; ", changed));
        }
        Map<String, Integer> levels = Ratchet.read(ratchet);
        List<String> worse = Ratchet.violations(result.total(), levels);
        for (String w : worse) err.println("变差 / worse: " + w);
        return worse.isEmpty() ? Main.OK : Main.INPUT_FAILED;
    }
}
