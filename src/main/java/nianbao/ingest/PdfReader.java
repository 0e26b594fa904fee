package nianbao.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * PDF with PDFBox 3: glyphs with positions are regrouped into lines top to bottom (CJK glyphs
 * joined without spaces); ruled tables are rebuilt as grids from the page's border strokes, and
 * a line of widely spaced pieces (a table without borders) becomes a pipe row "| a | b |" that
 * the table extractor aligns like a text table. A table cut by a page break is joined again.
 */
final class PdfReader {
    private static final Pattern PAGE_NUMBER = Pattern.compile("^[-—–\\s]*(第\\s*)?\\d{1,4}(\\s*页)?(\\s*[/／共]\\s*\\d{1,4}\\s*页?)?[-—–\\s]*$");

    private static final Pattern BARE_NUMBER = Pattern.compile("^\\s*\\d{1,4}\\s*$");

    /** A line that starts with an enumerator ("二、", "（三）", "4.") begins a new paragraph. */
    private static final Pattern ENUMERATED = Pattern.compile("^([一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\\d]{1,3}[)）]|\\d{1,2}[.、．](?!\\d))");

    static {
        // PDFBox and FontBox log recoverable damage (a broken font, a bad operator) with full stack
        // traces; this reader reports damage itself in one line, so their loggers stay quiet unless
        // configured otherwise. Must run before the first PDFBox logger is created.
        for (String logger : new String[] {"org.apache.pdfbox", "org.apache.fontbox"}) {
            String key = "org.slf4j.simpleLogger.log." + logger;
            if (System.getProperty(key) == null) System.setProperty(key, "off");
        }
    }

    private static final Pattern NUMBER = Pattern.compile("[-+]?[\\d,.]+%?");

    private PdfReader() {}

    static Document read(String source, String sha256, byte[] bytes) throws IngestException {
        PDDocument pdf;
        try {
            pdf = Loader.loadPDF(bytes); // the empty user password opens owner-only encryption
        } catch (InvalidPasswordException e) {
            throw new IngestException("ENCRYPTED", "PDF文件设置了打开密码，无法读取", "the PDF is protected by an open (user) password");
        } catch (IOException | RuntimeException e) {
            throw corrupt(e);
        }
        try (pdf) {
            return new PdfReader.Pages(pdf).run().document(source, sha256, "pdf");
        } catch (IngestException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw corrupt(e);
        }
    }

    private static IngestException corrupt(Exception e) {
        String why = String.valueOf(e.getMessage()).lines().findFirst().orElse("").strip();
        if (why.length() > 160) why = why.substring(0, 160) + "…";
        return new IngestException("CORRUPT", "PDF文件已损坏，无法读取", "the PDF file is damaged: " + e.getClass().getSimpleName() + (why.isEmpty() ? "" : " " + why));
    }

    /** One glyph: left x, baseline y (top-down), advance width, font size in points. */
    record Glyph(float x, float y, float w, float size, String text) {
        float right() { return x + w; }
        float cx() { return x + w / 2; }
        float cy() { return y - size * 0.35f; }
    }

    /** Collects positioned glyphs page by page; the stripper's own text output is not used. */
    private static final class Collector extends PDFTextStripper {
        final List<List<Glyph>> pages = new ArrayList<>();
        private List<Glyph> page;
        private Set<Long> seen;
        int mapped, unmapped;

        @Override
        protected void startPage(PDPage p) throws IOException {
            page = new ArrayList<>();
            seen = new HashSet<>();
            pages.add(page);
            super.startPage(p);
        }

        @Override
        protected void processTextPosition(TextPosition t) {
            String u = t.getUnicode();
            // No Unicode, a replacement mark or a private-use code: the font has no usable ToUnicode map.
            if (u == null || u.isEmpty() || u.indexOf('\uFFFD') >= 0 || u.charAt(0) >= '\uE000' && u.charAt(0) <= '\uF8FF') {
                unmapped++;
                return;
            }
            u = radicals(u);
            if (u.isBlank()) u = " "; // kept: a real space tells text from table cells
            float size = t.getFontSizeInPt() > 0.5f ? t.getFontSizeInPt() : Math.max(t.getHeightDir(), 1f);
            // Fake bold draws a glyph twice at almost the same place; keep one.
            long key = ((long) Math.round(t.getXDirAdj() * 2) << 32) ^ ((long) Math.round(t.getYDirAdj() * 2) << 16) ^ u.hashCode();
            if (!seen.add(key)) return;
            if (!u.equals(" ")) mapped++;
            page.add(new Glyph(t.getXDirAdj(), t.getYDirAdj(), Math.max(t.getWidthDirAdj(), 0.1f), size, u));
        }
    }

