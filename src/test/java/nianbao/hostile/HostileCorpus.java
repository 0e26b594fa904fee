package nianbao.hostile;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import nianbao.TestSupport;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * The hostile-input corpus, generated at test time so that nothing big or binary is committed.
 * Every case says which outcomes are acceptable: a real audit ({@link #AUDIT}) and/or error codes.
 * {@code ANY_ERROR} accepts any clear error: DOCX and PDF readers are being added on another
 * branch, so today those files give UNSUPPORTED_TYPE and later a real audit or a reader error.
 */
public final class HostileCorpus {
    static final String AUDIT = "AUDIT";
    static final String ANY_ERROR = "ANY_ERROR";
    /** Where an external entity or link would call home: replaced by the test's local listener port. */
    static final String PORT = "{PORT}";

    public record Case(String name, Path file, String what, Set<String> accept) {}

    private HostileCorpus() {}

    /** Writes the corpus (and the 100 MB file) into a folder, for measuring with the real launcher. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        for (Case c : write(dir, 9)) System.out.println(c.name() + "\t" + c.what());
        huge(dir);
    }

    /** Writes every case into {@code dir}; {@code port} is a local port that must never be contacted. */
    public static List<Case> write(Path dir, int port) throws IOException {
        Files.createDirectories(dir);
        List<Case> out = new ArrayList<>();
        String report = TestSupport.text("002");
        String small = TestSupport.text("001");
        Random rnd = new Random(20261122L);

        out.add(bytes(dir, "empty.txt", new byte[0], "空文件", "EMPTY"));
        out.add(bytes(dir, "whitespace.txt", " \n\t\r\n\u3000\u3000\n   \r\n".getBytes(StandardCharsets.UTF_8), "只有空白字符", "EMPTY"));
        byte[] random = new byte[8192];
        rnd.nextBytes(random);
        out.add(bytes(dir, "random.txt", random, "随机二进制数据", "NOT_TEXT", "ENCODING"));
        out.add(bytes(dir, "picture.txt", png(), "改名为 .txt 的 PNG 图片", "NOT_TEXT"));

        byte[] docx = docx(report);
        out.add(bytes(dir, "truncated.docx", Arrays.copyOf(docx, docx.length * 3 / 5), "截断的 DOCX", AUDIT, ANY_ERROR));
        byte[] corrupt = docx.clone();
        for (int i = docx.length / 3; i < docx.length / 3 + 400 && i < corrupt.length; i++) corrupt[i] = (byte) 0xFF;
        out.add(bytes(dir, "corrupt.docx", corrupt, "中间被破坏的 DOCX", AUDIT, ANY_ERROR));
        byte[] pdf = pdf();
        out.add(bytes(dir, "truncated.pdf", Arrays.copyOf(pdf, pdf.length / 2), "截断的 PDF", AUDIT, ANY_ERROR));
        byte[] badPdf = new byte[4096];
        rnd.nextBytes(badPdf);
        System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, badPdf, 0, 9);
        out.add(bytes(dir, "corrupt.pdf", badPdf, "PDF 文件头后全是乱码", AUDIT, ANY_ERROR));
        out.add(bytes(dir, "bomb.docx", zipBomb(), "压缩炸弹（100 MB 的 document.xml 压成约 100 KB），扩展名 .docx", ANY_ERROR));
        out.add(bytes(dir, "xxe.docx", xxeDocx(port), "含外部实体（XXE）的 DOCX，实体指向本机监听端口和 /etc/passwd", AUDIT, ANY_ERROR));
        out.add(bytes(dir, "external-links.docx", externalLinksDocx(port), "含外部链接（超链接、模板、INCLUDETEXT）的 DOCX", AUDIT, ANY_ERROR));

        out.add(text(dir, "deep.html", deepHtml(report, 100_000), StandardCharsets.UTF_8, "嵌套 10 万层的 HTML", AUDIT));
        out.add(text(dir, "many-lines.txt", "\n".repeat(1_000_000), StandardCharsets.UTF_8, "100 万个空行（约 1 MB）", "TOO_LARGE"));
        out.add(text(dir, "long-line.txt", longLine(report, 4 << 20), StandardCharsets.UTF_8, "没有换行的 4 MB 单行文字", AUDIT, "NO_STRUCTURE", "TIMEOUT"));

        String html = reportHtml(report, "utf-8");
        out.add(text(dir, "gbk-declared-utf8.html", html, Charset.forName("GBK"), "GBK 编码但声明为 UTF-8 的 HTML", AUDIT));
        out.add(text(dir, "utf8-declared-gbk.html", reportHtml(report, "gbk"), StandardCharsets.UTF_8, "UTF-8 编码但声明为 GBK 的 HTML", AUDIT));
        out.add(text(dir, "gb18030.txt", report, Charset.forName("GB18030"), "GB18030 编码的纯文本", AUDIT));
        out.add(text(dir, "utf16le-nobom.txt", report, StandardCharsets.UTF_16LE, "无 BOM 的 UTF-16LE", AUDIT));
        out.add(text(dir, "utf16be-nobom.txt", report, StandardCharsets.UTF_16BE, "无 BOM 的 UTF-16BE", AUDIT));
        out.add(text(dir, "mixed-eol.txt", mixedLineEndings(report), StandardCharsets.UTF_8, "CRLF、CR、LF 混用", AUDIT));
        out.add(bytes(dir, "nul-bytes.txt", withNuls(report.getBytes(StandardCharsets.UTF_8)), "行中夹有 NUL 字节", AUDIT, "NOT_TEXT"));
        out.add(text(dir, "script-report.txt", scriptReport(report, port), StandardCharsets.UTF_8, "单元格和正文中含 <script>、onerror、javascript:、模板语法", AUDIT));
        out.add(text(dir, "script-report.html", scriptHtml(report, port), StandardCharsets.UTF_8, "HTML 年报：脚本、事件属性、外部图片和模板语法", AUDIT));

        for (String name : new String[] {"年报 2021 (终稿).txt", "..年报..txt", "$(touch pwned).txt", "a;b|c&d`id`'\"x.txt",
                "-rf --help.txt", "CON.txt", "..\\..\\evil.txt", ".hidden.txt"}) {
            out.add(text(dir, name, small, StandardCharsets.UTF_8, "文件名含空格、中文、..、分隔符或 shell 元字符", AUDIT));
        }
        Path folder = dir.resolve("folder.txt");
        Files.createDirectories(folder);
        out.add(new Case("folder.txt", folder, "名为 .txt 的文件夹", Set.of("NOT_FILE")));
        out.add(new Case("missing.txt", dir.resolve("missing.txt"), "不存在的文件", Set.of("NOT_FOUND")));
        return out;
    }

    /** A 100 MB text file, written in a temp folder at test time: refused by size before it is read. */
    static Case huge(Path dir) throws IOException {
        Path f = dir.resolve("huge-100mb.txt");
        byte[] chunk = TestSupport.text("002").getBytes(StandardCharsets.UTF_8);
        try (OutputStream o = Files.newOutputStream(f)) {
            for (long written = 0; written < 100L * 1024 * 1024; written += chunk.length) o.write(chunk);
        }
        return new Case(f.getFileName().toString(), f, "100 MB 文本文件", Set.of("TOO_LARGE"));
    }

    // ---- builders ------------------------------------------------------------------------------

    private static Case bytes(Path dir, String name, byte[] b, String what, String... accept) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, b);
        return new Case(name, f, what, Set.of(accept));
    }

    private static Case text(Path dir, String name, String s, Charset cs, String what, String... accept) throws IOException {
        return bytes(dir, name, s.getBytes(cs), what, accept);
    }

    static byte[] png() throws IOException {
        BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        img.setRGB(3, 3, 0xC00000);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        ImageIO.write(img, "png", b);
        return b.toByteArray();
    }

    static byte[] docx(String text) throws IOException {
        try (XWPFDocument d = new XWPFDocument(); ByteArrayOutputStream b = new ByteArrayOutputStream()) {
            for (String line : text.split("\r?\n")) d.createParagraph().createRun().setText(line);
            d.write(b);
            return b.toByteArray();
        }
    }

    static byte[] pdf() throws IOException {
        try (PDDocument d = new PDDocument(); ByteArrayOutputStream b = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            d.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(d, page)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                cs.newLineAtOffset(72, 700);
                cs.showText("2021 annual report on government information disclosure");
                cs.endText();
            }
            d.save(b);
            return b.toByteArray();
        }
    }

    private static final String CONTENT_TYPES = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
            + "</Types>";
    private static final String ROOT_RELS = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
            + "</Relationships>";
    private static final String W = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
            + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";

    private static byte[] zip(String[][] entries) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(b)) {
            for (String[] e : entries) {
                z.putNextEntry(new ZipEntry(e[0]));
                z.write(e[1].getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return b.toByteArray();
    }

    static byte[] zipBomb() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(b)) {
            z.setLevel(Deflater.BEST_COMPRESSION);
            for (String[] e : new String[][] {{"[Content_Types].xml", CONTENT_TYPES}, {"_rels/.rels", ROOT_RELS}}) {
                z.putNextEntry(new ZipEntry(e[0]));
                z.write(e[1].getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
            z.putNextEntry(new ZipEntry("word/document.xml"));
            z.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document " + W + "><w:body><w:p><w:r><w:t>")
                    .getBytes(StandardCharsets.UTF_8));
            byte[] spaces = new byte[1 << 20];
            Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 100; i++) z.write(spaces);
            z.write("</w:t></w:r></w:p></w:body></w:document>".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        return b.toByteArray();
    }

    static byte[] xxeDocx(int port) throws IOException {
        String doc = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<!DOCTYPE w:document [<!ENTITY remote SYSTEM \"http://127.0.0.1:" + port + "/xxe\">"
                + "<!ENTITY passwd SYSTEM \"file:///etc/passwd\">]>"
                + "<w:document " + W + "><w:body>"
                + "<w:p><w:r><w:t>某县人民政府2021年度政府信息公开工作年度报告</w:t></w:r></w:p>"
                + "<w:p><w:r><w:t>&remote;</w:t></w:r></w:p><w:p><w:r><w:t>&passwd;</w:t></w:r></w:p>"
                + "</w:body></w:document>";
        return zip(new String[][] {{"[Content_Types].xml", CONTENT_TYPES}, {"_rels/.rels", ROOT_RELS}, {"word/document.xml", doc}});
    }

    static byte[] externalLinksDocx(int port) throws IOException {
        String base = "http://127.0.0.1:" + port;
        String doc = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document " + W + "><w:body>"
                + "<w:p><w:r><w:t>某县人民政府2021年度政府信息公开工作年度报告</w:t></w:r></w:p>"
                + "<w:p><w:hyperlink r:id=\"rIdLink\"><w:r><w:t>点击下载</w:t></w:r></w:hyperlink></w:p>"
                + "<w:p><w:fldSimple w:instr=\"INCLUDETEXT &quot;" + base + "/include&quot;\"><w:r><w:t>x</w:t></w:r></w:fldSimple></w:p>"
                + "<w:p><w:fldSimple w:instr=\"INCLUDEPICTURE &quot;" + base + "/picture&quot; \\d\"><w:r><w:t>y</w:t></w:r></w:fldSimple></w:p>"
                + "</w:body></w:document>";
        String rels = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rIdLink\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink\" Target=\"" + base + "/link\" TargetMode=\"External\"/>"
                + "<Relationship Id=\"rIdTpl\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate\" Target=\"" + base + "/template.dotm\" TargetMode=\"External\"/>"
                + "<Relationship Id=\"rIdImg\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"" + base + "/image.png\" TargetMode=\"External\"/>"
                + "</Relationships>";
        return zip(new String[][] {{"[Content_Types].xml", CONTENT_TYPES}, {"_rels/.rels", ROOT_RELS}, {"word/document.xml", doc},
                {"word/_rels/document.xml.rels", rels}});
    }

    static String deepHtml(String report, int depth) {
        StringBuilder sb = new StringBuilder(depth * 12 + report.length() * 2);
        sb.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>\n");
        sb.append("<div>".repeat(depth));
        for (String line : report.split("\r?\n")) sb.append("<p>").append(escape(line)).append("</p>\n");
        sb.append("</div>".repeat(depth));
        return sb.append("</body></html>\n").toString();
    }

    static String reportHtml(String report, String declared) {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset="
                + declared + "\"><title>年度报告</title></head><body>\n");
        for (String line : report.split("\r?\n")) sb.append("<p>").append(escape(line)).append("</p>\n");
        return sb.append("</body></html>\n").toString();
    }

    static String longLine(String report, int chars) {
        String flat = report.replaceAll("[\r\n]+", " ");
        StringBuilder sb = new StringBuilder(chars + flat.length());
        while (sb.length() < chars) sb.append(flat);
        return sb.toString();
    }

    static String mixedLineEndings(String report) {
        String[] lines = report.split("\r?\n", -1);
        String[] eol = {"\r\n", "\r", "\n"};
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            if (i + 1 == lines.length) break;
            // a lone CR before an empty line would read as CRLF, one break instead of two
            String e = eol[i % 3].equals("\r") && lines[i + 1].isEmpty() ? "\n" : eol[i % 3];
            sb.append(lines[i]).append(e);
        }
        sb.append(lines[lines.length - 1]);
        return sb.toString();
    }

    static byte[] withNuls(byte[] b) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (int i = 0; i < b.length; i++) {
            o.write(b[i]);
            if (b[i] == '\n' && i % 7 == 0) o.write(0);
        }
        return o.toByteArray();
    }

    /** Markers an injected script would write; the Chromium test looks for them in the rendered DOM. */
    static final String PWN_ATTR = "data-pwned";

    static String payloads(int port) {
        return payloads(port, "corpus");
    }

    /** Script, event-handler, link and template payloads; remote URLs carry {@code /tag/} so a request can be traced to its page. */
    static String payloads(int port, String tag) {
        return "<script>document.documentElement.setAttribute('" + PWN_ATTR + "','script')</script>"
                + "<img src=\"http://127.0.0.1:" + port + "/" + tag + "/img.png\" onerror=\"document.documentElement.setAttribute('" + PWN_ATTR + "','img')\">"
                + "<a href=\"javascript:document.documentElement.setAttribute('" + PWN_ATTR + "','link')\">点此</a>"
                + "<svg onload=\"document.documentElement.setAttribute('" + PWN_ATTR + "','svg')\"></svg>"
                + "<link rel=\"stylesheet\" href=\"http://127.0.0.1:" + port + "/" + tag + "/style.css\">"
                + "<iframe src=\"http://127.0.0.1:" + port + "/" + tag + "/frame\"></iframe>"
                + "{{7*7}} [[${7*7}]] [(${7*7})] ${T(java.lang.Runtime).getRuntime().exec('touch pwned')} *{7*7} #{7*7} __${7*7}__::x";
    }

    static String scriptReport(String report, int port) {
        String p = payloads(port);
        String s = once(report, "2021年度政府信息公开工作年度报告", "2021年度政府信息公开工作年度报告" + p);
        s = once(s, "\t规章\n", "\t规章" + p + "\n");
        s = once(s, "一、总体情况\n", "一、总体情况\n" + p + "\n");
        return once(s, "六、其他需要报告的事项", "六、其他需要报告的事项\n" + p);
    }

    private static String once(String s, String from, String to) {
        int i = s.indexOf(from);
        if (i < 0) throw new IllegalArgumentException("sample has no: " + from);
        return s.substring(0, i) + to + s.substring(i + from.length());
    }

    static String scriptHtml(String report, int port) {
        String p = payloads(port);
        StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>年报</title>"
                + "<script src=\"http://127.0.0.1:" + port + "/evil.js\"></script><base href=\"http://127.0.0.1:" + port + "/\"></head>"
                + "<body onload=\"document.documentElement.setAttribute('" + PWN_ATTR + "','body')\">\n");
        for (String line : report.split("\r?\n")) sb.append("<p>").append(escape(line)).append("</p>\n");
        // The payloads as text inside a table cell and a paragraph: they reach the model as text.
        sb.append("<table><tr><td>说明</td><td>").append(escape(p)).append("</td></tr></table>\n");
        sb.append("<p>").append(escape(p)).append("</p>\n").append(p).append("\n");
        return sb.append("</body></html>\n").toString();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
