package nianbao.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
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

    public Document read(Path file) throws IngestException {
        byte[] bytes = load(file);
        return read(file.toString(), bytes);
    }

    public Document read(String source, byte[] bytes) throws IngestException {
        String sha = sha256(bytes);
        Kind kind = sniff(bytes);
        switch (kind) {
            case EMPTY -> throw new IngestException("EMPTY", "文件为空", "the file is empty");
            case PDF -> { return PdfReader.read(source, sha, bytes); }
            case ZIP -> { return DocxReader.read(source, sha, bytes); }
            case OLE -> { return DocReader.read(source, sha, bytes); }
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
        var blocks = kind == Kind.HTML ? HtmlReader.blocks(text, limits.maxHtmlDepth()) : TextReader.blocks(text);
        if (blocks.size() > limits.maxLines()) {
            throw new IngestException("TOO_LARGE", "文件内容过多（" + blocks.size() + " 段，上限 " + limits.maxLines() + " 段）",
                    "too many text blocks (" + blocks.size() + ", limit " + limits.maxLines() + ")");
        }
        if (blocks.stream().noneMatch(b -> b instanceof TableBlock || !((TextBlock) b).text().isBlank())) {
            throw new IngestException("EMPTY", "文件没有可读的文字内容", "the file has no readable text");
        }
        return new Document(source, sha, kind == Kind.HTML ? "html" : "text", decoding.charset().name(), blocks);
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
                || head.contains("<table") && head.contains("</t")) {
            return Kind.HTML;
        }
        return Kind.TEXT;
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
