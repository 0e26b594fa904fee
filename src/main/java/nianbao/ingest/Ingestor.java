package nianbao.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one input file into a {@link Document}. The file type is decided by the content, never
 * by the extension: a ".doc" that is really HTML is read as HTML.
 */
public final class Ingestor {
    /** Default upper bound on input size; larger files are refused before being read. */
    public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;
    /** Default upper bound on text lines: real reports have a few thousand; millions of empty lines are an attack on memory. */
    public static final int DEFAULT_MAX_LINES = 200_000;
    /** Default HTML nesting depth kept by the parser; deeper elements are attached at this depth (jsoup's own guard). */
    public static final int DEFAULT_MAX_HTML_DEPTH = 512;

    /**
     * Resource limits for one input. Defaults: 64 MB, 200,000 lines, HTML depth 512. A file over
     * a limit is refused with TOO_LARGE before it is parsed. {@link #configured()} reads the JVM
     * properties nianbao.maxBytes, nianbao.maxLines and nianbao.maxHtmlDepth (e.g. through
     * NIANBAO_JAVA_OPTS); a missing or invalid value keeps the default.
     */
    public record Limits(long maxBytes, int maxLines, int maxHtmlDepth) {
        public static final Limits DEFAULT = new Limits(DEFAULT_MAX_BYTES, DEFAULT_MAX_LINES, DEFAULT_MAX_HTML_DEPTH);

        public static Limits configured() {
            return new Limits(property("nianbao.maxBytes", DEFAULT_MAX_BYTES),
                    (int) Math.min(Integer.MAX_VALUE, property("nianbao.maxLines", DEFAULT_MAX_LINES)),
                    (int) Math.min(Integer.MAX_VALUE, property("nianbao.maxHtmlDepth", DEFAULT_MAX_HTML_DEPTH)));
        }

        static long property(String name, long fallback) {
            try {
                long v = Long.parseLong(System.getProperty(name, "").strip());
                return v > 0 ? v : fallback;
            } catch (NumberFormatException e) {
                return fallback;
            }
        }

        public Limits {
            if (maxBytes <= 0 || maxLines <= 0 || maxHtmlDepth <= 0) throw new IllegalArgumentException("limits must be positive");
        }
    }

    private final Limits limits;

    /** Limits from the JVM properties, else the defaults (see {@link Limits}). */
    public Ingestor() { this(Limits.configured()); }

    public Ingestor(long maxBytes) { this(new Limits(maxBytes, DEFAULT_MAX_LINES, DEFAULT_MAX_HTML_DEPTH)); }

    public Ingestor(Limits limits) { this.limits = limits; }

    public Limits limits() { return limits; }

    /**
     * The file as one document. A crawler export with several reports (one per row) comes back
     * as all its rows one after another, each with its title and date lines; use
     * {@link #readAll(Path)} to get one document per report.
     */
    public Document read(Path file) throws IngestException {
        byte[] bytes = load(file);
        return read(file.toString(), bytes);
    }

    /** One document per report in the file: one for most files, one per row for a crawler export. */
    public List<Document> readAll(Path file) throws IngestException {
        byte[] bytes = load(file);
        return readAll(file.toString(), bytes);
    }

    public Document read(String source, byte[] bytes) throws IngestException {
        return ingest(source, bytes, false).get(0);
    }

    /** As {@link #readAll(Path)}; sources of a several-report file are "{@code source#r<row>}" (row 1 = first report). */
    public List<Document> readAll(String source, byte[] bytes) throws IngestException {
        return ingest(source, bytes, true);
    }

