package nianbao.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench --inputs DIR}: a user's batch made of real files copied to N. */
class ReplicateBenchTest {
    @TempDir
    Path tmp;

    @Test
    void realFilesAreCopiedRoundRobinKeepingTheirNamesAndBytes() throws IOException {
        // a folder of our own: nested, a hidden file, two forms of one report
        Path from = Files.createDirectories(tmp.resolve("from/sub"));
        Path sample = Path.of("samples").resolve("002_dfcf094cd729cac8.txt");
        Files.copy(sample, tmp.resolve("from/a.txt"));
        Files.writeString(from.resolve("b.html"), "<html><body><p>" + Files.readString(sample, StandardCharsets.UTF_8) + "</p></body></html>",
                StandardCharsets.UTF_8);
        Files.writeString(tmp.resolve("from/.hidden"), "x");
        List<Path> out = Generator.replicate(tmp.resolve("from"), tmp.resolve("in"), 11);
        assertThat(out).hasSize(11);
        try (Stream<Path> s = Files.list(tmp.resolve("in"))) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted())
                    .hasSize(11).allMatch(n -> n.matches("\\d{2}_(a\\.txt|b\\.html)"))
                    .filteredOn(n -> n.endsWith("b.html")).hasSize(5);
        }
        assertThat(tmp.resolve("in/00_a.txt")).hasSameBinaryContentAs(sample);
        assertThat(tmp.resolve("in/09_b.html")).hasSameBinaryContentAs(from.resolve("b.html"));
        assertThatThrownBy(() -> Generator.replicate(Files.createDirectories(tmp.resolve("empty")), tmp.resolve("in2"), 3))
                .isInstanceOf(IOException.class);
    }

    @Test
    void benchRunsOverReplicatedRealReports() {
        Path work = tmp.resolve("bench");
        nianbao.CliRun.Result r = nianbao.CliRun.run("bench", "--inputs", "samples", "-n", "7", "--runs", "1", "-j", "2",
                "--dir", work.toString(), "--no-cache");
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("replicated samples to 7 reports").contains("run 1: 7 reports (0 failed)");
        assertThat(work.resolve("in")).isDirectoryContaining(p -> p.getFileName().toString().startsWith("6_"));
    }
}
