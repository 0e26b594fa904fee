package nianbao.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * The training run of the launcher's class-data archive ({@code -XX:ArchiveClassesAtExit}): the archive
 * holds the classes this run loads, so it does what users do on the cold path. Usage:
 * {@code Training NIANBAO_HOME WORK_DIR}.
 * <ol>
 *   <li>a batch over {@code samples/} with the shipped rules (every input format, the rule base compiled at build time,
 *       the per-report and summary outputs);</li>
 *   <li>a one-file audit right after a rule edit: a copy of {@code rules/} with a comment added to one file,
 *       built the classic way with the cache off (the compiler's classes).</li>
 * </ol>
 * Outputs go under WORK_DIR; the exit code is the batch's.
 */
public final class Training {
    private Training() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) throw new IllegalArgumentException("usage: Training NIANBAO_HOME WORK_DIR");
        Path home = Path.of(args[0]), work = Path.of(args[1]);
        Path samples = home.resolve("samples"), rules = home.resolve("rules");
        int rc = Main.run("batch", samples.toString(), "-o", work.resolve("batch").toString(), "--rules", rules.toString());
        Path edited = work.resolve("rules");
        List<Path> files;
        try (Stream<Path> s = Files.walk(rules)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        Path drl = null;
        for (Path f : files) {
            Path to = edited.resolve(rules.relativize(f).toString());
            Files.createDirectories(to.getParent());
            Files.copy(f, to);
            if (drl == null && to.getFileName().toString().endsWith(".drl")) drl = to;
        }
        Path sample;
        try (Stream<Path> s = Files.list(samples)) {
            sample = s.filter(Files::isRegularFile).sorted().findFirst().orElse(null);
        }
        if (drl != null && sample != null) {
            Files.writeString(drl, "\n// training\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            Main.run("audit", sample.toString(), "-o", work.resolve("audit").toString(), "--rules", edited.toString(), "--no-cache");
        }
        System.exit(rc);
    }
}
