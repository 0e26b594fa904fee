package nianbao.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code ./nianbao}. Exit codes (contract.md): 0 ok, 1 an input failed, 2 usage or rules error. */
@Command(name = "nianbao", mixinStandardHelpOptions = true, version = "nianbao 0.1.0",
        description = {"政府信息公开工作年度报告合规审核 / compliance auditor for government information-disclosure annual reports"},
        subcommands = {AuditCommand.class, BatchCommand.class, BatchCommand.Bench.class, RulesCommand.class, EvalCommand.class})
public final class Main implements Runnable {
    static final int OK = 0, INPUT_FAILED = 1, USAGE = 2;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (tests call this instead of main). */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        cl.setErr(new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        cl.setExitCodeExceptionMapper(e -> USAGE);
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("错误 / error: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return USAGE;
        });
        return cl.execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
