package nianbao.parse.tables;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import nianbao.ingest.Block;
import nianbao.ingest.GridCell;
import nianbao.ingest.TableBlock;
import nianbao.ingest.TextBlock;
import nianbao.parse.Debris;
import nianbao.parse.Normalizer;

/**
 * Cuts a document into {@link Item}s, one per table cell, for every layout the samples show:
 * HTML grids, pipe rows (markdown or HTML-to-text with one cell per line), tab rows, and one cell per line.
 */
final class Tokens {
    private Tokens() {}

    private static final Pattern NUMBER = Pattern.compile("[+\\-]?\\d[\\d,]*(\\.\\d+)?(万元|元)?");
    /** Placeholders people type into a cell instead of a number; kept as unreadable values, not labels. */
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern PLACEHOLDER = Pattern.compile("无|/|-|--|—|——|x|X|×|空|\\?");

    /** @param debris whether a text line is page furniture (the parser knows it already) */
    static List<Item> of(List<Block> blocks, java.util.function.Predicate<String> debris) {
        List<Item> out = new ArrayList<>();
        boolean prevTab = false;
        for (Block b : blocks) {
            if (b instanceof TableBlock tb) {
                for (List<GridCell> row : tb.rows()) {
                    for (GridCell c : row) if (c.origin()) out.add(item(c.text(), c.line()));
                }
                prevTab = false;
            } else if (b instanceof TextBlock t) {
                String s = t.text();
                if (s.isEmpty()) continue;
                // Page furniture ("— 3 —", "第3页共9页", share bars) is no cell; converter comments are no text.
                if (debris.test(s)) continue;
                s = Debris.stripText(s);
                if (isBlankish(s)) {
                    // A line holding a single space (or tab) is an empty cell; longer runs are indentation.
                    if (s.length() == 1) out.add(new Item(Item.Kind.BLANK, "", "", t.line()));
                    continue;
                }
                if (s.indexOf('|') >= 0) {
                    pipeRow(s, t.line(), out);
                    prevTab = false;
                } else if (s.indexOf('\t') >= 0) {
                    String[] parts = s.split("\t", -1);
                    for (int i = 0; i < parts.length; i++) {
                        if (i == 0 && parts[0].isBlank()) continue; // indentation
                        out.add(item(parts[i], t.line()));
                    }
                    prevTab = s.startsWith("\t");
                } else {
                    Item it = item(s, t.line());
                    Item last = out.isEmpty() ? null : out.get(out.size() - 1);
                    // Word-to-text breaks a header cell over lines ("\t商业" / "企业"): the untabbed tail belongs to it.
                    if (prevTab && it.isText() && last != null && last.isText() && it.norm().length() <= 6) {
                        out.set(out.size() - 1, new Item(Item.Kind.TEXT, last.raw() + it.raw(), last.norm() + it.norm(), last.line()));
                    } else out.add(it);
                    prevTab = false;
                }
            }
        }
        return out;
    }

    private static boolean isBlankish(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(Character.isWhitespace(c) || Character.isSpaceChar(c))) return false;
        }
        return true;
    }

    private static void pipeRow(String s, int line, List<Item> out) {
        String t = s.strip();
        if (t.matches("[|\\s:\\-]*")) return; // row delimiters, stray "||||", markdown rule lines
        if (t.startsWith("|")) t = t.substring(1);
        if (t.endsWith("|")) t = t.substring(0, t.length() - 1);
        for (String part : t.split("\\|", -1)) out.add(item(part, line));
    }

    static Item item(String raw, int line) {
        String r = raw.replace('\u00A0', ' ').strip();
        String n = Normalizer.norm(r);
        if (n.isEmpty()) return new Item(Item.Kind.BLANK, "", "", line);
        if (isValue(r)) return new Item(Item.Kind.VALUE, r, n, line);
        return new Item(Item.Kind.TEXT, r, n, line);
    }

    /** One number, several numbers separated by spaces, or a placeholder. */
    static boolean isValue(String r) {
        String nf = Normalizer.nfkc(r).strip();
        if (nf.length() > 2 && !hasDigit(nf)) return false;   // most cells are labels: no placeholder is that long
        if (PLACEHOLDER.matcher(nf).matches()) return true;
        for (String p : SPACES.split(nf)) if (!NUMBER.matcher(p).matches()) return false;
        return true;
    }

    /** An ASCII digit anywhere (after NFKC every digit a report writes is one): cheaper than a regex miss. */
    static boolean hasDigit(String s) {
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) >= '0' && s.charAt(i) <= '9') return true;
        return false;
    }
}
