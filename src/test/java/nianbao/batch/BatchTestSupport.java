package nianbao.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import nianbao.TestSupport;
import nianbao.score.Grading;

/** Runs batches in-process on the shared test rule base. */
final class BatchTestSupport {
    static final ObjectMapper JSON = new ObjectMapper();

    private BatchTestSupport() {}

    static BatchRunner.Result run(Path in, Path out, boolean resume, Manifest manifest, Duration timeout) throws IOException {
        Grading grading = Grading.load(TestSupport.RULES);
        return new BatchRunner(TestSupport.auditor(), grading).run(
                new BatchRunner.Options(in, out, 2, timeout, null, resume, false), manifest, new PrintWriter(new StringWriter()));
    }

    static BatchRunner.Result run(Path in, Path out, boolean resume) throws IOException {
        return run(in, out, resume, Manifest.EMPTY, Duration.ofSeconds(60));
    }

    /** A folder holding copies of all samples. */
    static Path samplesCopy(Path dir) throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        try (var s = Files.list(TestSupport.SAMPLES)) {
            for (Path p : s.toList()) Files.copy(p, in.resolve(p.getFileName()));
        }
        return in;
    }

    static JsonNode json(Path p) throws IOException {
        return JSON.readTree(p.toFile());
    }

    static String sampleWith(String prefix, String... fromTo) {
        String t = TestSupport.text(prefix);
        for (int i = 0; i < fromTo.length; i += 2) {
            if (!t.contains(fromTo[i])) throw new IllegalArgumentException("sample " + prefix + " has no: " + fromTo[i]);
            t = t.replace(fromTo[i], fromTo[i + 1]);
        }
        return t;
    }

    static void write(Path p, String text) throws IOException {
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }
}
