package nianbao.report;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Output file stems: the input name without extension, made safe for any file system (no path
 * separators, no "..", no shell metacharacters), and distinct within one run.
 */
public final class OutputNames {
    private final Set<String> used = new HashSet<>();

    public static String safeStem(Path input) {
        String name = input.getFileName() == null ? "report" : input.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String safe = stem.replaceAll("[^\\p{L}\\p{N}._-]+", "_").replaceAll("^[._]+", "");
        if (safe.isEmpty()) safe = "report";
        return safe.length() > 100 ? safe.substring(0, 100) : safe;
    }

    /** A stem not yet handed out in this run (case-insensitively, for Windows and macOS). */
    public synchronized String allocate(Path input) {
        String base = safeStem(input), stem = base;
        for (int i = 2; !used.add(stem.toLowerCase(Locale.ROOT)); i++) stem = base + "-" + i;
        return stem;
    }
}
