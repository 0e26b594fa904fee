package nianbao.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import nianbao.report.AtomicFiles;

/**
 * What --resume trusts: a log {@code DIR/.nianbao-state/completed.jsonl} with one JSON line per
 * completed input, appended after both of its outputs are in place. An input is skipped only when
 * its bytes (sha256), the rule set fingerprint and the manifest overrides are unchanged and both
 * outputs still exist with the recorded sizes.
 *
 * <p>One appended line per input instead of one state file: creating files is what a batch spends
 * most of its system time on. A kill can cut the last line short; such a line does not parse and
 * is ignored, so that input is simply audited again. When a batch has gone through all its inputs,
 * the log is rewritten (atomically) with one line per input of that batch.
 */
final class BatchState implements Closeable {
    static final String DIR = ".nianbao-state";
    static final String LOG = "completed.jsonl";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The state of one completed input; the passages are kept so that copied text is found without re-reading. */
    record Entry(String stem, String source, String sha256, String rules, String overrides, long jsonBytes, long htmlBytes,
                 long[] passageHashes, int[] passageLengths) {}

    private final Path log;
    private final Map<String, Entry> earlier;                               // from the log of an earlier run (--resume)
    private final Map<String, Entry> completed = new ConcurrentHashMap<>();  // this batch's inputs, kept or audited
    private final FileChannel appender;

    private BatchState(Path log, Map<String, Entry> earlier) throws IOException {
        this.log = log;
        this.earlier = earlier;
        Files.createDirectories(log.getParent());
        this.appender = FileChannel.open(log, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        // A line cut short by a kill must not swallow the first line appended now.
        if (appender.size() > 0 && !endsWithNewline(log)) appender.write(ByteBuffer.wrap(new byte[] {'\n'}));
    }

    /** Opens the log of {@code outDir}: continued with --resume, else started afresh. */
    static BatchState open(Path outDir, boolean resume) throws IOException {
        Path log = outDir.resolve(DIR).resolve(LOG);
        if (!resume) {
            Files.deleteIfExists(log);
            return new BatchState(log, Map.of());
        }
        return new BatchState(log, read(log));
    }

    /** The complete lines of a log, the last line of each input winning; a torn or damaged line is skipped. */
    static Map<String, Entry> read(Path log) throws IOException {
        Map<String, Entry> out = new HashMap<>();
        if (!Files.isRegularFile(log)) return out;
        // Decoded leniently: a kill can cut the last line inside a multi-byte character (stems are often Chinese).
        for (String line : new String(Files.readAllBytes(log), StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank()) continue;
            try {
                Entry e = MAPPER.readValue(line, Entry.class);
                if (e.stem() != null) out.put(e.stem(), e);
            } catch (IOException | RuntimeException torn) {
                // cut short by a kill, or edited by hand: that input is audited again
            }
        }
        return out;
    }

    /** Records an audited input: one line, written in one call, so that parallel workers never interleave. */
    void completed(Entry e) throws IOException {
        completed.put(e.stem(), e);
        byte[] json = MAPPER.writeValueAsBytes(e);
        byte[] line = Arrays.copyOf(json, json.length + 1);
        line[json.length] = '\n';
        synchronized (appender) {
            ByteBuffer b = ByteBuffer.wrap(line);
            while (b.hasRemaining()) appender.write(b);
        }
    }

    /** Records an input kept from an earlier run (its line is already in the log). */
    void kept(Entry e) {
        completed.put(e.stem(), e);
    }

    /** The earlier state, if it exists and matches; else null (the input is audited again). */
    Entry reusable(String stem, String sha256, String rules, String overrides, Path outDir) {
        Entry e = earlier.get(stem);
        if (e == null || !sha256.equals(e.sha256()) || !rules.equals(e.rules()) || !overrides.equals(e.overrides())) return null;
        try {
            Path json = outDir.resolve(stem + ".json"), html = outDir.resolve(stem + ".html");
            if (!Files.isRegularFile(json) || Files.size(json) != e.jsonBytes()) return null;
            if (!Files.isRegularFile(html) || Files.size(html) != e.htmlBytes()) return null;
            return e;
        } catch (IOException ex) {
            return null;
        }
    }

    /** After the last input: rewrites the log with one line per input of this batch, so that resumes do not grow it. */
    void finish() throws IOException {
        close();
        StringBuilder sb = new StringBuilder();
        for (Entry e : new TreeMap<>(completed).values()) sb.append(MAPPER.writeValueAsString(e)).append('\n');
        AtomicFiles.write(log, sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Closes the log as it is (a batch that stops early keeps every line it has). */
    @Override
    public void close() throws IOException {
        synchronized (appender) {
            appender.close();
        }
    }

    private static boolean endsWithNewline(Path file) throws IOException {
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer last = ByteBuffer.allocate(1);
            c.read(last, c.size() - 1);
            return last.get(0) == '\n';
        }
    }
}
