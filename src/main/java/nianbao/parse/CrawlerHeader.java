package nianbao.parse;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The page's own metadata when a report comes as a crawler saved it: a block of "标题: …", "发布时间: …",
 * "发布机构: …" lines above the text, or a spreadsheet export whose first line names the columns
 * ("标题,时间,内容,…") and whose next line is the record. The publication date of a web report usually
 * lives only there (the list or page date), so it wins over a signature date in the text.
 *
 * @param title       the title column or field, trailing "..." of a truncated list title removed
 * @param titleLine   its line
 * @param date        the publication date column or field
 * @param dateLine    its line
 * @param dateEvidence the text quoted for the date
 * @param agency      the publishing body field ("发布机构", "来源"), when given
 */
record CrawlerHeader(String title, int titleLine, LocalDate date, int dateLine, String dateEvidence, String agency) {
    static final CrawlerHeader NONE = new CrawlerHeader(null, 0, null, 0, null, null);

    private static final Pattern FIELD = Pattern.compile("^(标题|题目|文章标题|发布时间|发布日期|成文日期|时间|日期|发布机构|发文机关|发布单位|来源)[:：](.*)$");
    private static final Pattern TITLE_COLUMN = Pattern.compile("标题|题目|名称|title", Pattern.CASE_INSENSITIVE);
    private static final Pattern DATE_COLUMN = Pattern.compile("发布时间|发布日期|时间|日期|date|time", Pattern.CASE_INSENSITIVE);
    private static final Pattern TEXT_COLUMN = Pattern.compile("内容|正文|content|text", Pattern.CASE_INSENSITIVE);
    /** How many lines at the top may hold "key: value" fields. */
    private static final int HEADER_LINES = 12;

    static CrawlerHeader of(List<Line> content) {
        CrawlerHeader csv = csv(content);
        return csv != null ? csv : fields(content);
    }

    /** "标题: …" lines at the top (the crawler's page header); at least two such fields make a header. */
    private static CrawlerHeader fields(List<Line> content) {
        String title = null, agency = null, evidence = null;
        int titleLine = 0, dateLine = 0, count = 0;
        LocalDate date = null;
        for (int i = 0; i < Math.min(content.size(), HEADER_LINES); i++) {
            Line l = content.get(i);
            Matcher m = FIELD.matcher(l.norm());
            if (!m.matches()) continue;
            count++;
            String key = m.group(1), value = m.group(2);
            if (value.isEmpty()) continue;
            if (key.matches("标题|题目|文章标题")) {
                if (title == null) { title = value.strip(); titleLine = l.no(); }
            } else if (key.matches("发布机构|发文机关|发布单位|来源")) {
                if (agency == null && value.length() <= 40) agency = value;
            } else if (date == null) {
                List<ChineseDates.Found> found = ChineseDates.findAll(value);
                if (!found.isEmpty() && found.get(0).start() == 0) {
                    date = found.get(0).date();
                    dateLine = l.no();
                    evidence = l.text().strip();
                }
            }
        }
        if (count < 2) return NONE;
        return new CrawlerHeader(title, titleLine, date, dateLine, evidence, agency);
    }

    /** A spreadsheet export kept as text: a header line naming the title, date and text columns, then the record. */
    private static CrawlerHeader csv(List<Line> content) {
        if (content.size() < 2) return null;
        Line head = content.get(0);
        List<String> names = split(head.text(), 32);
        if (names.size() < 3 || names.stream().anyMatch(n -> n.strip().length() > 8)) return null;
        int titleCol = -1, dateCol = -1, textCol = -1;
        for (int i = 0; i < names.size(); i++) {
            String n = Normalizer.norm(names.get(i));
            if (titleCol < 0 && TITLE_COLUMN.matcher(n).matches()) titleCol = i;
            else if (dateCol < 0 && DATE_COLUMN.matcher(n).matches()) dateCol = i;
            else if (textCol < 0 && TEXT_COLUMN.matcher(n).matches()) textCol = i;
        }
        if (textCol < 0 || titleCol < 0 && dateCol < 0) return null;
        Line record = content.get(1);
        List<String> fields = split(record.text(), Math.max(titleCol, dateCol) + 1);
        String title = titleCol >= 0 && titleCol < fields.size() ? fields.get(titleCol).strip() : null;
        LocalDate date = null;
        if (dateCol >= 0 && dateCol < fields.size()) {
            List<ChineseDates.Found> found = ChineseDates.findAll(Normalizer.norm(fields.get(dateCol)));
            if (!found.isEmpty()) date = found.get(0).date();
        }
        if (title != null && title.isEmpty()) title = null;
        String evidence = date == null ? null : names.get(dateCol).strip() + "：" + fields.get(dateCol).strip();
        return new CrawlerHeader(title, record.no(), date, record.no(), evidence, null);
    }

    /** The first {@code max} comma-separated fields of a CSV line (quotes honoured; an unclosed quote ends the line). */
    static List<String> split(String line, int max) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length() && out.size() < max; i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') { field.append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.append(c);
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                out.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (out.size() < max) out.add(field.toString());
        return out;
    }
}
