package nianbao.hostile;

import nianbao.CliRun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import nianbao.TestSupport;
import nianbao.report.AtomicFiles;
import nianbao.report.OutputNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Output names stay inside the output folder; writes are all-or-nothing; an unwritable folder stops the run first. */
class OutputSafetyTest {

    @Test
    void safeStemNeutralisesTraversalSeparatorsHiddenNamesAndDevices() {
        assertThat(stem("003_a649cb153f94700b.txt")).isEqualTo("003_a649cb153f94700b");
        assertThat(stem("年报 2021 (终稿).txt")).isEqualTo("年报_2021_终稿");
        assertThat(stem("..")).isEqualTo("report");
        assertThat(stem("...txt")).isEqualTo("report");
        assertThat(stem("..年报..txt")).isEqualTo("年报");
        assertThat(stem("a..b.txt")).isEqualTo("a_b");
        assertThat(stem(".hidden.txt")).isEqualTo("hidden");
        assertThat(stem("-rf --help.txt")).isEqualTo("rf_--help");
        assertThat(stem("..\\..\\evil.txt")).isEqualTo("evil");
        assertThat(stem("$(touch pwned).txt")).isEqualTo("touch_pwned");
        assertThat(stem("a;b|c&d`id`'\"x.txt")).isEqualTo("a_b_c_d_id_x");
        assertThat(stem("CON.txt")).isEqualTo("CON_");
        assertThat(stem("lpt1.html")).isEqualTo("lpt1_");
        assertThat(stem("nul.tar.gz")).isEqualTo("nul.tar_");
        assertThat(stem("Console.txt")).isEqualTo("Console");
        assertThat(stem("报告。.txt")).isEqualTo("报告");
        assertThat(stem("a\tb\nc.txt")).isEqualTo("a_b_c");
        String longName = "政".repeat(200) + ".txt";
        assertThat(stem(longName).getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(150);
        assertThat(stem(longName)).matches("政+");
    }

    @Test
    void everyStemResolvesInsideTheOutputFolderAndIsUniqueIgnoringCase(@TempDir Path out) {
        OutputNames names = new OutputNames();
        List<String> inputs = List.of("../../etc/passwd", "/etc/passwd", "a/b/../../c.txt", "Report.txt", "report.TXT", "REPORT.html",
                "..", ".", "~/.bashrc", "C:\\Windows\\system32\\cmd.exe", "CON", "aux.json");
        List<String> stems = inputs.stream().map(i -> names.allocate(Path.of(i))).toList();
        for (String s : stems) {
            for (String ext : new String[] {".json", ".html"}) {
                Path p = out.resolve(s + ext).normalize();
                assertThat(p.getParent()).as(s).isEqualTo(out);
                assertThat(p.getFileName().toString()).doesNotStartWith(".");
            }
        }
        assertThat(stems.stream().map(String::toLowerCase).distinct().count()).isEqualTo(stems.size());
        assertThat(stems).contains("Report", "report-2", "REPORT-3", "passwd", "passwd-2", "CON_", "aux_");
    }

    @Test
    void aFailedWriteLeavesNeitherAPartialTargetNorATempFile(@TempDir Path dir) throws IOException {
        // The rename fails: a non-empty folder sits where the file should go.
        Path target = dir.resolve("r.json");
        Files.createDirectories(target.resolve("keep"));
        assertThatThrownBy(() -> AtomicFiles.write(target, "new".getBytes())).isInstanceOf(IOException.class);
        assertThat(target).isDirectory();
        assertThat(target.resolve("keep")).isDirectory();
        assertThat(leftovers(dir)).isEmpty();

        // The folder cannot be created: its parent is a regular file.
        Path file = dir.resolve("plain");
        Files.writeString(file, "x");
        assertThatThrownBy(() -> AtomicFiles.write(file.resolve("r.json"), "new".getBytes())).isInstanceOf(IOException.class);
        assertThat(Files.readString(file)).isEqualTo("x");

        // The name is too long for the file system: nothing at all is created, the old file stays.
        Path old = dir.resolve("old.json");
        Files.writeString(old, "old");
        assertThatThrownBy(() -> AtomicFiles.write(dir.resolve("x".repeat(300) + ".json"), "new".getBytes())).isInstanceOf(IOException.class);
        assertThat(Files.readString(old)).isEqualTo("old");
        assertThat(leftovers(dir)).isEmpty();
    }

    @Test
    void aReaderNeverSeesAHalfWrittenFile(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("big.json");
        byte[] a = new byte[4 << 20], b = new byte[4 << 20];
        Arrays.fill(a, (byte) 'a');
        Arrays.fill(b, (byte) 'b');
        AtomicFiles.write(target, a);
        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger reads = new AtomicInteger(), torn = new AtomicInteger();
        Thread reader = new Thread(() -> {
            while (!done.get()) {
                try {
                    byte[] r = Files.readAllBytes(target);
                    reads.incrementAndGet();
                    if (r.length != a.length || r[0] != r[r.length - 1]) torn.incrementAndGet();
                } catch (IOException e) {
                    torn.incrementAndGet(); // the file must always exist
                }
            }
        });
        reader.start();
        for (int i = 0; i < 20; i++) AtomicFiles.write(target, i % 2 == 0 ? b : a);
        done.set(true);
        reader.join();
        assertThat(reads.get()).isPositive();
        assertThat(torn.get()).isZero();
        assertThat(leftovers(dir)).isEmpty();
    }

    @Test
    void outputsGetTheSamePermissionsAsAnyFileTheUserWrites(@TempDir Path dir) throws IOException {
        // Reviewers share output folders: an atomic write must not leave the owner-only mode of a temp file.
        Path plain = Files.writeString(dir.resolve("plain.txt"), "x");
        Path atomic = dir.resolve("report.html");
        AtomicFiles.write(atomic, "x".getBytes(StandardCharsets.UTF_8));
        assertThat(Files.getPosixFilePermissions(atomic)).isEqualTo(Files.getPosixFilePermissions(plain));
        AtomicFiles.write(atomic, "y".getBytes(StandardCharsets.UTF_8));
        assertThat(Files.readString(atomic)).isEqualTo("y");
        assertThat(leftovers(dir)).isEmpty();
    }

    @Test
    void anUnwritableOutputFolderStopsTheRunBeforeAnyWork(@TempDir Path dir) throws IOException {
        // Root ignores permission bits, so use a place no one can create a folder: under a regular file.
        Path file = dir.resolve("not-a-folder");
        Files.writeString(file, "x");
        Path out = file.resolve("out");
        CliRun.Result r = CliRun.run("audit", "--no-cache", "-o", out.toString(), TestSupport.sample("001").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("错误 / error: " + out).contains("输出目录不可写", "not writable").doesNotContain("\n");
        assertThat(r.out()).isEmpty();
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.toList()).containsExactly(file);
        }
    }

    private static String stem(String name) {
        return OutputNames.safeStem(Path.of("in").resolve(name.replace('/', '_')));
    }

    private static List<Path> leftovers(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }
}
