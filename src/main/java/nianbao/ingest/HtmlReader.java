package nianbao.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

/**
 * HTML pages as published: scripts, styles, navigation, headers and footers are dropped; block
 * elements become text lines; leaf tables become grids. Every block keeps the source line of
 * the element it came from.
 */
final class HtmlReader {
    private static final Pattern META_CHARSET =
            Pattern.compile("<meta[^>]+charset\\s*=\\s*[\"']?([a-z0-9_\\-]+)", Pattern.CASE_INSENSITIVE);
    private static final Set<String> DROPPED = Set.of("script", "style", "noscript", "nav", "header", "footer",
            "iframe", "object", "embed", "svg", "canvas", "template", "button", "select", "form", "head");
    private static final Set<String> BLOCKS = Set.of("p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li",
            "ul", "ol", "section", "article", "main", "blockquote", "pre", "hr", "dl", "dt", "dd", "center",
            "address", "figure", "figcaption", "tr", "td", "th", "caption", "tbody", "thead", "table");
    /** class/id words that mark page furniture rather than report text. */
    private static final Pattern FURNITURE = Pattern.compile(
            "(^|[\\s_-])(nav|navbar|menu|breadcrumbs?|crumbs?|footer|foot|header|share|bdsharebuttonbox|sidebar|toolbar|copyright|topbar)([\\s_-]|$)",
            Pattern.CASE_INSENSITIVE);

    private HtmlReader() {}

