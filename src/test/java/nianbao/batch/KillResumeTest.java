package nianbao.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nianbao.TestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real batch process killed with SIGKILL midway, then finished with --resume. */
class KillResumeTest {
    @TempDir
    Path tmp;

    @Test
    void aKilledBatchIsFinishedByResumeWithoutRedoingCompletedFiles() throws Exception {
        Path in = tmp.resolve("in");
        int n = 60;
        Generator.generate(TestSupport.SAMPLES, in, n, 1);
        Path out = tmp.resolve("out");
        Path log = out.resolve(BatchState.DIR).resolve(BatchState.LOG);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "nianbao.cli.Main",
                "batch", in.toString(), "-o", out.toString(), "-j", "1", "--no-cache")
                .redirectErrorStream(true).redirectOutput(tmp.resolve("log.txt").toFile()).start();
        // Wait (bounded) until some files are complete, then kill without warning.
        for (int i = 0; i < 1200 && p.isAlive() && completedStems(log).size() < 5; i++) Thread.sleep(100);
        p.destroyForcibly().waitFor();

        Map<String, FileTime> completed = new HashMap<>();
        for (String stem : completedStems(log)) completed.put(stem, Files.getLastModifiedTime(out.resolve(stem + ".json")));
        assertThat(completed).as("the batch ran long enough to complete some files").isNotEmpty();

        BatchRunner.Result r = BatchTestSupport.run(in, out, true);
        assertThat(r.rows()).hasSize(n).noneMatch(Row::failed);
        assertThat(r.skipped()).isEqualTo(completed.size());
        assertThat(r.audited()).isEqualTo(n - completed.size());
        for (Row row : r.rows()) {
            assertThat(row.skipped()).isEqualTo(completed.containsKey(row.stem()));
            if (row.skipped()) assertThat(Files.getLastModifiedTime(out.resolve(row.stem() + ".json"))).isEqualTo(completed.get(row.stem()));
            assertThat(BatchTestSupport.json(out.resolve(row.stem() + ".json")).path("score").isInt()).isTrue();
            assertThat(Files.readString(out.resolve(row.stem() + ".html"), StandardCharsets.UTF_8)).contains("</html>");
        }
        try (Stream<Path> s = Files.list(out)) {
            assertThat(s.map(x -> x.getFileName().toString()).filter(x -> x.endsWith(".tmp")).toList()).isEmpty();
        }
        assertThat(BatchTestSupport.json(out.resolve("summary.json")).path("reports")).hasSize(n);
    }

    /** Stems on the complete lines of the state log (a line the kill cut short does not parse). */
    private static List<String> completedStems(Path log) throws Exception {
        if (!Files.isRegularFile(log)) return List.of();
        List<String> out = new java.util.ArrayList<>();
        // decoded leniently: the kill may have cut the last line inside a Chinese character
        for (String line : new String(Files.readAllBytes(log), StandardCharsets.UTF_8).split("\n")) {
            try {
                out.add(new com.fasterxml.jackson.databind.ObjectMapper().readTree(line).get("stem").asText());
            } catch (Exception torn) {
                // the line being appended when the process was killed
            }
        }
        return out;
    }

}
