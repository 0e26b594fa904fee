package nianbao.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Output file stems: the input name without extension, made safe for any file system and shell
 * (no path separators, no "..", no leading dot or dash, no shell metacharacters, no Windows device
 * names such as CON or LPT1, at most {@value #MAX_BYTES} UTF-8 bytes), and distinct within one run.
 * Letters and digits of any script stay, so Chinese names remain readable.
 */
public final class OutputNames {
    /** ext4 and most file systems allow 255 bytes per name; leave room for "-NN.html". */
    static final int MAX_BYTES = 150;
    private static final Pattern WINDOWS_DEVICE = Pattern.compile("(?i)(con|prn|aux|nul|com[0-9]|lpt[0-9]|conin\\$|conout\\$)(\\..*)?");

    private final Set<String> used = new HashSet<>();

    public static String safeStem(Path input) {
        Path fileName = input == null ? null : input.getFileName();
        String name = fileName == null ? "" : fileName.toString();
        // Some inputs arrive with Windows separators inside a Unix name: only the last part is a name.
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String safe = stem.replaceAll("[^\\p{L}\\p{N}._-]+", "_")
                .replaceAll("\\.{2,}", "_")          // no ".." anywhere
                .replaceAll("^[._-]+", "")            // no hidden files, nothing that looks like an option
                .replaceAll("[._ ]+$", "");           // Windows drops trailing dots
        safe = truncate(safe);
        if (safe.isEmpty()) safe = "report";
        if (WINDOWS_DEVICE.matcher(safe).matches()) safe = safe + "_";
        return safe;
    }

    private static String truncate(String s) {
        if (s.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES) return s;
        StringBuilder sb = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int n = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + n > MAX_BYTES) break;
            sb.appendCodePoint(cp);
            bytes += n;
            i += Character.charCount(cp);
        }
        return sb.toString().replaceAll("[._-]+$", "");
    }

    /** A stem not yet handed out in this run (case-insensitively, for Windows and macOS). */
    public synchronized String allocate(Path input) {
        String base = safeStem(input), stem = base;
        for (int i = 2; !used.add(stem.toLowerCase(Locale.ROOT)); i++) stem = base + "-" + i;
        return stem;
    }
}
