package nianbao.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits text whose paragraphs were run together into one paragraph per line. Crawled pages and
 * portal exports often lose their line breaks and keep only the paragraph indent: a run of
 * full-width (U+3000) or no-break (U+00A0) spaces, as in {@code …营造了良好的氛围。　　二、主动公开…}.
 *
 * <p>Only long lines are split (a short line with a wide gap is a signature or a table row laid out
 * with spaces, and stays whole), and only at a run of at least two such spaces between two pieces of
 * text, so a run of digits is never cut; a line with no such runs is split where a plain space follows the end of
 * a Chinese sentence (see {@link #SOFT_SEPARATOR}). Each piece keeps its leading spaces, so the pieces joined
 * give back the line exactly.
 *
 * <p>Line numbers: the pieces of one source line get consecutive numbers and every later line is
 * shifted by the pieces inserted before it, so numbers stay unique and in reading order (the
 * report lists the lines with these numbers). Each renumbered line records its physical source
 * line as a place label ("原文第2行"), so a reviewer can still find it in the file.
 */
final class Paragraphs {
    /** A line at least this long (characters) is a candidate for splitting. */
    static final int LONG_LINE = 200;
    /** At least this many separators inside a line before it is taken for run-together paragraphs. */
    static final int MIN_SEPARATORS = 2;
    /** Two or more full-width or no-break spaces, possibly mixed with ASCII spaces and tabs. */
    private static final Pattern SEPARATOR = Pattern.compile("[\\u3000\\u00A0][\\u3000\\u00A0 \\t]*[\\u3000\\u00A0]");
    /**
     * Where a crawler joined lines with a plain space: a space after a Chinese sentence's end, before Chinese text, is
     * a lost line break. Not a space between two words (PDF and OCR text put spaces inside titles and labels), and
     * never next to a digit, so the numbers of a table row laid out with spaces ("160 02 0 018") stay on one line.
     */
    private static final Pattern SOFT_SEPARATOR = Pattern.compile("(?<=[。！？；])[ \\t]+(?=[\\p{IsHan}“「（(])");

    private Paragraphs() {}

    /** The result: blocks renumbered, and the place label of every line whose number changed. */
    record Split(List<Block> blocks, Map<Integer, String> places, int splitLines) {}

    static Split split(List<Block> blocks) {
        List<Block> out = new ArrayList<>(blocks.size());
        Map<Integer, String> places = new LinkedHashMap<>();
        int shift = 0, splitLines = 0;
        for (Block b : blocks) {
            if (!(b instanceof TextBlock t)) {
                out.add(shift == 0 ? b : shifted((TableBlock) b, shift));
                continue;
            }
            List<String> pieces = pieces(t.text());
            if (pieces.size() > 1) splitLines++;
            for (int i = 0; i < pieces.size(); i++) {
                int no = t.line() + shift + i;
                out.add(new TextBlock(no, pieces.get(i)));
                if (no != t.line()) places.put(no, "原文第" + t.line() + "行");
            }
            shift += pieces.size() - 1;
        }
        return new Split(out, places, splitLines);
    }

    /** The paragraphs of one line; the line itself when it is short or has too few separators. */
    static List<String> pieces(String line) {
        if (line.length() < LONG_LINE) return List.of(line);
        int first = 0, last = line.length() - 1;   // first and last characters that are not spaces
        while (first <= last && isSpace(line.charAt(first))) first++;
        while (last >= first && isSpace(line.charAt(last))) last--;
        List<Integer> cuts = new ArrayList<>();
        // each pattern is run only on a line that holds what every match of it starts with
        if (line.indexOf('\u3000') >= 0 || line.indexOf('\u00A0') >= 0) {
            Matcher m = SEPARATOR.matcher(line);
            while (m.find()) {
                if (m.start() > first && m.end() <= last) cuts.add(m.start());
            }
        }
        if (cuts.size() < MIN_SEPARATORS) {
            cuts.clear();
            if (hasSpaceAfterSentence(line)) {
                Matcher soft = SOFT_SEPARATOR.matcher(line);
                while (soft.find()) if (soft.start() > first && soft.end() <= last) cuts.add(soft.start());
            }
        }
        if (cuts.size() < MIN_SEPARATORS) return List.of(line);
        List<String> out = new ArrayList<>(cuts.size() + 1);
        int from = 0;
        for (int c : cuts) {
            out.add(line.substring(from, c));
            from = c;
        }
        out.add(line.substring(from));
        return out;
    }

    /** A sentence's end followed by a space or tab: where every {@link #SOFT_SEPARATOR} match starts. */
    private static boolean hasSpaceAfterSentence(String line) {
        for (int i = 0; i + 1 < line.length(); i++) {
            char c = line.charAt(i), next = line.charAt(i + 1);
            if ((next == ' ' || next == '\t') && "。！？；".indexOf(c) >= 0) return true;
        }
        return false;
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** The block moved down by {@code shift} lines. */
    static Block shift(Block b, int shift) {
        if (shift == 0) return b;
        return b instanceof TableBlock t ? shifted(t, shift) : new TextBlock(b.line() + shift, ((TextBlock) b).text());
    }

    private static TableBlock shifted(TableBlock t, int shift) {
        List<List<GridCell>> rows = new ArrayList<>(t.rows().size());
        for (List<GridCell> row : t.rows()) {
            List<GridCell> r = new ArrayList<>(row.size());
            for (GridCell c : row) r.add(new GridCell(c.text(), c.line() + shift, c.origin()));
            rows.add(r);
        }
        return new TableBlock(t.line() + shift, rows);
    }
}
