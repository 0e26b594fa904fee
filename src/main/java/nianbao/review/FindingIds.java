package nianbao.review;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nianbao.model.Finding;
import nianbao.model.Location;
import nianbao.model.Report;
import nianbao.model.SourceLine;

/**
 * Stable finding ids (问题编号).
 *
 * <p>An id is {@code F-} and the first 12 hex digits of the SHA-256 of
 * <pre>content | code | section | table | row | col | line text | evidence</pre>
 * where <em>content</em> is the SHA-256 of the report's text normalised (NFKC, all white space and
 * invisible characters removed), <em>line text</em> is the normalised text of the source line the
 * finding points at (its text, not its number, so a blank line added above does not move it) and
 * <em>evidence</em> is the normalised quoted evidence. Nothing else goes in: not the file name or
 * path (a renamed or moved file keeps its ids), not the encoding or line breaks (normalised away),
 * not the message, title, severity or points (rule wording and weights change; the finding stays the
 * same). Two findings with the same key in one report (rare: the same code on two identical lines)
 * get {@code -2}, {@code -3}… in their order in the report.
 *
 * <p>Manual findings (sheet 补充问题) get {@code M-} and 12 hex digits of the SHA-256 of
 * {@code file | code | message | location} as the reviewer typed them.
 */
public final class FindingIds {
    private FindingIds() {}

    /** Ids for the findings of one report, in the same order. */
    public static List<String> assign(Report report, List<Finding> findings) {
        String content = contentHash(report);
        Map<Integer, String> lineTexts = new HashMap<>();
        for (SourceLine l : report.lines()) lineTexts.putIfAbsent(l.no(), l.text());
        Map<String, Integer> seen = new HashMap<>();
        List<String> ids = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            Location l = f.location();
            String lineText = l.line() == null ? "" : normalise(lineTexts.getOrDefault(l.line(), ""));
            String key = String.join("|", content, f.code(), nz(l.section()), nz(l.table()), nz(l.row()), nz(l.col()),
                    lineText, normalise(f.evidence()));
            String id = "F-" + sha256(key).substring(0, 12);
            int n = seen.merge(id, 1, Integer::sum);
            ids.add(n == 1 ? id : id + "-" + n);
        }
        return ids;
    }

    /** The id of a finding a reviewer added by hand. */
    public static String manual(String file, String code, String message, String location) {
        return "M-" + sha256(String.join("|", normalise(file), normalise(code), normalise(message), normalise(location))).substring(0, 12);
    }

    /** SHA-256 of the report's normalised text: the same for a re-encoded, re-wrapped, renamed or moved copy. */
    public static String contentHash(Report r) {
        String text = r.text() != null ? r.text() : r.lines().stream().map(SourceLine::text).collect(Collectors.joining("\n"));
        return sha256(normalise(text));
    }

    /** NFKC, then every white-space, control and zero-width character removed. */
    static String normalise(String s) {
        if (s == null || s.isEmpty()) return "";
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC);
        StringBuilder b = new StringBuilder(n.length());
        // char by char: no supplementary character is white space, a space or a control, so a surrogate is never dropped
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (!dropped(c)) b.append(c);
        }
        return b.toString();
    }

    /** White space, space separators, controls and the invisible characters: left out of the text an id is made of. */
    static boolean dropped(char c) {
        // ASCII letters, digits and signs, and everything from after the ideographic space to before the BOM (CJK
        // text), are none of them: decided without the character tables (this runs over every report's whole text)
        if (c > ' ' && c < 0x7F || c > 0x3000 && c < 0xFEFF) return false;
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)
                || c == 0x200B || c == 0x200C || c == 0x200D || c == 0xFEFF || c == 0x00AD;
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String nz(String s) { return s == null ? "" : s; }
}
