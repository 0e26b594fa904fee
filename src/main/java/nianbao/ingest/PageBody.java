package nianbao.ingest;

import java.time.LocalDate;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Finds a report's body inside a whole saved web page (site navigation, 当前位置, share bars,
 * related links and footers around it) by content scoring over the DOM, and reads the page's
 * title and publication date from its metadata.
 *
 * <p>Every character of text scores: +1 when it stands in a paragraph (its block holds a sentence:
 * at least {@link #PARAGRAPH} characters with sentence punctuation) or in a data table (a table
 * with numeric cells, as the statistics tables are), −1 when it is link text or inside page
 * furniture (nav/header/footer/aside/form elements, class or id such as menu, breadcrumb, share,
 * footer), 0 otherwise (headings, labels, short lines: neither content nor chrome by themselves).
 * An element's score is the sum over its text; the body is the element with the highest score,
 * the deepest one on a tie, i.e. the smallest element that holds the report's paragraphs and
 * tables while leaving out the chrome. Nothing is cut from a
 * fragment or a page with little chrome (less than {@link #CHROME} characters' worth outside the
 * best element), nor when the best element misses much of the page's paragraph text.
 */
final class PageBody {
    /** A block with at least this many characters and sentence punctuation is a paragraph. */
    static final int PARAGRAPH = 25;
    /** The body must hold at least this share of the page's paragraph and table text. */
    static final double MOST = 0.6;
    /** The page is cut only when what lies outside the body scores at least this far below zero (characters of chrome). */
    static final double CHROME = 150;
    /** Sentence punctuation, full-width or ASCII (PDF-to-text and some editors write ASCII commas). */
    private static final Pattern SENTENCE = Pattern.compile("[，。；！？,;]");
    private static final Pattern NUMERIC = Pattern.compile("[-+]?\\d[\\d,.]*%?");
    private static final Set<String> IGNORED = Set.of("script", "style", "noscript", "template", "head", "svg", "canvas");
    private static final Set<String> BLOCK = Set.of("p", "div", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "section",
            "article", "main", "blockquote", "pre", "dd", "dt", "center", "body", "table", "ul", "ol", "tr", "form", "header", "footer", "nav", "aside");
    private static final Set<String> CHROME_TAGS = Set.of("nav", "header", "footer", "aside", "form", "button", "select", "iframe");
    private static final List<String> DATE_META = List.of("pubdate", "publishdate", "firstpublishedtime", "article:published_time",
            "publish_time", "publishtime", "publication_date", "dc.date", "dcterms.issued", "dc.date.issued", "releasedate", "created");
    private static final List<String> TITLE_META = List.of("articletitle", "og:title", "dc.title", "title");
    private static final Pattern VISIBLE_DATE = Pattern.compile(
            "(?<![更修改访截止到])(发布时间|发布日期|发文日期|公开日期|成文日期|时间|日期)\\s*[:：]\\s*((?:19|20)\\d{2}\\s*(?:年|[.\\-/])\\s*\\d{1,2}\\s*(?:月|[.\\-/])\\s*\\d{1,2})");

    private PageBody() {}

    /**
     * What was found.
     *
     * @param body      the element holding the report, or null when it is the whole page
     * @param title     the page's title (metadata or {@code <title>}), or null
     * @param titleFrom where the title came from, in Chinese ("网页元数据 ArticleTitle")
     * @param titleLine the source line of the title's element
     * @param date      the publication date shown in the page's metadata or near the title, or null
     * @param dateFrom  where the date came from, in Chinese
     * @param dateLine  the source line of the date
     */
    record Found(Element body, String title, String titleFrom, int titleLine, LocalDate date, String dateFrom, int dateLine) {}

    static Found find(org.jsoup.nodes.Document doc) {
        Element root = doc.body() == null ? doc : doc.body();
        Element best = best(root);
        Element body = best == root || best.parent() == null ? null : best;
        String title = null, titleFrom = null;
        int titleLine = 0;
        List<Element> metas = doc.select("meta[content]");   // selected once for every name looked up
        for (String name : TITLE_META) {
            Element m = meta(metas, name);
            if (m != null && !m.attr("content").isBlank()) {
                title = m.attr("content").strip();
                titleFrom = "网页元数据 " + (m.hasAttr("name") ? m.attr("name") : m.attr("property"));
                titleLine = line(m);
                break;
            }
        }
        if (title == null) {
            Element t = doc.selectFirst("title");
            if (t != null && !t.text().isBlank()) {
                title = pageTitle(t.text());
                titleFrom = "网页标题 <title>";
                titleLine = line(t);
            }
        }
        LocalDate date = null;
        String dateFrom = null;
        int dateLine = 0;
        for (String name : DATE_META) {
            Element m = meta(metas, name);
            LocalDate d = m == null ? null : date(m.attr("content"));
            if (d != null) {
                date = d;
                dateFrom = "网页元数据 " + (m.hasAttr("name") ? m.attr("name") : m.attr("property"));
                dateLine = line(m);
                break;
            }
        }
        if (date == null && body != null) {
            // A 发布时间/时间： line shown near the title, outside the body (inside it the parser sees it anyway).
            for (Element e : root.getAllElements()) {
                if (e == body || isInside(e, body)) continue;
                String own = e.ownText();
                Matcher m = VISIBLE_DATE.matcher(own);
                if (m.find() && date(m.group(2)) != null) {
                    date = date(m.group(2));
                    dateFrom = "网页中“" + m.group(1) + "”一行";
                    dateLine = line(e);
                    break;
                }
            }
        }
        return new Found(body, title, titleFrom, titleLine, date, dateFrom, dateLine);
    }

    /** "报告标题_栏目_网站" → the part that names the report (the first, unless another says 报告). */
    static String pageTitle(String text) {
        String[] parts = text.strip().split("\\s*[_|｜—–]\\s*|\\s+-\\s+");
        for (String p : parts) if (p.contains("报告")) return p.strip();
        return parts.length == 0 ? text.strip() : parts[0].strip();
    }

    /** Where the body is, for the reviewer: {@code <div class="article_content">}. */
    static String describe(Element e) {
        StringBuilder sb = new StringBuilder("<").append(e.normalName());
        if (!e.id().isBlank()) sb.append(" id=\"").append(e.id()).append('"');
        if (!e.className().isBlank()) sb.append(" class=\"").append(e.className().strip()).append('"');
        return sb.append('>').toString();
    }

    static LocalDate date(String s) {
        return Exports.date(s);
    }

    private static Element meta(List<Element> metas, String name) {
        for (Element m : metas) {
            String n = (m.attr("name") + m.attr("property") + m.attr("itemprop")).toLowerCase(Locale.ROOT).strip();
            if (n.equals(name)) return m;
        }
        return null;
    }

    private static boolean isInside(Element e, Element ancestor) {
        for (Element p = e.parent(); p != null; p = p.parent()) if (p == ancestor) return true;
        return false;
    }

    private static int line(Node n) {
        for (Node p = n; p != null; p = p.parent()) {
            int l = p.sourceRange().start().lineNumber();
            if (l > 0) return l;
        }
        return 1;
    }

    /**
     * The element with the highest score, computed bottom-up without recursion (pages nest deep);
     * the root when no element scores above zero or the best one holds less than
     * {@link #MOST} of the page's paragraph and table text (then the page has no clear body).
     */
    private static Element best(Element root) {
        Map<Node, Double> score = new IdentityHashMap<>();
        Map<Node, Double> good = new IdentityHashMap<>();
        Map<Element, String> blockText = new IdentityHashMap<>();
        Map<Element, Boolean> dataTable = new IdentityHashMap<>();
        Element[] best = {root};
        double[] top = {Double.NEGATIVE_INFINITY};
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    String s = t.text().strip();
                    if (s.isEmpty() || ignored(t)) return;
                    double w = weight(t, s, blockText, dataTable);
                    Node p = t.parent();
                    if (p != null) score.merge(p, w, Double::sum);
                    if (p != null && w > 0) good.merge(p, w, Double::sum);
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (!(node instanceof Element e)) return;
                double s = score.getOrDefault(e, 0.0);
                if (s > top[0] && !IGNORED.contains(e.normalName())) {
                    top[0] = s;
                    best[0] = e;
                }
                Node p = e.parent();
                if (p != null && s != 0) score.merge(p, s, Double::sum);
                double g = good.getOrDefault(e, 0.0);
                if (p != null && g != 0) good.merge(p, g, Double::sum);
            }
        }, root);
        double all = good.getOrDefault(root, 0.0);
        if (top[0] <= 0 || good.getOrDefault(best[0], 0.0) < MOST * all) return root;
        // Cut only real chrome: a fragment's own title or signature outside the best element is no reason to cut.
        if (top[0] - score.getOrDefault(root, 0.0) < CHROME) return root;
        return best[0];
    }

    private static boolean ignored(TextNode t) {
        for (Node p = t.parent(); p instanceof Element e; p = p.parent()) {
            if (IGNORED.contains(e.normalName())) return true;
        }
        return false;
    }

    private static double weight(TextNode t, String s, Map<Element, String> blockText, Map<Element, Boolean> dataTable) {
        int n = s.codePointCount(0, s.length());
        Element block = null, table = null;
        boolean link = false, chrome = false;
        for (Node p = t.parent(); p instanceof Element e; p = p.parent()) {
            String tag = e.normalName();
            if (tag.equals("a")) link = true;
            if (CHROME_TAGS.contains(tag) || HtmlReader.isFurniture(e)) chrome = true;
            if (block == null && BLOCK.contains(tag)) block = e;
            if (table == null && tag.equals("table")) table = e;
        }
        if (link || chrome) return -n;
        if (table != null && dataTable.computeIfAbsent(table, PageBody::isDataTable)) return n;
        String text = block == null ? s : blockText.computeIfAbsent(block, Element::text);
        boolean paragraph = text.length() >= PARAGRAPH && SENTENCE.matcher(text).find();
        return paragraph ? n : 0;
    }

    /**
     * A table with at least three numeric cells of its own: statistics, not page layout (a
     * layout table around the page holds the statistics table, but not in its own cells).
     */
    private static boolean isDataTable(Element table) {
        int numeric = 0;
        for (Element td : table.select("td, th")) {
            if (td.parents().stream().filter(p -> p.normalName().equals("table")).findFirst().orElse(null) != table) continue;
            if (NUMERIC.matcher(td.text().strip()).matches() && ++numeric >= 3) return true;
        }
        return false;
    }
}