    private List<Document> ingest(String source, byte[] bytes, boolean perReport) throws IngestException {
        String sha = sha256(bytes);
        Kind kind = sniff(bytes);
        switch (kind) {
            case EMPTY -> throw new IngestException("EMPTY", "文件为空", "the file is empty");
            case PDF -> { return List.of(PdfReader.read(source, sha, bytes)); }
            case ZIP -> {
                if (Exports.isWorkbook(bytes)) return export(source, sha, "XLSX", null, Exports.xlsx(bytes), true, perReport);
                return List.of(DocxReader.read(source, sha, bytes));
            }
            case OLE -> { return List.of(DocReader.read(source, sha, bytes)); }
            case IMAGE -> throw new IngestException("NOT_TEXT", "文件是图片，不是年度报告文本", "the file is an image, not a report");
            case BINARY -> throw new IngestException("NOT_TEXT", "文件是二进制数据，不是文本", "the file is binary data, not text");
            default -> { }
        }
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), java.nio.charset.StandardCharsets.ISO_8859_1)
                .toLowerCase(Locale.ROOT);
        Optional<String> declared = kind == Kind.HTML ? HtmlReader.declaredCharset(head) : Optional.empty();
        Charsets.Decoding decoding = Charsets.detect(bytes, declared);
        String text = decoding.decode(bytes);
        if (looksGarbled(text)) {
            throw new IngestException("ENCODING", "无法识别文件编码（解码后多为乱码）", "unknown text encoding (decoded text is mostly garbage)");
        }
        int lines = TextReader.countLines(text);
        if (kind != Kind.HTML && lines > limits.maxLines()) {
            throw new IngestException("TOO_LARGE", "文件行数过多（" + lines + " 行，上限 " + limits.maxLines() + " 行）",
                    "too many lines (" + lines + ", limit " + limits.maxLines() + ")");
        }
        // An export's content column may hold HTML, so an HTML-looking text is tried as an export too
        // (its first line is then a header of column names, never a tag).
        if (kind == Kind.TEXT || !text.stripLeading().startsWith("<")) {
            Optional<List<Exports.Rec>> rows = Exports.csv(text);
            if (rows.isPresent()) return export(source, sha, "CSV", decoding.charset().name(), rows.get(), false, perReport);
        }
        List<Block> blocks;
        List<String> notes = new ArrayList<>();
        Map<Integer, String> places = Map.of();
        if (kind == Kind.HTML) {
            HtmlReader.Page page = HtmlReader.page(text, limits.maxHtmlDepth());
            blocks = page.blocks();
            notes.addAll(page.notes());
        } else {
            Paragraphs.Split split = Paragraphs.split(TextReader.blocks(text));
            blocks = split.blocks();
            places = split.places();
            if (split.splitLines() > 0) notes.add(splitNote(split.splitLines()));
        }
        check(blocks);
        return List.of(new Document(source, sha, kind == Kind.HTML ? "html" : "text", decoding.charset().name(), blocks, places, notes));
    }

    private static String splitNote(int lines) {
        return "原文有" + lines + "行很长、段落之间只用全角空格分隔，已在这些空格处分段；分出的段落依次编号，并注明其在原文中的行号。";
    }

    private void check(List<Block> blocks) throws IngestException {
        if (blocks.size() > limits.maxLines()) {
            throw new IngestException("TOO_LARGE", "文件内容过多（" + blocks.size() + " 段，上限 " + limits.maxLines() + " 段）",
                    "too many text blocks (" + blocks.size() + ", limit " + limits.maxLines() + ")");
        }
        if (blocks.stream().noneMatch(b -> b instanceof TableBlock || !((TextBlock) b).text().isBlank())) {
            throw new IngestException("EMPTY", "文件没有可读的文字内容", "the file has no readable text");
        }
    }

    /**
     * A crawler export: one document per row ({@code perReport}), or all rows in one document.
     * XLSX lines are numbered in reading order ({@code sequential}), CSV lines keep their file lines.
     */
    private List<Document> export(String source, String sha, String form, String charset, List<Exports.Rec> rows,
                                  boolean sequential, boolean perReport) throws IngestException {
        String cs = charset == null ? "UTF-8" : charset;
        if (!perReport || rows.size() == 1) {
            List<Block> raw = new ArrayList<>();
            Map<Integer, String> places = new LinkedHashMap<>();
            int[] next = {1};
            List<String> notes = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                raw.addAll(Exports.blocks(rows.get(i), sequential, next, places));
                if (rows.size() == 1) notes.add(Exports.note(form, 1, 1, rows.get(i)));
            }
            if (rows.size() > 1) notes.add("本文件是网站栏目导出的表格（" + form + "），共" + rows.size() + "行、每行一份报告；此处按一份文件整体读取。");
            // One row is one report, titled by its title column; several rows read as one have no single title.
            String title = rows.size() == 1 ? Exports.title(rows.get(0)) : null;
            return List.of(exportDocument(source, sha, cs, raw, places, sequential, notes, title));
        }
        List<Document> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Map<Integer, String> places = new LinkedHashMap<>();
            List<Block> raw = Exports.blocks(rows.get(i), sequential, new int[] {1}, places);
            out.add(exportDocument(source + "#r" + (i + 1), sha, cs, raw, places, sequential,
                    List.of(Exports.note(form, rows.size(), i + 1, rows.get(i))), Exports.title(rows.get(i))));
        }
        return out;
    }

    private Document exportDocument(String source, String sha, String charset, List<Block> raw, Map<Integer, String> places,
                                    boolean sequential, List<String> notes, String title) throws IngestException {
        List<String> allNotes = new ArrayList<>(notes);
        List<Block> blocks = raw;
        if (!sequential) {   // XLSX rows are split into paragraphs as they are numbered
            Paragraphs.Split split = Paragraphs.split(raw);
            blocks = split.blocks();
            places = split.places();
            if (split.splitLines() > 0) allNotes.add(splitNote(split.splitLines()));
        }
        check(blocks);
        return new Document(source, sha, "export", charset, blocks, places, allNotes, title);
    }

    /**
     * Reads at most maxBytes + 1 bytes, so a file that grows while being read, or a special file
     * that never ends, cannot exhaust memory; FIFOs and devices are refused outright (they may block forever).
     */
    private byte[] load(Path file) throws IngestException {
        long maxBytes = limits.maxBytes();
        try {
            if (Files.isDirectory(file)) throw new IngestException("NOT_FILE", "这是一个文件夹，不是文件", "this is a directory, not a file");
            if (Files.exists(file) && !Files.isRegularFile(file)) {
                throw new IngestException("NOT_FILE", "不是普通文件（设备或管道）", "not a regular file (device or pipe)");
            }
            long size = Files.size(file);
            if (size > maxBytes) throw tooLarge(size, maxBytes);
            byte[] bytes;
            try (var in = Files.newInputStream(file)) {
                bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            }
            if (bytes.length > maxBytes) throw tooLarge(bytes.length, maxBytes);
            return bytes;
        } catch (NoSuchFileException e) {
            throw new IngestException("NOT_FOUND", "文件不存在", "file not found");
        } catch (IOException e) {
            throw new IngestException("IO", "无法读取文件：" + e.getClass().getSimpleName(), "cannot read file: " + oneLine(e.getMessage()));
        }
    }

    private static IngestException tooLarge(long size, long maxBytes) {
        return new IngestException("TOO_LARGE", "文件过大（" + size / (1024 * 1024) + " MB，上限 " + maxBytes / (1024 * 1024) + " MB）",
                "file too large (" + size + " bytes, limit " + maxBytes + ")");
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("[\\r\\n]+", " ");
    }

    enum Kind { EMPTY, TEXT, HTML, PDF, ZIP, OLE, IMAGE, BINARY }

    static Kind sniff(byte[] b) {
        if (b.length == 0) return Kind.EMPTY;
        if (has(b, "%PDF".getBytes())) return Kind.PDF;
        if (has(b, new byte[] {'P', 'K', 3, 4})) return Kind.ZIP;
        if (has(b, new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0})) return Kind.OLE;
        if (has(b, new byte[] {(byte) 0x89, 'P', 'N', 'G'}) || has(b, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})
                || has(b, "GIF8".getBytes()) || has(b, "BM".getBytes()) && b.length > 14 && b[6] == 0 && b[7] == 0) {
            return Kind.IMAGE;
        }
        if (isBinary(b)) return Kind.BINARY;
        String head = new String(b, 0, Math.min(b.length, 4096), java.nio.charset.StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        if (head.contains("<html") || head.contains("<!doctype html") || head.contains("<body")
                || head.contains("<table") && head.contains("</t") || isFragment(head)) {
            return Kind.HTML;
        }
        return Kind.TEXT;
    }

    private static final java.util.regex.Pattern OPEN_TAG = java.util.regex.Pattern.compile(
            "<(p|div|br|span|table|tbody|tr|td|th|h[1-6]|li|ul|ol|strong|b|font|section|article|center)(\\s[^<>]{0,400})?/?>");
    private static final java.util.regex.Pattern CLOSE_TAG = java.util.regex.Pattern.compile(
            "</(p|div|span|table|tbody|tr|td|th|h[1-6]|li|ul|ol|strong|b|font|section|article|center)\\s*>");

    /**
     * An HTML fragment without an {@code <html>} root ({@code <p>…</p><table>…}, a crawler's saved
     * body, a text file whose content is tags): block tags opened and closed. A Markdown table
     * with {@code <br>} in its cells has no closing tags and stays text.
     */
    static boolean isFragment(String lowerHead) {
        if (lowerHead.indexOf('<') < 0) return false;   // plain text: spares it two scans with regular expressions
        int open = 0, close = 0;
        var m = OPEN_TAG.matcher(lowerHead);
        while (m.find() && open < 3) open++;
        var c = CLOSE_TAG.matcher(lowerHead);
        while (c.find() && close < 2) close++;
        return open >= 2 && close >= 2 || lowerHead.stripLeading().startsWith("<") && open >= 1 && close >= 1;
    }

    /** Control bytes other than tab/CR/LF/FF/ESC in more than 1% of the first 8 KB, UTF-16 aside. */
    private static boolean isBinary(byte[] b) {
        int n = Math.min(b.length, 8192);
        if (n >= 2 && ((b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE || (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF)) return false;
        int control = 0, zeros = 0;
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xFF;
            if (c == 0) zeros++;
            else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B) control++;
        }
        // UTF-16 without BOM: NULs on one side only; left for the charset detector.
        if ((zeros + control) * 100 <= n) return false;
        return Charsets.utf16WithoutBom(b).isEmpty();
    }

    /** Mostly replacement characters or C1 controls after decoding: the bytes were not text in a known charset. */
    private static boolean looksGarbled(String s) {
        int n = Math.min(s.length(), 20000), bad = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\uFFFD' || c >= 0x80 && c < 0xA0) bad++;
        }
        return n > 0 && bad * 10 > n;
    }

    private static boolean has(byte[] b, byte[] prefix) {
        if (b.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if (b[i] != prefix[i]) return false;
        return true;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
