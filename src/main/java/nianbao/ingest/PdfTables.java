package nianbao.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nianbao.ingest.PdfReader.Glyph;
import nianbao.ingest.PdfRulings.Rule;

/**
 * Ruled tables from a page's border strokes: connected horizontal and vertical rules form a
 * table; their positions are the grid lines; a missing border between two slots merges them
 * into one cell (the span), whose text goes to the top-left slot and is copied, non-origin,
 * into the others.
 */
final class PdfTables {
    private static final float TOL = 2f;

    private PdfTables() {}

    static List<Region> regions(List<Rule> raw) {
        List<Rule> rules = merge(raw);
        int n = rules.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) parent[i] = i;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                Rule a = rules.get(i), b = rules.get(j);
                if (a.h() != b.h() && crosses(a.h() ? a : b, a.h() ? b : a)) union(parent, i, j);
            }
        }
        Map<Integer, List<Rule>> groups = new HashMap<>();
        for (int i = 0; i < n; i++) groups.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(rules.get(i));
        List<Region> out = new ArrayList<>();
        for (List<Rule> g : groups.values()) {
            List<float[]> xs = snap(g.stream().filter(r -> !r.h()).map(Rule::pos).toList());
            List<float[]> ys = snap(g.stream().filter(Rule::h).map(Rule::pos).toList());
            if (xs.size() >= 2 && ys.size() >= 2) out.add(new Region(g, xs, ys));
        }
        out.sort(Comparator.comparing(Region::top));
        return out;
    }

    private static boolean crosses(Rule h, Rule v) {
        return v.pos() >= h.from() - TOL && v.pos() <= h.to() + TOL && h.pos() >= v.from() - TOL && h.pos() <= v.to() + TOL;
    }

    /** Collinear pieces that touch or overlap become one rule (cell borders are drawn per cell). */
    static List<Rule> merge(List<Rule> raw) {
        List<Rule> sorted = new ArrayList<>(raw);
        sorted.sort(Comparator.comparing(Rule::h).thenComparing(Rule::pos).thenComparing(Rule::from));
        List<Rule> out = new ArrayList<>();
        for (Rule r : sorted) {
            boolean merged = false;
            for (int i = out.size() - 1; i >= 0 && i >= out.size() - 40; i--) {
                Rule o = out.get(i);
                if (o.h() == r.h() && Math.abs(o.pos() - r.pos()) <= 1f && r.from() <= o.to() + TOL && r.to() >= o.from() - TOL) {
                    out.set(i, new Rule(o.h(), o.pos(), Math.min(o.from(), r.from()), Math.max(o.to(), r.to())));
                    merged = true;
                    break;
                }
            }
            if (!merged) out.add(r);
        }
        return out;
    }

    /**
     * Positions closer than 3pt are one grid line (double borders, rounding, or two tables set
     * one under the other whose column borders differ by a hair): each line as {first, last} of
     * the positions it stands for, so that a border at any of them counts as that line.
     */
    private static List<float[]> snap(List<Float> values) {
        List<Float> sorted = new ArrayList<>(values);
        sorted.sort(Float::compare);
        List<float[]> out = new ArrayList<>();
        for (float v : sorted) {
            if (out.isEmpty() || v - out.get(out.size() - 1)[0] > 3f) out.add(new float[] {v, v});
            else out.get(out.size() - 1)[1] = v;
        }
        return out;
    }

    private static int find(int[] p, int i) {
        while (p[i] != i) i = p[i] = p[p[i]];
        return i;
    }

    private static void union(int[] p, int a, int b) { p[find(p, a)] = find(p, b); }

    static final class Region {
        private final List<Rule> rules;
        private final List<Float> xs, ys;
        private final List<float[]> xLines, yLines;

        Region(List<Rule> rules, List<float[]> xLines, List<float[]> yLines) {
            this.rules = rules;
            this.xLines = xLines;
            this.yLines = yLines;
            this.xs = xLines.stream().map(l -> l[0]).toList();
            this.ys = yLines.stream().map(l -> l[0]).toList();
        }

        float top() { return ys.get(0); }

        @Override
        public String toString() { return "Region[xs=" + xs + ", ys=" + ys + "]"; }

        boolean contains(float x, float y) {
            return x >= xs.get(0) - 1 && x <= xs.get(xs.size() - 1) + 1 && y >= ys.get(0) - 1 && y <= ys.get(ys.size() - 1) + 1;
        }

        /** A border on grid line {@code line} (any of the positions snapped into it) passes through {@code y}. */
        private boolean vertical(float[] line, float y) {
            for (Rule r : rules) if (!r.h() && on(r, line) && r.from() <= y && r.to() >= y) return true;
            return false;
        }

        private boolean horizontal(float[] line, float x) {
            for (Rule r : rules) if (r.h() && on(r, line) && r.from() <= x && r.to() >= x) return true;
            return false;
        }

        private static boolean on(Rule r, float[] line) {
            return r.pos() >= line[0] - TOL && r.pos() <= line[1] + TOL;
        }

        List<List<PlacedBlocks.Slot>> grid(List<Glyph> glyphs) {
            int rows = ys.size() - 1, cols = xs.size() - 1;
            int[] parent = new int[rows * cols];
            for (int i = 0; i < parent.length; i++) parent[i] = i;
            for (int r = 0; r < rows; r++) {
                float my = (ys.get(r) + ys.get(r + 1)) / 2;
                for (int c = 0; c < cols; c++) {
                    float mx = (xs.get(c) + xs.get(c + 1)) / 2;
                    if (c + 1 < cols && !vertical(xLines.get(c + 1), my)) union(parent, r * cols + c, r * cols + c + 1);
                    if (r + 1 < rows && !horizontal(yLines.get(r + 1), mx)) union(parent, r * cols + c, (r + 1) * cols + c);
                }
            }
            Map<Integer, List<Glyph>> byCell = new HashMap<>();
            for (Glyph g : glyphs) {
                int r = slot(ys, g.cy()), c = slot(xs, g.cx());
                byCell.computeIfAbsent(find(parent, r * cols + c), k -> new ArrayList<>()).add(g);
            }
            Map<Integer, String> text = new HashMap<>();
            Map<Integer, Integer> origin = new HashMap<>(); // root -> first slot in reading order
            for (int i = 0; i < parent.length; i++) origin.putIfAbsent(find(parent, i), i);
            List<List<PlacedBlocks.Slot>> out = new ArrayList<>();
            for (int r = 0; r < rows; r++) {
                List<PlacedBlocks.Slot> row = new ArrayList<>(cols);
                for (int c = 0; c < cols; c++) {
                    int root = find(parent, r * cols + c);
                    String t = text.computeIfAbsent(root, k -> {
                        List<Glyph> gs = byCell.get(k);
                        return gs == null ? "" : PdfReader.join(PdfReader.lines(gs));
                    });
                    row.add(new PlacedBlocks.Slot(t, origin.get(root) == r * cols + c));
                }
                out.add(row);
            }
            return out;
        }

        private static int slot(List<Float> lines, float v) {
            for (int i = 1; i < lines.size() - 1; i++) if (v < lines.get(i)) return i - 1;
            return lines.size() - 2;
        }
    }
}
