package nianbao.eval;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import nianbao.report.AtomicFiles;

/**
 * The levels a corpus evaluation has reached, kept in the repository: counts in {@link Score#BETTER_HIGHER} are
 * minimums, counts in {@link Score#BETTER_LOWER} maximums. A change that makes any count worse fails the build;
 * {@link #raise} records a better level and never lowers one.
 */
public final class Ratchet {
    private Ratchet() {}

    public static Map<String, Integer> read(Path file) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String k : p.stringPropertyNames()) out.put(k, Integer.parseInt(p.getProperty(k).strip()));
        return out;
    }

    /** What got worse than the recorded levels, one line each; empty when nothing did. */
    public static List<String> violations(Score total, Map<String, Integer> levels) {
        List<String> out = new ArrayList<>();
        for (String k : Score.BETTER_HIGHER) {
            Integer min = levels.get(k);
            if (min != null && total.get(k) < min) out.add(k + " fell to " + total.get(k) + " (recorded level " + min + ")");
        }
        for (String k : Score.BETTER_LOWER) {
            Integer max = levels.get(k);
            if (max != null && total.get(k) > max) out.add(k + " rose to " + total.get(k) + " (recorded level " + max + ")");
        }
        return out;
    }

    /** Writes the better of the recorded and the current level of every count; returns what changed. */
    public static List<String> raise(Path file, Score total) throws IOException {
        Map<String, Integer> old = Files.exists(file) ? read(file) : Map.of();
        StringBuilder sb = new StringBuilder("""
                # Corpus evaluation levels reached (./nianbao eval corpus --ratchet corpus/ratchet.properties).
                # The build fails when a count gets worse. Raise levels with --raise after a fix; never lower them.
                # Minimums (may only rise):
                """);
        List<String> changed = new ArrayList<>();
        for (String k : Score.BETTER_HIGHER) {
            int v = Math.max(total.get(k), old.getOrDefault(k, 0));
            if (!old.containsKey(k) || v != old.get(k)) changed.add(k + " " + old.get(k) + " -> " + v);
            sb.append(k).append(" = ").append(v).append('\n');
        }
        sb.append("# Maximums (may only fall; 0 is a hard limit once reached):\n");
        for (String k : Score.BETTER_LOWER) {
            int v = old.containsKey(k) ? Math.min(total.get(k), old.get(k)) : total.get(k);
            if (!old.containsKey(k) || v != old.get(k)) changed.add(k + " " + old.get(k) + " -> " + v);
            sb.append(k).append(" = ").append(v).append('\n');
        }
        AtomicFiles.write(file, sb.toString().getBytes(StandardCharsets.UTF_8));
        return changed;
    }
}
