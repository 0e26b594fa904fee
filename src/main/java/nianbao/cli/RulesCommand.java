package nianbao.cli;

import java.util.concurrent.Callable;
import nianbao.rules.RuleCompileException;
import nianbao.rules.RuleInfo;
import nianbao.rules.RuleSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "rules", description = "规则目录的查看与检查 / inspect and check the rules folder",
        subcommands = {RulesCommand.ListRules.class, RulesCommand.Check.class})
final class RulesCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "list", description = "列出规则目录（代码、严重程度、扣分、类别、标题）/ print the rule catalogue")
    static final class ListRules implements Callable<Integer> {
        @Mixin
        RulesOption rules;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            RuleSet set;
            try {
                set = rules.load();
            } catch (RuleCompileException e) {
                RulesOption.print(e, spec.commandLine().getErr());
                return Main.USAGE;
            }
            var out = spec.commandLine().getOut();
            out.println("code\tseverity\tpoints\tcategory\ttitle");
            for (RuleInfo r : set.rules()) {
                if (!r.reportsFindings()) continue;
                out.printf("%s\t%s\t%d\t%s\t%s%n", r.code(), r.severity(), r.points(), r.category(), r.title());
            }
            return Main.OK;
        }
    }

    @Command(name = "check", description = "编译规则，报告错误（文件:行: 信息）/ compile the rules; print file:line: message per error")
    static final class Check implements Callable<Integer> {
        @Mixin
        RulesOption rules;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try {
                RuleSet set = rules.load();
                long n = set.rules().stream().filter(RuleInfo::reportsFindings).count();
                spec.commandLine().getOut().println("规则编译通过 / rules compile: " + n + " rules in " + set.dir());
                return Main.OK;
            } catch (RuleCompileException e) {
                RulesOption.print(e, spec.commandLine().getErr());
                return Main.USAGE;
            }
        }
    }
}
