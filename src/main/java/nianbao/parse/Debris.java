package nianbao.parse;

import java.util.regex.Pattern;

/**
 * Web-page and converter debris: navigation, share bars, site footers with ICP numbers, page
 * footers like "— 1 —", Word bookmarks and conditional comments. Kept out of titles, sections
 * and tables; never judged as report content.
 */
public final class Debris {
    private static final Pattern LINE = Pattern.compile(
            "^(当前位置|您的位置|您现在的位置|首页[>»]).*"
            + "|.*(ICP备|ICP证|公网安备|网站标识码|版权所有|主办单位:|承办单位:|技术支持:|网站地图|打印本页|关闭窗口|分享到|扫一扫|【字体|字号:|【打印】|【关闭】).*"
            + "|^[-_~]*\\d{1,3}[-_~]*$"
            + "|^第\\d{1,3}页(共\\d{1,3}页)?$");
    private static final Pattern INLINE = Pattern.compile("\\[bookmark:[^\\]]*]|<!--\\[if[^\\]]*]-->|<!--\\[endif]-->");

    private Debris() {}

    /** True when the whole normalised line is page furniture. */
    public static boolean isDebris(String norm) {
        return !norm.isEmpty() && LINE.matcher(norm).matches();
    }

    /** Removes converter artefacts embedded in a normalised line. */
    public static String strip(String norm) {
        return norm.indexOf('[') < 0 && norm.indexOf('<') < 0 ? norm : INLINE.matcher(norm).replaceAll("");
    }
}