    /** Kangxi and supplementary radicals (⼀ ⼆) that some producers emit for 一 二. */
    static String radicals(String u) {
        for (int i = 0; i < u.length(); i++) {
            char c = u.charAt(i);
            if (c >= '\u2E80' && c <= '\u2FDF') return java.text.Normalizer.normalize(u, java.text.Normalizer.Form.NFKC);
        }
        return u;
    }

    private sealed interface Item permits Line, Grid {
        float top();
    }

    /** {@code head}: the width of the line's first word, to tell whether it fitted on the line above. */
    private record Line(float top, String text, float left, float right, float size, boolean pipe, float head, List<Seg> cells)
            implements Item {}

    private record Grid(float top, List<List<PlacedBlocks.Slot>> rows) implements Item {}

    private static final class Pages {
        private final PDDocument pdf;
        private final PlacedBlocks out = new PlacedBlocks();
        private List<List<PlacedBlocks.Slot>> openTable; // the last table, if it ended its page
        private List<String> openLabels;
        private StringBuilder para;          // the paragraph being rebuilt from wrapped lines
        private String paraPlace;
        private boolean paraFull;            // its last line ran to the right margin: it may go on
        private float paraRight;
        private float margin;

        Pages(PDDocument pdf) { this.pdf = pdf; }

        PlacedBlocks run() throws IOException, IngestException {
            Collector c = new Collector();
            c.setSortByPosition(false);
            c.getText(pdf);
            int images = 0, pageCount = pdf.getNumberOfPages();
            // The text column's right edge over the whole document: a page of short lines has no full line.
            for (List<Glyph> page : c.pages) for (Glyph g : page) if (!g.text().isBlank()) margin = Math.max(margin, g.right());
            for (int i = 0; i < c.pages.size() && i < pageCount; i++) {
                PDPage page = pdf.getPage(i);
                PdfRulings rulings = PdfRulings.of(page);
                images += rulings.images;
                // Text positions are rotated with the page, strokes are not: a rotated page is read as text only.
                boolean upright = page.getRotation() % 360 == 0;
                float height = upright || page.getRotation() % 180 == 0 ? page.getCropBox().getHeight() : page.getCropBox().getWidth();
                page(i + 1, height, c.pages.get(i), upright ? rulings.rules : List.of());
            }
            closeTable();
            closeParagraph();
            if (c.mapped == 0) {
                if (c.unmapped > 0) {
                    throw new IngestException("NO_TEXT", "PDF中的文字无法提取（字体缺少Unicode映射），需要OCR识别",
                            "the PDF's text cannot be extracted (fonts without Unicode mapping); OCR is needed");
                }
                throw new IngestException("NO_TEXT", images > 0 ? "PDF没有文字层（扫描件或图片），需要先进行OCR文字识别"
                        : "PDF中没有可提取的文字", images > 0 ? "the PDF has no text layer (a scan); OCR is needed" : "the PDF contains no text");
            }
            if (c.unmapped > c.mapped * 2) {
                throw new IngestException("NO_TEXT", "PDF中大部分文字无法提取（字体缺少Unicode映射），需要OCR识别",
                        "most of the PDF's text cannot be extracted (fonts without Unicode mapping); OCR is needed");
            }
            return out;
        }

