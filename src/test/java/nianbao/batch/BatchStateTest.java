package nianbao.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The --resume log: torn lines, parallel appends, compaction. */
class BatchStateTest {
    @TempDir
    Path out;

    private static BatchState.Entry entry(String stem, String sha) {
        return new BatchState.Entry(stem, "in/" + stem + ".txt", sha, "rules", "", 10, 20, new long[] {1, 2}, new int[] {30, 40});
    }

    private Path log() {
        return out.resolve(BatchState.DIR).resolve(BatchState.LOG);
    }

    @Test
    void aLineCutShortByAKillIsSkippedAndDoesNotSwallowTheNextOne() throws Exception {
        try (BatchState s = BatchState.open(out, false)) {
            s.completed(entry("a", "1"));
        }
        // a kill in the middle of appending b's line
        Files.writeString(log(), Files.readString(log()) + "{\"stem\":\"b\",\"sha2", StandardCharsets.UTF_8);
        assertThat(BatchState.read(log())).containsOnlyKeys("a");

        try (BatchState s = BatchState.open(out, true)) {
            s.completed(entry("c", "3"));
        }   // closed without finish(): killed again, nothing compacted
        assertThat(BatchState.read(log())).containsOnlyKeys("a", "c");
        assertThat(BatchState.read(log()).get("c").passageLengths()).containsExactly(30, 40);
    }

    @Test
    void aLineCutInsideAChineseCharacterIsSkippedToo() throws Exception {
        try (BatchState s = BatchState.open(out, false)) {
            s.completed(entry("县政府", "1"));
        }
        byte[] torn = "{\"stem\":\"县人民".getBytes(StandardCharsets.UTF_8);
        byte[] whole = Files.readAllBytes(log());
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length + torn.length - 1);   // the last character loses a byte
        System.arraycopy(torn, 0, cut, whole.length, torn.length - 1);
        Files.write(log(), cut);
        assertThat(BatchState.read(log())).containsOnlyKeys("县政府");
        try (BatchState s = BatchState.open(out, true)) {
            assertThat(s.reusable("县政府", "1", "rules", "", out)).isNull();   // no outputs here: the entry is read, not reused
            s.completed(entry("镇政府", "2"));
        }
        assertThat(BatchState.read(log())).containsOnlyKeys("县政府", "镇政府");
    }

    @Test
    void theLastLineOfAnInputWinsAndFinishKeepsOneLinePerInputOfTheBatch() throws Exception {
        try (BatchState s = BatchState.open(out, false)) {
            s.completed(entry("a", "1"));
            s.completed(entry("gone", "9"));
            s.finish();
        }
        try (BatchState s = BatchState.open(out, true)) {
            s.completed(entry("a", "2"));      // audited again: input changed
            assertThat(BatchState.read(log()).get("a").sha256()).isEqualTo("2");
            s.finish();                         // "gone" was not part of this batch
        }
        assertThat(Files.readAllLines(log(), StandardCharsets.UTF_8)).hasSize(1);
        assertThat(BatchState.read(log())).containsOnlyKeys("a");
    }

    @Test
    void withoutResumeTheLogStartsAfresh() throws Exception {
        try (BatchState s = BatchState.open(out, false)) {
            s.completed(entry("a", "1"));
        }
        try (BatchState s = BatchState.open(out, false)) {
            assertThat(s.reusable("a", "1", "rules", "", out)).isNull();
        }
        assertThat(BatchState.read(log())).isEmpty();
    }

    @Test
    void parallelAppendsNeverInterleave() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (BatchState s = BatchState.open(out, false)) {
            for (int i = 0; i < 400; i++) {
                String stem = "s" + i;
                pool.submit(() -> {
                    s.completed(entry(stem, "x".repeat(5000)));   // long lines: one write each must stay whole
                    return null;
                });
            }
            pool.shutdown();
            assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }
        List<String> lines = Files.readAllLines(log(), StandardCharsets.UTF_8);
        assertThat(lines).hasSize(400);
        assertThat(BatchState.read(log())).hasSize(400);
    }

    @Test
    void anEntryIsReusableOnlyWhileItsOutputsHaveTheRecordedSizes() throws Exception {
        Files.write(out.resolve("a.json"), new byte[10]);
        Files.write(out.resolve("a.html"), new byte[20]);
        try (BatchState s = BatchState.open(out, false)) {
            s.completed(entry("a", "1"));
            s.finish();
        }
        try (BatchState s = BatchState.open(out, true)) {
            assertThat(s.reusable("a", "1", "rules", "", out)).isNotNull();
            assertThat(s.reusable("a", "2", "rules", "", out)).isNull();          // input changed
            assertThat(s.reusable("a", "1", "other rules", "", out)).isNull();    // rules changed
            assertThat(s.reusable("a", "1", "rules", "region", out)).isNull();    // manifest changed
            Files.write(out.resolve("a.html"), new byte[19]);                       // output damaged
            assertThat(s.reusable("a", "1", "rules", "", out)).isNull();
        }
    }
}
