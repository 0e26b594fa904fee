package nianbao.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nianbao.report.AtomicFiles;

/**
 * What --resume trusts: for each completed input a small state file
 * {@code DIR/.nianbao-state/<stem>.json}, written atomically after both outputs are in place.
 * An input is skipped only when its bytes (sha256), the rule set fingerprint and the manifest
 * overrides are unchanged and both outputs still exist with the recorded sizes.
 */
final class BatchState {
    static final String DIR = ".nianbao-state";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The state of one completed input; the passages are kept so that copied text is found without re-reading. */
    record Entry(String source, String sha256, String rules, String overrides, long jsonBytes, long htmlBytes,
                 long[] passageHashes, int[] passageLengths) {}

    private final Path dir;

    BatchState(Path outDir) {
        this.dir = outDir.resolve(DIR);
    }

    Path file(String stem) {
        return dir.resolve(stem + ".json");
    }

    void write(String stem, Entry e) throws IOException {
        AtomicFiles.write(file(stem), MAPPER.writeValueAsBytes(e));
    }

    /** The state, if it exists and matches; else null (the input is audited again). */
    Entry reusable(String stem, String sha256, String rules, String overrides, Path outDir) {
        Path f = file(stem);
        if (!Files.isRegularFile(f)) return null;
        try {
            Entry e = MAPPER.readValue(f.toFile(), Entry.class);
            if (!sha256.equals(e.sha256()) || !rules.equals(e.rules()) || !overrides.equals(e.overrides())) return null;
            for (var out : List.of(new Object[] {".json", e.jsonBytes()}, new Object[] {".html", e.htmlBytes()})) {
                Path p = outDir.resolve(stem + out[0]);
                if (!Files.isRegularFile(p) || Files.size(p) != (long) out[1]) return null;
            }
            return e;
        } catch (IOException | RuntimeException ex) {
            return null;   // unreadable state: audit again
        }
    }
}
