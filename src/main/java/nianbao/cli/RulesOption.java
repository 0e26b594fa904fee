package nianbao.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import nianbao.report.HtmlReport;
import nianbao.report.JsonReport;
import nianbao.rules.RuleCompileException;
import nianbao.rules.RuleError;
import nianbao.rules.RuleSet;
import nianbao.score.Grading;
import picocli.CommandLine.Option;

/** The {@code --rules DIR} option shared by every command, and loading what it names. */
final class RulesOption {
    @Option(names = "--rules", paramLabel = "DIR", defaultValue = "rules",
            description = "规则目录，运行时读取 / rules folder, read at run time (default: ${DEFAULT-VALUE})")
    Path dir;

    @Option(names = "--no-cache", description = "不使用编译缓存 / do not use the compiled-rules cache")
    boolean noCache;

    RuleSet load() throws RuleCompileException {
        return RuleSet.load(resolved(), noCache ? null : RuleSet.defaultCacheDir());
    }

    /**
     * As {@link #load()}, while a second thread initialises the report writers (the JSON library, the report page,
     * then {@code more}, e.g. a batch's spreadsheet and summary page) that the command needs next: the rules take the longest
     * part of a command's start-up, and a second core is otherwise idle then. The warm-up's failures are ignored (the
     * real rendering reports its own).
     */
    RuleSet loadWhileWarmingUp(Runnable... more) throws RuleCompileException {
        Thread warmUp = new Thread(() -> {
            try {
                JsonReport.warmUp();
                HtmlReport.warmUp();
                for (Runnable r : more) r.run();
            } catch (RuntimeException | LinkageError e) {
                // nothing lost: the first real page initialises them again and reports any error itself
            }
        }, "nianbao-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
        return load();
    }

    /** The rule set, or null after printing why it does not compile (the caller exits with {@link Main#USAGE}). */
    RuleSet loadOrReport(PrintWriter err) {
        try {
            return load();
        } catch (RuleCompileException e) {
            print(e, err);
            return null;
        }
    }

    Grading grading() throws IOException {
        return Grading.load(resolved());
    }

    /** The default "rules" falls back to the installation's rules/ when run from another folder. */
    Path resolved() {
        String home = System.getenv("NIANBAO_HOME");
        if (!java.nio.file.Files.isDirectory(dir) && !dir.isAbsolute() && dir.toString().equals("rules") && home != null) {
            return Path.of(home, "rules");
        }
        return dir;
    }

    static void print(RuleCompileException e, PrintWriter err) {
        err.println(e.getMessage());
        for (RuleError r : e.errors()) err.println(r);
    }
}
