package nianbao.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Crawler and portal exports: a CSV or XLSX table with a header row such as
 * {@code 标题,时间,内容,链接} and one published report per row. Each row becomes one document whose
 * first lines are the row's title and its publication date ("发布日期：2021-01-29", from the date
 * column), followed by the content column's text; the other columns are crawler bookkeeping and
 * are left out (the link is kept as a note for the reviewer).
 *
 * <p>CSV is parsed with commons-csv (quoted fields may hold commas, quotes and line breaks); the
 * text's lines keep their line numbers in the file. XLSX is read with POI; its lines are numbered
 * in reading order and carry the sheet row as place ("表格第3行").
 */
final class Exports {
    /** Header names per role; a header matches a role exactly, or failing that by containing one of the words. */
    private static final List<String> TITLE = List.of("标题", "题目", "文章标题", "信息标题", "名称", "title", "name", "subject");
    private static final List<String> DATE = List.of("发布时间", "发布日期", "时间", "日期", "成文日期", "公开日期", "发文日期",
            "date", "time", "pubdate", "publishdate", "publish_time", "publish_date", "published", "pub_date");
    private static final List<String> CONTENT = List.of("内容", "正文", "全文", "文本", "正文内容", "文章内容",
            "content", "text", "body", "article");
    private static final List<String> LINK = List.of("访问地址", "链接", "网址", "原文链接", "原文地址", "地址", "url", "link", "href");
    /** A header cell longer than this is text, not a column name. */
    private static final int MAX_HEADER_NAME = 24;
    private static final Pattern DATE_VALUE = Pattern.compile("((?:19|20)\\d{2})\\s*(?:年|[.\\-/])\\s*(\\d{1,2})\\s*(?:月|[.\\-/])\\s*(\\d{1,2})");

    private Exports() {}

    /** Column positions of a recognised export header. */
    record Columns(int title, int date, int content, int link, List<String> names) {
        String dateName() { return date < 0 ? null : names.get(date); }
    }

    /** One row of an export: its place in the file and its fields. */
    record Rec(int line, String place, String title, String date, String dateColumn, String content, int contentLine, String link) {}

    // ---- detection ---------------------------------------------------------------------------

    /** The columns when {@code header} names a content column and a title or date column; else empty. */
    static Optional<Columns> columns(List<String> header) {
        if (header.size() < 2 || header.size() > 60) return Optional.empty();
        List<String> names = new ArrayList<>();
        for (String h : header) {
            String n = h == null ? "" : h.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
            if (n.length() > MAX_HEADER_NAME) return Optional.empty();
            names.add(n);
        }
        int content = find(names, CONTENT, -1);
        if (content < 0) return Optional.empty();
        int title = find(names, TITLE, content);
        int date = find(names, DATE, content);
        if (title < 0 && date < 0) return Optional.empty();
        int link = find(names, LINK, content);
        return Optional.of(new Columns(title, date, content, link, names));
    }

    private static int find(List<String> names, List<String> words, int not) {
        for (String w : words) {
            for (int i = 0; i < names.size(); i++) if (i != not && names.get(i).equals(w)) return i;
        }
        for (String w : words) {
            for (int i = 0; i < names.size(); i++) if (i != not && names.get(i).contains(w)) return i;
        }
        return -1;
    }

    // ---- CSV -----------------------------------------------------------------------------------

