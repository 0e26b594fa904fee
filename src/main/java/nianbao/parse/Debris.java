package nianbao.parse;

import java.util.regex.Pattern;

/**
 * Web-page and converter debris: navigation, share bars, site footers with ICP numbers, page
 * footers like "— 1 —", Word bookmarks and conditional comments. Kept out of titles, sections
 * and tables; never judged as report content (the integrity rules skip it when they look for
 * foreign links, so a site footer's "技术支持" address is not taken for spam).
 *
 * <p>Patterns match the normalised line ({@link Normalizer#norm}: NFKC, no whitespace, "：" as ":").
 * They describe page furniture that any government site prints, never a sample's wording.
 */
public final class Debris {
    /** Whole-line furniture: anchored, so most lines fail on their first characters. */
    private static final Pattern LINE = Pattern.compile(
            // navigation and breadcrumbs
            "^(当前位置|您的位置|您现在的位置|您当前的位置|所在位置|位置:首页|首页[>»/]|网站首页[|>]).*"
            + "|^(首页|网站首页)([|>/·-]?[\\p{IsHan}]{2,8}){2,}$"
            + "|^(上一篇|下一篇|相关链接|相关阅读|相关文章|友情链接)[:：].*|^(上一篇|下一篇|相关链接|友情链接)$"
            + "|^(打印|关闭|收藏|分享|返回顶部|返回首页|微信|微博|QQ空间|视力保护色)([|/·]?(打印|关闭|收藏|分享|返回顶部|微信|微博|QQ空间))*$"
            // page footers: "— 1 —", "-12-", "第3页", "第3页共9页", "3/9"
            + "|^[-_~]+\\d{1,3}[-_~]+$"
            + "|^第\\d{1,3}页(,?共\\d{1,3}页)?$|^\\d{1,3}/\\d{1,3}$|^共\\d{1,3}页第\\d{1,3}页$");
    /**
     * The characters a {@link #LINE} match can start with (its branches' first characters; digits are ASCII after
     * normalisation): most lines start with none and skip the pattern. Keep in step with {@link #LINE}.
     */
    private static final String LINE_LEADS = "当您所位首网上下相友打关收分返微Q视-_~第共0123456789";
    /** Footers, share bars and page tools: a line containing any of these is furniture. */
    private static final String[] ANYWHERE = {
        "ICP备", "ICP证", "公网安备", "网站标识码", "版权所有", "主办单位:", "承办单位:", "技术支持:", "维护单位:", "网站地图",
        "打印本页", "关闭窗口", "分享到", "扫一扫", "【字体", "字号:", "【打印】", "【关闭】", "【大】", "【中】", "【小】",
        "浏览次数:", "访问次数:", "阅读次数:", "点击数:", "联系我们|", "分辨率", "Copyright", "COPYRIGHT", "copyright", "©"};
    /** The first characters of the {@link #ANYWHERE} terms: a line is scanned once for them, not once per term. */
    private static final java.util.BitSet TERM_STARTS = new java.util.BitSet();
    static {
        for (String term : ANYWHERE) TERM_STARTS.set(term.charAt(0));
    }
    /** "建议使用IE8以上浏览器": the one footer term with a gap in it. */
    private static final Pattern BROWSER_HINT = Pattern.compile("建议使用.{0,20}浏览器");
    private static final Pattern INLINE = Pattern.compile(
            "\\[bookmark:[^\\]]*]|<!--\\[if[^\\]]*]-->|<!--\\[endif]-->|<!\\[if[^\\]]*]>|<!\\[endif]>");

    private Debris() {}

    /** True when the whole normalised line is page furniture. */
    public static boolean isDebris(String norm) {
        if (norm.isEmpty()) return false;
        if (anyTerm(norm)) return true;
        return norm.contains("浏览器") && BROWSER_HINT.matcher(norm).find()
                || LINE_LEADS.indexOf(norm.charAt(0)) >= 0 && LINE.matcher(norm).matches();
    }

    /** Whether the line contains one of the {@link #ANYWHERE} terms: far cheaper than one regex alternation. */
    private static boolean anyTerm(String norm) {
        for (int i = 0; i < norm.length(); i++) {
            if (!TERM_STARTS.get(norm.charAt(i))) continue;
            for (String term : ANYWHERE) if (norm.startsWith(term, i)) return true;
        }
        return false;
    }

    /** Removes converter artefacts embedded in a normalised line. */
    public static String strip(String norm) {
        return mayHoldInline(norm) ? INLINE.matcher(norm).replaceAll("") : norm;
    }

    /** Removes converter artefacts from a line as found, keeping its spacing (table cells are cut on it). */
    public static String stripText(String text) {
        return mayHoldInline(text) ? INLINE.matcher(text).replaceAll("") : text;
    }

    /** Whether an {@link #INLINE} artefact may stand in the line: each starts with "[bookmark:" or "<!". */
    private static boolean mayHoldInline(String s) {
        return s.contains("[bookmark:") || s.contains("<!");
    }

    /** The same test on a line as found (not normalised): what the rules call on {@code SourceLine.text}. */
    public static boolean isDebrisText(String text) {
        return isDebris(strip(Normalizer.norm(text)));
    }
}