    static Optional<String> declaredCharset(String lowerHead) {
        Matcher m = META_CHARSET.matcher(lowerHead);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    static List<Block> blocks(String html) {
        return blocks(html, Ingestor.DEFAULT_MAX_HTML_DEPTH);
    }

    /** jsoup's tree builder is iterative and stops nesting at {@code maxDepth}: a page nested 100k deep parses flat. */
    static List<Block> blocks(String html, int maxDepth) {
        return page(html, maxDepth).blocks();
    }

    /** The blocks of a page and, in Chinese, how they were found (for the reviewer). */
    record Page(List<Block> blocks, List<String> notes) {}

    /**
     * A whole saved web page is cut down to the report's body (see {@link PageBody}); the page's
     * title and publication date from its metadata come first, as the lines "title" and
     * "发布日期：YYYY-MM-DD", unless the body already shows them.
     */
    static Page page(String html, int maxDepth) {
        Parser parser = Parser.htmlParser().setTrackPosition(true).setMaxDepth(maxDepth);
        org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parse(html, "", parser);
        PageBody.Found found = PageBody.find(doc);
        Element root = found.body() != null ? found.body() : doc.body() == null ? doc : doc.body();
        Walker w = new Walker();
        w.walk(root);
        w.flush();
        List<String> notes = new ArrayList<>();
        // Paragraphs run together inside one element (a crawler's saved body) are split like text;
        // the pieces keep the element's source line, as every block of a one-line page does.
        List<Block> split = new ArrayList<>(w.out.size());
        int splitBlocks = 0;
        for (Block b : w.out) {
            List<String> pieces = b instanceof TextBlock t ? Paragraphs.pieces(t.text()) : List.of();
            if (pieces.size() <= 1) {
                split.add(b);
                continue;
            }
            splitBlocks++;
            for (String piece : pieces) split.add(new TextBlock(b.line(), piece.strip()));
        }
        if (splitBlocks > 0) notes.add("网页中有" + splitBlocks + "段很长、段落之间只用全角空格分隔，已在这些空格处分段。");
        List<Block> head = new ArrayList<>();
        String bodyText = squeeze(root.text());
        if (found.body() != null) {
            notes.add("正文取自网页中的 " + PageBody.describe(found.body()) + "（第" + Math.max(1, found.body().sourceRange().start().lineNumber())
                    + "行起）；网页其余部分（导航、当前位置、分享栏、相关链接、页脚等）不参与审核。");
        }
        // The page's title only when the body was cut out of a page (the visible title may stand outside it).
        if (found.body() != null && found.title() != null && !found.title().isBlank() && !bodyText.contains(squeeze(found.title()))) {
            head.add(new TextBlock(Math.max(1, found.titleLine()), found.title()));
            notes.add("标题取自" + found.titleFrom() + "。");
        }
        if (found.date() != null && !bodyText.contains("发布日期") && !bodyText.contains("发布时间")) {
            head.add(new TextBlock(Math.max(1, found.dateLine()), "发布日期：" + found.date()));
            notes.add("发布日期取自" + found.dateFrom() + "。");
        }
        if (head.isEmpty()) return new Page(split, notes);
        head.addAll(split);
        return new Page(head, notes);
    }

    private static final java.util.regex.Pattern SPACE_RUNS = java.util.regex.Pattern.compile("[\\s\u3000\u00A0]+");

    private static String squeeze(String s) {
        return SPACE_RUNS.matcher(s).replaceAll("");
    }

    private static final class Walker {
        final List<Block> out = new ArrayList<>();
        final StringBuilder buf = new StringBuilder();
        int bufLine = 0;

        // Iterative walk: hostile pages nest elements thousands deep.
        void walk(Node root) {
            Deque stack = new Deque();
            stack.push(root, false);
            while (!stack.isEmpty()) {
                Frame f = stack.pop();
                Node node = f.node;
                if (f.closing) {
                    if (isBlock(node)) flush();
                    continue;
                }
                if (node instanceof TextNode t) {
                    String s = t.getWholeText();
                    if (!s.isBlank()) {
                        if (buf.length() == 0) bufLine = lineOf(t);
                        buf.append(s.replace('\n', ' ').replace('\r', ' '));
                    } else if (buf.length() > 0) {
                        buf.append(' ');
                    }
                    continue;
                }
                if (node instanceof Comment || !(node instanceof Element e)) continue;
                String tag = e.normalName();
                if (DROPPED.contains(tag) || isFurniture(e)) continue;
                if (tag.equals("table") && e.selectFirst("table table") == null && e.getElementsByTag("table").size() == 1) {
                    flush();
                    TableBlock t = table(e);
                    if (!t.rows().isEmpty()) out.add(t);
                    continue;
                }
                if (tag.equals("br")) {
                    flush();
                    continue;
                }
                if (isBlock(e)) flush();
                stack.push(e, true);
                List<Node> kids = e.childNodes();
                for (int i = kids.size() - 1; i >= 0; i--) stack.push(kids.get(i), false);
            }
        }

        void flush() {
            String s = buf.toString().replace('\u00A0', ' ').strip();
            if (!s.isEmpty()) out.add(new TextBlock(Math.max(bufLine, 1), s));
            buf.setLength(0);
        }
    }

    private record Frame(Node node, boolean closing) {}

    private static final class Deque {
        private final ArrayList<Frame> items = new ArrayList<>();

        void push(Node n, boolean closing) { items.add(new Frame(n, closing)); }

        Frame pop() { return items.remove(items.size() - 1); }

        boolean isEmpty() { return items.isEmpty(); }
    }

    private static boolean isBlock(Node n) {
        return n instanceof Element e && BLOCKS.contains(e.normalName());
    }

    static boolean isFurniture(Element e) {
        String marks = (e.className() + " " + e.id()).toLowerCase(Locale.ROOT);
        return !marks.isBlank() && FURNITURE.matcher(marks).find();
    }

    private static int lineOf(Node n) {
        int line = n.sourceRange().start().lineNumber();
        if (line > 0) return line;
        Node p = n.parent();
        while (p != null) {
            line = p.sourceRange().start().lineNumber();
            if (line > 0) return line;
            p = p.parent();
        }
        return 1;
    }

    /** Expands rowspan/colspan into a rectangular grid; spanned slots hold copies marked non-origin. */
    static TableBlock table(Element table) {
        List<List<GridCell>> grid = new ArrayList<>();
        Map<Long, GridCell> pending = new HashMap<>(); // (row, col) -> cell carried down by rowspan
        int r = 0;
        for (Element tr : table.select("tr")) {
            List<GridCell> row = new ArrayList<>();
            int c = 0;
            for (Element td : tr.children()) {
                if (!td.normalName().equals("td") && !td.normalName().equals("th")) continue;
                while (pending.containsKey(key(r, c))) row.add(pending.remove(key(r, c++)));
                String text = td.wholeText().replace('\u00A0', ' ').replaceAll("\\s+", " ").strip();
                int line = lineOf(td);
                int colspan = span(td.attr("colspan")), rowspan = span(td.attr("rowspan"));
                for (int dc = 0; dc < colspan; dc++) {
                    GridCell cell = new GridCell(text, line, dc == 0);
                    row.add(cell);
                    for (int dr = 1; dr < rowspan; dr++) pending.put(key(r + dr, c), new GridCell(text, line, false));
                    c++;
                }
            }
            while (pending.containsKey(key(r, c))) row.add(pending.remove(key(r, c++)));
            if (!row.isEmpty()) grid.add(row);
            r++;
        }
        int width = grid.stream().mapToInt(List::size).max().orElse(0);
        for (List<GridCell> row : grid) {
            int line = row.isEmpty() ? lineOf(table) : row.get(row.size() - 1).line();
            while (row.size() < width) row.add(new GridCell("", line, true));
        }
        return new TableBlock(lineOf(table), grid);
    }

    private static long key(int r, int c) { return ((long) r << 32) | c; }

    /** Span attributes are capped: a hostile colspan of 10^9 must not allocate a huge grid. */
    private static int span(String v) {
        try {
            return Math.max(1, Math.min(100, Integer.parseInt(v.trim())));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
