package nianbao.batch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import nianbao.model.Report;
import nianbao.model.SourceLine;
import nianbao.parse.Normalizer;

/**
 * A report's text as a set of passage shingles for finding copied text (内容雷同): each content
 * line of at least {@link #MIN_CHARS} characters, normalised (NFKC, no whitespace, every run of
 * digits as "#", so a copy with this year's numbers still matches), hashed to 64 bits. Only the
 * hashes and lengths are kept, a few KB per report; the quoted text is read again for the
 * pairs that the rules actually report.
 */
public record Passages(long[] hashes, int[] lengths) {
    /** Shorter lines are headings and table rows: shared by every report of a format. */
    public static final int MIN_CHARS = 20;

    public static final Passages NONE = new Passages(new long[0], new int[0]);

    /**
     * From the report's normalised content text (the parser's NFKC lines, debris removed, joined by
     * spaces; normalised text has no whitespace of its own), so no line is normalised twice.
     */
    public static Passages of(Report report) {
        String[] lines = report.text().split(" ");
        long[] h = new long[lines.length];
        int[] len = new int[lines.length];
        int n = 0;
        for (String line : lines) {
            if (line.length() < MIN_CHARS) continue;
            String s = collapseDigits(line);
            if (s.length() < MIN_CHARS) continue;
            h[n] = hash(s);
            len[n++] = s.length();
        }
        // Unique by hash (a line repeated in one report counts once), sorted for merging.
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) idx[i] = i;
        Arrays.sort(idx, Comparator.comparingLong(i -> h[i]));
        long[] hs = new long[n];
        int[] ls = new int[n];
        int m = 0;
        for (int k = 0; k < n; k++) {
            int i = idx[k];
            if (m > 0 && hs[m - 1] == h[i]) continue;
            hs[m] = h[i];
            ls[m++] = len[i];
        }
        return new Passages(Arrays.copyOf(hs, m), Arrays.copyOf(ls, m));
    }

    /** Sum of the lengths of all passages. */
    public int totalChars() {
        int t = 0;
        for (int l : lengths) t += l;
        return t;
    }

    /** The original text of the lines whose passage hash is in {@code shared}, longest first, at most {@code max}. */
    public static List<String> quotes(List<SourceLine> lines, Set<Long> shared, int max, int maxChars) {
        List<String> out = new ArrayList<>();
        List<SourceLine> hits = new ArrayList<>();
        for (SourceLine l : lines) {
            String s = normalise(l.text());
            if (s.length() >= MIN_CHARS && shared.contains(hash(s))) hits.add(l);
        }
        hits.sort(Comparator.comparingInt((SourceLine l) -> -l.text().strip().length()));
        for (SourceLine l : hits) {
            if (out.size() >= max) break;
            String t = l.text().strip();
            out.add(t.length() > maxChars ? t.substring(0, maxChars) + "…" : t);
        }
        return out;
    }

    static String normalise(String text) {
        return collapseDigits(Normalizer.norm(text));
    }

    private static String collapseDigits(String n) {
        StringBuilder sb = new StringBuilder(n.length());
        boolean digit = false;
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (Character.isDigit(c)) {
                if (!digit) sb.append('#');
                digit = true;
            } else {
                sb.append(c);
                digit = false;
            }
        }
        return sb.toString();
    }

    /** 64-bit FNV-1a with a final avalanche: collisions are negligible at a million passages. */
    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }
}
