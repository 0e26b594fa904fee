package nianbao.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import nianbao.CliRun;

/** Runs the real command line in-process and captures what it prints; copies the shipped rules/ for editing. */
final class RulesCli {
    /** The shared in-process command line; kept under this name for the rules tests. */
    static CliRun.Result run(String... args) {
        return CliRun.run(args);
    }

    /** A copy of the shipped rules/ (tests included) under {@code tmp}. */
    static Path copyRules(Path tmp) throws IOException {
        Path src = Path.of("rules"), dst = tmp.resolve("rules");
        try (Stream<Path> s = Files.walk(src)) {
            for (Path p : s.sorted(Comparator.naturalOrder()).toList()) {
                Path t = dst.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
        return dst;
    }
}