        private void page(int no, float height, List<Glyph> glyphs, List<PdfRulings.Rule> rules) {
            List<Item> items = new ArrayList<>();
            List<PdfTables.Region> regions = PdfTables.regions(rules);
            List<Glyph> free = new ArrayList<>();
            List<List<Glyph>> inRegion = new ArrayList<>();
            for (int k = 0; k < regions.size(); k++) inRegion.add(new ArrayList<>());
            outer:
            for (Glyph g : glyphs) {
                for (int k = 0; k < regions.size(); k++) {
                    if (regions.get(k).contains(g.cx(), g.cy())) {
                        inRegion.get(k).add(g);
                        continue outer;
                    }
                }
                free.add(g);
            }
            for (int k = 0; k < regions.size(); k++) {
                List<List<PlacedBlocks.Slot>> grid = regions.get(k).grid(inRegion.get(k));
                if (!grid.isEmpty()) items.add(new Grid(regions.get(k).top(), grid));
            }
            // The body's left edge: a bare number flush with it is content (a table value in a flattened
            // table that happens to fall in the margin band), never a page number, which is centred or outside.
            float bodyLeft = Float.MAX_VALUE;
            for (Glyph g : free) {
                boolean inBody = g.y() <= height * 0.92f && g.y() - g.size() >= height * 0.06f;
                if (inBody && !g.text().isBlank()) bodyLeft = Math.min(bodyLeft, g.x());
            }
            Line above = null;
            for (List<Glyph> line : lines(free)) {
                List<Seg> parts = cells(line);
                String text = parts.size() >= 2 ? pipeRow(parts) : parts.get(0).text();
                // Space glyphs only: an empty paragraph that the producer drew (a blank cell where a
                // table is set one cell per line); kept as one space, as a text line holding it would be.
                if (text.isEmpty()) text = " ";
                float top = line.stream().map(g -> g.y() - g.size()).min(Float::compare).orElse(0f);
                float bottom = line.get(0).y();
                boolean margin = bottom > height * 0.92f || top < height * 0.06f;
                boolean flushNumber = BARE_NUMBER.matcher(text).matches() && line.get(0).x() <= bodyLeft + 0.5f * line.get(0).size();
                if (margin && PAGE_NUMBER.matcher(text).matches() && !flushNumber) continue; // page furniture
                Glyph end = line.get(line.size() - 1);
                Line l = new Line(top, text, line.get(0).x(), end.right(), end.size(), parts.size() >= 2, firstWord(line), parts);
                Line joined = above == null ? null : wrappedCell(above, l);
                if (joined != null) {
                    items.set(items.indexOf(above), joined);
                    above = joined;
                    continue;
                }
                items.add(l);
                above = l;
            }
            items.sort(Comparator.comparing(Item::top));
            emptyCells(items);
            float left = Float.MAX_VALUE, right = margin;
            for (Item it : items) if (it instanceof Line l && !l.pipe()) left = Math.min(left, l.left());
            int lineOnPage = 0;
            for (int i = 0; i < items.size(); i++) {
                Item it = items.get(i);
                if (it instanceof Grid g) {
                    closeParagraph();
                    List<String> labels = new ArrayList<>();
                    for (int r = 0; r < g.rows().size(); r++) labels.add("第" + no + "页第" + (++lineOnPage) + "行（表格）");
                    boolean continues = i == 0 && openTable != null && width(openTable) == width(g.rows());
                    if (continues) {
                        openTable.addAll(g.rows());
                        openLabels.addAll(labels);
                    } else {
                        closeTable();
                        openTable = new ArrayList<>(g.rows());
                        openLabels = labels;
                    }
                } else {
                    closeTable();
                    Line l = (Line) it;
                    String place = "第" + no + "页第" + (++lineOnPage) + "行";
                    if (l.text().isBlank()) {
                        closeParagraph();
                        out.text(l.text(), place);
                        paraFull = false;
                        paraRight = 0;
                        continue;
                    }
                    // Wrapped: the line above ran to the margin, or this line's first word would not have fitted on it.
                    boolean wrapped = paraFull || para != null && paraRight + l.head() > right - 0.5f * l.size();
                    boolean continues = para != null && wrapped && !l.pipe() && l.left() <= left + 0.5f * l.size()
                            && !ENUMERATED.matcher(l.text()).find();
                    if (continues) {
                        if (!(cjk(last(para)) && cjk(l.text().charAt(0)))) para.append(' ');
                        para.append(l.text());
                    } else {
                        closeParagraph();
                        para = new StringBuilder(l.text());
                        paraPlace = place;
                    }
                    // A line that reaches the right margin is wrapped text; a short one ends its paragraph.
                    paraFull = !l.pipe() && l.right() >= right - 1.5f * l.size();
                    paraRight = l.pipe() ? 0 : l.right();
                }
            }
            // A table stays open across the page break only if it is the page's last item.
            if (!items.isEmpty() && !(items.get(items.size() - 1) instanceof Grid)) closeTable();
        }

        private void closeParagraph() {
            if (para == null) return;
            out.text(para.toString(), paraPlace);
            para = null;
        }

        private void closeTable() {
            if (openTable == null) return;
            List<String> labels = openLabels;
            out.table(openTable, (table, row) -> labels.get(row - 1));
            openTable = null;
            openLabels = null;
        }

        private static int width(List<List<PlacedBlocks.Slot>> rows) {
            return rows.stream().mapToInt(List::size).max().orElse(0);
        }
    }