    /** The rows of a CSV (or tab-separated) export, or empty when the text is not one. */
    static Optional<List<Rec>> csv(String text) {
        int eol = 0;
        while (eol < text.length() && text.charAt(eol) != '\n' && text.charAt(eol) != '\r') eol++;
        String first = text.substring(0, eol);
        char delimiter = first.indexOf(',') >= 0 ? ',' : first.indexOf('\t') >= 0 ? '\t' : 0;
        if (delimiter == 0 || eol == text.length()) return Optional.empty();
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).get();
        Optional<Columns> cols;
        try (CSVParser head = CSVParser.parse(new StringReader(first), format)) {
            List<CSVRecord> h = head.getRecords();
            if (h.isEmpty()) return Optional.empty();
            cols = columns(h.get(0).toList());
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            return Optional.empty();
        }
        if (cols.isEmpty()) return Optional.empty();
        Columns c = cols.get();
        int[] lineStarts = lineStarts(text);
        List<Rec> out = new ArrayList<>();
        try (CSVParser p = CSVParser.parse(new StringReader(text), format)) {
            boolean header = true;
            for (CSVRecord r : p) {
                if (header) {
                    header = false;
                    continue;
                }
                String content = field(r, c.content());
                if (content.isBlank()) continue;
                int pos = (int) Math.min(r.getCharacterPosition(), text.length());
                int line = lineOf(lineStarts, pos);
                // The content field's own position: its text as written (a quoted field without
                // doubled quotes is a verbatim substring); else its first line; else the record's line.
                int at = text.indexOf(content, pos);
                if (at < 0) {
                    String firstLine = content.strip().lines().findFirst().orElse("");
                    at = firstLine.isEmpty() ? -1 : text.indexOf(firstLine, pos);
                }
                int contentLine = at < 0 ? line : lineOf(lineStarts, at);
                out.add(new Rec(line, null, field(r, c.title()), field(r, c.date()), c.dateName(), content, contentLine, field(r, c.link())));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            return Optional.empty();   // not well-formed CSV after all: read as plain text
        }
        return out.isEmpty() ? Optional.empty() : Optional.of(out);
    }

    private static String field(CSVRecord r, int i) {
        return i < 0 || i >= r.size() ? "" : r.get(i);
    }

    /** Offsets where lines start; CR, LF and CRLF each end a line, as in {@link TextReader}. */
    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
            if (ch == '\n' || ch == '\r') starts.add(i + 1);
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** 1-based line of an offset. */
    private static int lineOf(int[] starts, int pos) {
        int i = java.util.Arrays.binarySearch(starts, pos);
        return (i >= 0 ? i : -i - 2) + 1;
    }

    // ---- XLSX ----------------------------------------------------------------------------------

    /** True when ZIP bytes are an Excel workbook. */
    static boolean isWorkbook(byte[] bytes) {
        return Zips.mentions(bytes, "xl/workbook.xml");
    }

