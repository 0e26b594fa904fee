package nianbao.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import nianbao.ingest.Ingestor;
import nianbao.parse.ReportParser;
import nianbao.pipeline.Auditor;
import nianbao.report.AtomicFiles;
import nianbao.rules.Catalogue;
import nianbao.rules.RuleCheck;
import nianbao.rules.RuleInfo;
import nianbao.rules.RuleSet;
import nianbao.rules.cases.CaseRunner;
import nianbao.rules.cases.RuleCase;
import nianbao.rules.cases.RuleCases;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "rules", description = "规则目录的查看、检查与测试 / list, check and test the rules folder",
        subcommands = {RulesCommand.ListRules.class, RulesCommand.Check.class, RulesCommand.Test.class})
final class RulesCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Options shared by the commands that run the test cases. */
    static final class SamplesOption {
        @Option(names = "--samples", paramLabel = "DIR",
                description = "用例中 base 样本所在目录（默认 samples，其次 $NIANBAO_HOME/samples）/ folder of the sample reports cases refer to")
        Path samples;
    }

    static List<CaseRunner.Result> runCases(RulesOption rules, RuleSet set, Path samples) throws IOException {
        List<RuleCase> cases = RuleCases.load(rules.resolved());
        Auditor auditor = new Auditor(new Ingestor(), new ReportParser(), set, rules.grading());
        return new CaseRunner(auditor, CaseRunner.samplesDir(samples)).run(cases);
    }

    @Command(name = "list", description = "列出规则目录（代码、严重程度、扣分、类别、标题）；--format html 生成规则目录网页 / print the rule catalogue")
    static final class ListRules implements Callable<Integer> {
        @Mixin
        RulesOption rules;

        @Mixin
        SamplesOption samples;

        @Option(names = "--format", paramLabel = "text|html", defaultValue = "text", description = "text（默认）或 html / output format")
        String format;

        @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "html 输出文件（默认 rules-catalogue.html）/ output file for html")
        Path out;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr(), outw = spec.commandLine().getOut();
            if (!format.equals("text") && !format.equals("html")) {
                err.println("错误 / error: --format 只能是 text 或 html / --format must be text or html");
                return Main.USAGE;
            }
            RuleSet set = rules.loadOrReport(err);
            if (set == null) return Main.USAGE;
            try {
                if (format.equals("text")) {
                    List<Catalogue.Entry> entries = Catalogue.entries(set, null);
                    outw.println("code\tseverity\tpoints\tcategory\ttitle");
                    for (Catalogue.Entry e : entries) {
                        outw.printf("%s\t%s\t%d\t%s\t%s%n", e.code(), e.severity(), e.points(), e.category(), e.title());
                    }
                    outw.println("共 " + entries.size() + " 个问题代码 / codes, "
                            + set.rules().stream().filter(RuleInfo::reportsFindings).count() + " 条规则 / rules");
                    return Main.OK;
                }
                List<Catalogue.Entry> entries = Catalogue.entries(set, runCases(rules, set, samples.samples));
                Path file = out == null ? Path.of("rules-catalogue.html") : out;
                AtomicFiles.write(file, Catalogue.html(entries, rules.resolved().toString()));
                outw.println("规则目录已写入 / catalogue written: " + file + "（" + entries.size() + " 个问题代码 / codes）");
                return Main.OK;
            } catch (IOException e) {
                err.println("错误 / error: " + e.getMessage());
                return Main.USAGE;
            }
        }
    }

    @Command(name = "check", description = "编译规则，逐条报告错误（文件:行: 信息）和警告 / compile the rules; print file:line: message per error, then warnings")
    static final class Check implements Callable<Integer> {
        @Mixin
        RulesOption rules;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr(), outw = spec.commandLine().getOut();
            RuleSet set = rules.loadOrReport(err);
            if (set == null) return Main.USAGE;
            List<RuleCase> cases;
            try {
                cases = RuleCases.load(rules.resolved());
            } catch (IOException e) {
                err.println("错误 / error: " + rules.resolved().resolve("tests") + ": " + e.getMessage());
                return Main.USAGE;
            }
            List<RuleCheck.Warning> warnings = RuleCheck.run(set, cases);
            Set<String> codes = new LinkedHashSet<>();
            long n = set.rules().stream().filter(RuleInfo::reportsFindings).peek(r -> codes.add(r.code())).count();
            for (RuleCheck.Warning w : warnings) outw.println("警告 / warning: " + w);
            outw.println("规则编译通过 / rules compile: " + n + " 条规则 / rules, " + codes.size() + " 个问题代码 / codes, "
                    + cases.size() + " 个用例 / cases, " + warnings.size() + " 个警告 / warnings (" + set.dir() + ")");
            return Main.OK;
        }
    }

    @Command(name = "test", description = "运行 rules/tests 中的测试用例，输出“N passed, N failed” / run the rule test cases")
    static final class Test implements Callable<Integer> {
        @Mixin
        RulesOption rules;

        @Mixin
        SamplesOption samples;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr(), outw = spec.commandLine().getOut();
            RuleSet set = rules.loadOrReport(err);
            if (set == null) return Main.USAGE;
            List<CaseRunner.Result> results;
            try {
                results = runCases(rules, set, samples.samples);
            } catch (IOException e) {
                err.println("错误 / error: " + e.getMessage());
                return Main.USAGE;
            }
            int passed = 0, failed = 0;
            for (CaseRunner.Result r : results) {
                if (r.passed()) {
                    passed++;
                    continue;
                }
                failed++;
                outw.println("FAIL " + r.c().label());
                for (String f : r.failures()) outw.println("     " + f);
            }
            if (results.isEmpty()) outw.println("没有找到用例 / no cases in " + rules.resolved().resolve("tests"));
            outw.println(passed + " passed, " + failed + " failed");
            return failed == 0 ? Main.OK : Main.INPUT_FAILED;
        }
    }
}