    /** Glyphs grouped into lines by baseline, top to bottom, each sorted left to right. */
    static List<List<Glyph>> lines(List<Glyph> glyphs) {
        List<Glyph> sorted = new ArrayList<>(glyphs);
        sorted.sort(Comparator.comparing(Glyph::y).thenComparing(Glyph::x));
        List<List<Glyph>> lines = new ArrayList<>();
        List<Glyph> cur = null;
        float base = 0, size = 0;
        for (Glyph g : sorted) {
            if (cur != null && Math.abs(g.y() - base) <= 0.4f * Math.max(size, g.size())) {
                cur.add(g);
                size = Math.max(size, g.size());
                continue;
            }
            cur = new ArrayList<>();
            cur.add(g);
            lines.add(cur);
            base = g.y();
            size = g.size();
        }
        for (List<Glyph> l : lines) l.sort(Comparator.comparing(Glyph::x));
        return lines;
    }

    private static String pipeRow(List<Seg> cells) {
        StringBuilder sb = new StringBuilder("|");
        for (Seg c : cells) sb.append(' ').append(c.text()).append(" |");
        return sb.toString();
    }

    /**
     * A short line right under a pipe row that starts where one of its cells starts and stays
     * inside that column is the cell's wrapped text (Word cells are top-aligned): it is joined
     * to that cell. Returns the joined row, or null.
     */
    private static Line wrappedCell(Line row, Line l) {
        if (!row.pipe() || l.pipe() || l.text().isBlank() || l.top() - row.top() > 2.2f * l.size() || ENUMERATED.matcher(l.text()).find()) return null;
        List<Seg> cells = row.cells();
        for (int i = 0; i < cells.size(); i++) {
            Seg c = cells.get(i);
            float limit = i + 1 < cells.size() ? cells.get(i + 1).x0() : Float.MAX_VALUE;
            if (Math.abs(c.x0() - l.left()) > 0.6f * l.size() || l.right() > limit - 0.3f * l.size()) continue;
            if (NUMBER.matcher(c.text()).matches()) return null; // a number never wraps into text
            String t = c.text() + (cjk(c.text().isEmpty() ? ' ' : c.text().charAt(c.text().length() - 1)) && cjk(l.text().charAt(0)) ? "" : " ") + l.text();
            List<Seg> joined = new ArrayList<>(cells);
            joined.set(i, new Seg(t, c.x0(), Math.max(c.x1(), l.right())));
            return new Line(row.top(), pipeRow(joined), row.left(), row.right(), row.size(), true, row.head(), joined);
        }
        return null;
    }