    /** The rows of an XLSX export (first sheet, header in the first non-empty row). */
    static List<Rec> xlsx(byte[] bytes) throws IngestException {
        if (!Zips.complete(bytes)) {
            throw new IngestException("CORRUPT", "Excel文件不完整（已截断或损坏）", "the XLSX file is truncated or damaged");
        }
        // OPCPackage.open(InputStream) applies POI's zip-bomb limits; XML entities are refused by POI.
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(bytes)); XSSFWorkbook wb = new XSSFWorkbook(pkg)) {
            if (wb.getNumberOfSheets() == 0) throw notExport();
            Sheet sheet = wb.getSheetAt(0);
            DataFormatter fmt = new DataFormatter(Locale.CHINA);
            Columns c = null;
            List<Rec> out = new ArrayList<>();
            for (Row row : sheet) {
                List<String> values = new ArrayList<>();
                for (int i = 0; i < Math.max(0, row.getLastCellNum()); i++) values.add(value(row.getCell(i), fmt));
                if (values.stream().allMatch(String::isBlank)) continue;
                if (c == null) {
                    c = columns(values).orElseThrow(Exports::notExport);
                    continue;
                }
                String content = get(values, c.content());
                if (content.isBlank()) continue;
                int r = row.getRowNum() + 1;
                out.add(new Rec(r, "表格第" + r + "行", get(values, c.title()), get(values, c.date()), c.dateName(), content, r, get(values, c.link())));
            }
            if (c == null || out.isEmpty()) throw notExport();
            return out;
        } catch (IngestException e) {
            throw e;
        } catch (Exception e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (String.valueOf(t.getMessage()).contains("Zip bomb")) {
                    throw new IngestException("ZIP_BOMB", "文件解压后异常膨胀（疑似压缩炸弹），拒绝读取", "refused: the file expands suspiciously (zip bomb?)");
                }
            }
            throw new IngestException("CORRUPT", "Excel文件已损坏，无法读取", "the XLSX file is damaged");
        }
    }

    private static IngestException notExport() {
        return new IngestException("NOT_REPORT_TABLE", "Excel表格不是网站导出的年报（需要表头含“内容”或“正文”列，以及“标题”或“时间”列）",
                "the XLSX workbook is not a report export (a header with a content column and a title or date column is needed)");
    }

    private static String get(List<String> values, int i) {
        return i < 0 || i >= values.size() ? "" : values.get(i);
    }

    private static String value(Cell cell, DataFormatter fmt) {
        if (cell == null) return "";
        if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate().toString();
        }
        return fmt.formatCellValue(cell);
    }

    // ---- rows to documents -----------------------------------------------------------------------

    /**
     * The blocks of one row: title, publication date, then the content's lines. For CSV the
     * content keeps its file line numbers; for XLSX ({@code sequential}) lines are numbered from
     * {@code next[0]} on and each gets the row's place.
     */
    static List<Block> blocks(Rec r, boolean sequential, int[] next, Map<Integer, String> places) {
        List<Block> out = new ArrayList<>();
        String title = title(r);
        int line = sequential ? next[0] : r.line();
        if (!title.isEmpty()) {
            out.add(new TextBlock(line, title));
            if (sequential) places.put(next[0]++, r.place());
        }
        LocalDate date = date(r.date());
        if (date != null) {
            line = sequential ? next[0] : r.line();
            out.add(new TextBlock(line, "发布日期：" + date.format(DateTimeFormatter.ISO_LOCAL_DATE)));
            if (sequential) places.put(next[0]++, r.place());
        }
        String content = r.content();
        boolean html = Ingestor.isFragment(content.substring(0, Math.min(content.length(), 4096)).toLowerCase(Locale.ROOT));
        if (html) {
            // Some crawlers store the page's HTML in the content column: read it as HTML (tables stay tables).
            List<Block> blocks = HtmlReader.page(content, Ingestor.DEFAULT_MAX_HTML_DEPTH).blocks();
            int shift = (sequential ? next[0] : r.contentLine()) - 1, last = 0;
            for (Block b : blocks) {
                out.add(Paragraphs.shift(b, shift));
                last = Math.max(last, b.line() + shift);
            }
            if (sequential) {
                for (int l = next[0]; l <= last; l++) places.put(l, r.place());
                next[0] = Math.max(next[0], last + 1);
            }
            return out;
        }
        for (Block b : TextReader.blocks(content)) {
            TextBlock t = (TextBlock) b;
            if (sequential) {
                for (String piece : Paragraphs.pieces(t.text())) {
                    places.put(next[0], r.place());
                    out.add(new TextBlock(next[0]++, piece));
                }
            } else {
                out.add(new TextBlock(r.contentLine() + t.line() - 1, t.text()));
            }
        }
        return out;
    }

    /**
     * A row's title column as one line: runs of white space (ideographic and no-break spaces too) become one
     * space. It is the report's title whatever it says; empty when the column is blank or absent.
     */
    static String title(Rec r) {
        return r.title() == null ? "" : r.title().replaceAll("[\\s\\u3000\\u00A0]+", " ").strip();
    }

    /** A date column's value as a date: 2021-01-29, 2020年01月16日, 2023-01-31 12:19:21, 2020/1/3. */
    static LocalDate date(String value) {
        if (value == null) return null;
        Matcher m = DATE_VALUE.matcher(value);
        if (!m.find()) return null;
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** The reviewer's note for one row. */
    static String note(String form, int rows, int index, Rec r) {
        StringBuilder sb = new StringBuilder("本文件是网站栏目导出的表格（" + form + "，每行一份报告，共" + rows + "行）");
        if (rows > 1) sb.append("；本报告取自第").append(index).append("行");
        if (date(r.date()) != null && r.dateColumn() != null) sb.append("；发布日期取自“").append(r.dateColumn()).append("”列");
        if (!r.link().isBlank()) sb.append("；原文地址：").append(r.link().strip());
        return sb.append('。').toString();
    }

}