    /**
     * An unruled table draws no empty cell: a row with fewer numbers than the row next to it gets
     * an empty cell under each number column of that row it leaves out, when each of its own
     * numbers stands in one of those columns (same left edge), in order.
     */
    private static void emptyCells(List<Item> items) {
        List<Item> fixed = new ArrayList<>(items);
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof Line l) || !l.pipe()) continue;
            Line ref = null;
            for (int j : new int[] {i - 1, i + 1}) {
                if (j >= 0 && j < items.size() && items.get(j) instanceof Line n && n.pipe()
                        && (ref == null || values(n) > values(ref))) ref = n;
            }
            if (ref == null || values(ref) <= values(l) || values(l) == 0) continue;
            List<Seg> own = l.cells(), theirs = ref.cells().stream().filter(c -> NUMBER.matcher(c.text()).matches()).toList();
            int firstValue = 0;
            while (!NUMBER.matcher(own.get(firstValue).text()).matches()) firstValue++;
            List<Seg> out = new ArrayList<>(own.subList(0, firstValue));
            int k = 0;
            boolean fits = true;
            for (Seg c : own.subList(firstValue, own.size())) {
                if (!NUMBER.matcher(c.text()).matches()) { fits = false; break; }
                while (k < theirs.size() && Math.abs(theirs.get(k).x0() - c.x0()) > 0.6f * l.size()) {
                    out.add(new Seg("", theirs.get(k).x0(), theirs.get(k).x1()));
                    k++;
                }
                if (k == theirs.size()) { fits = false; break; }
                out.add(c);
                k++;
            }
            if (!fits) continue;
            for (; k < theirs.size(); k++) out.add(new Seg("", theirs.get(k).x0(), theirs.get(k).x1()));
            fixed.set(i, new Line(l.top(), pipeRow(out), l.left(), l.right(), l.size(), true, l.head(), out));
        }
        for (int i = 0; i < items.size(); i++) items.set(i, fixed.get(i));
    }

    private static long values(Line l) {
        return l.cells().stream().filter(c -> NUMBER.matcher(c.text()).matches()).count();
    }

    /** A piece of a line between wide gaps: a table cell when the line has several. */
    record Seg(String text, float x0, float x1) {}

    /** A line cut where the gap between glyphs is wider than about one character (table columns), or between two numbers. */
    static List<String> segments(List<Glyph> line) {
        List<String> out = new ArrayList<>();
        for (Seg s : cells(line)) out.add(s.text());
        return out;
    }

    static List<Seg> cells(List<Glyph> line) {
        List<Seg> parts = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        float spread = justification(line);
        Glyph prev = null;
        float x0 = 0;
        boolean spaced = false;
        for (Glyph g : line) {
            if (g.text().equals(" ")) {
                spaced = prev != null;
                continue;
            }
            if (prev == null) x0 = g.x();
            if (prev != null) {
                float gap = g.x() - prev.right() - spread;
                float em = Math.max(prev.size(), g.size());
                // Numbers side by side with a visible gap and no space between are two cells, never one number.
                boolean twoNumbers = !spaced && gap > 0.2f * em && Character.isDigit(last(sb)) && Character.isDigit(g.text().charAt(0));
                // Without a space glyph, more than 0.4 character of blank is a column gap (narrow table columns).
                boolean unspaced = !spaced && gap > 0.4f * em;
                if (spaced && gap <= 1.2f * em && last(sb) != ' ') sb.append(' ');
                if (gap > 1.2f * em || twoNumbers || unspaced) {
                    parts.add(new Seg(sb.toString().strip(), x0, prev.right()));
                    sb.setLength(0);
                    x0 = g.x();
                } else if (gap > 0.25f * em && !(cjk(last(sb)) && cjk(g.text().charAt(0))) && last(sb) != ' ') {
                    sb.append(' ');
                }
            }
            sb.append(g.text());
            prev = g;
            spaced = false;
        }
        parts.add(new Seg(sb.toString().replaceAll(" {2,}", " ").strip(), x0, prev == null ? x0 : prev.right()));
        parts.removeIf(p -> p.text().isEmpty());
        if (parts.isEmpty()) parts.add(new Seg("", 0, 0));
        return parts;
    }

    /** Width of the line's first unbreakable piece: up to the first space or the next CJK glyph ("目(http://…)"). */
    private static float firstWord(List<Glyph> line) {
        Glyph first = line.get(0);
        float end = first.right();
        for (int i = 1; i < line.size(); i++) {
            Glyph g = line.get(i);
            if (g.text().isBlank() || cjk(g.text().charAt(0))) break;
            end = g.right();
        }
        return end - first.x();
    }

    /** The extra space a justified line puts between every two CJK glyphs (their median gap). */
    private static float justification(List<Glyph> line) {
        List<Float> gaps = new ArrayList<>();
        for (int i = 1; i < line.size(); i++) {
            Glyph a = line.get(i - 1), b = line.get(i);
            if (a.text().isBlank() || b.text().isBlank()) continue;
            if (cjk(a.text().charAt(a.text().length() - 1)) && cjk(b.text().charAt(0))) gaps.add(Math.max(0f, b.x() - a.right()));
        }
        if (gaps.size() < 4) return 0f;
        gaps.sort(Float::compare);
        return gaps.get(gaps.size() / 2);
    }

    /** Lines of one cell joined; wrapped CJK text is joined without a space. */
    static String join(List<List<Glyph>> lines) {
        StringBuilder sb = new StringBuilder();
        for (List<Glyph> l : lines) {
            String s = String.join(" ", segments(l));
            if (s.isEmpty()) continue;
            if (sb.length() > 0 && !(cjk(last(sb)) && cjk(s.charAt(0)))) sb.append(' ');
            sb.append(s);
        }
        return sb.toString();
    }

    private static char last(StringBuilder sb) {
        return sb.length() == 0 ? ' ' : sb.charAt(sb.length() - 1);
    }

    /** CJK ideographs and full-width punctuation: no spaces between them. */
    static boolean cjk(char c) {
        Character.UnicodeBlock b = Character.UnicodeBlock.of(c);
        return b == Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS || b == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                || b == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS || b == Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS_EXTENSION_A
                || b == Character.UnicodeBlock.CJK_COMPATIBILITY_IDEOGRAPHS || b == Character.UnicodeBlock.GENERAL_PUNCTUATION && c >= '\u2018' && c <= '\u201F';
    }
}
