package nianbao.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hand-checked ground truth of one corpus report ({@code corpus/expected/<stem>.json}): what a reader of the
 * source decided, independently of nianbao. Only the fields the evaluation compares are kept.
 *
 * @param cells      readable cells by "table/row/col"; a null value is a blank source cell
 * @param unreadable cells the source does not determine (e.g. a digit run with several valid splits)
 * @param relations  balance relation name ("T3 main", …) → "holds…", "fails…", "n/a…", "not checkable…"
 * @param defectCodes rule codes named at the start of the expected defects (e.g. "DL-LATE: …")
 * @param title      the report's title as published, or null
 * @param agency     the issuing body, or null
 * @param otherRows  for a crawler export with several rows (one report per row): what the rows this ground truth
 *                   does not describe are ({@code "other_rows": [{"row": 1, "is_annual_report": false, "title": …}]});
 *                   empty for a single document
 */
public record Expected(String file, boolean annualReport, String format, Integer reportYear, String agencyLevel,
                       String publishedOn, String periodFrom, String periodTo,
                       Set<String> sectionsPresent, Set<String> sectionsMissing,
                       Map<String, BigDecimal> cells, Set<String> unreadable,
                       Map<String, String> relations, Set<String> defectCodes,
                       String title, String agency, List<OtherRow> otherRows) {

    /**
     * A row of an export that is not the report the ground truth describes.
     *
     * @param row          1-based, as in the per-row outputs ({@code <stem>-r1})
     * @param annualReport whether that row is an annual report at all
     * @param title        its title as published
     */
    public record OtherRow(int row, boolean annualReport, String title) {}

    /** The ground truth of another row, or null when it records none. */
    public OtherRow otherRow(int row) {
        for (OtherRow o : otherRows) if (o.row() == row) return o;
        return null;
    }

    /** A code at the start of a defect text, possibly several joined by "/" ("SEC-HEADING / SEC-ORDER: …"). */
    private static final Pattern LEADING_CODES = Pattern.compile("^\\s*([A-Z]{2,5}(?:-[A-Z0-9]+)+(?:\\s*/\\s*[A-Z]{2,5}(?:-[A-Z0-9]+)+)*)");

    public static Expected of(JsonNode n) {
        Map<String, BigDecimal> cells = new LinkedHashMap<>();
        for (JsonNode c : n.path("cells")) {
            JsonNode v = c.path("value");
            cells.putIfAbsent(key(c), v.isNumber() ? v.decimalValue() : null);
        }
        Set<String> unreadable = new LinkedHashSet<>();
        for (JsonNode c : n.path("unreadable_cells")) unreadable.add(key(c));
        Map<String, String> relations = new LinkedHashMap<>();
        n.path("relations").fields().forEachRemaining(e -> relations.put(e.getKey(), e.getValue().asText("")));
        Set<String> codes = new LinkedHashSet<>();
        for (JsonNode d : n.path("defects")) {
            Matcher m = LEADING_CODES.matcher(d.asText(""));
            if (m.find()) for (String code : m.group(1).split("/")) codes.add(code.strip());
        }
        List<OtherRow> others = new ArrayList<>();
        for (JsonNode o : n.path("other_rows")) {
            others.add(new OtherRow(o.path("row").asInt(), o.path("is_annual_report").asBoolean(true), text(o.path("title"))));
        }
        JsonNode period = n.path("period");
        return new Expected(n.path("file").asText(""), n.path("is_annual_report").asBoolean(true),
                text(n.path("format")), n.path("reportYear").isInt() ? n.path("reportYear").asInt() : null,
                text(n.path("agencyLevel")), text(n.path("publishedOn")),
                text(period.path("from")), text(period.path("to")),
                strings(n.path("sections").path("present")), strings(n.path("sections").path("missing")),
                cells, unreadable, relations, codes, text(n.path("title")), text(n.path("agency")), List.copyOf(others));
    }

    static String key(JsonNode c) {
        return c.path("table").asText() + "/" + c.path("row").asText() + "/" + c.path("col").asText();
    }

    /** The tables the source has, as far as the ground truth records a cell of them. */
    public Set<String> tablesPresent() {
        Set<String> out = new LinkedHashSet<>();
        for (String k : cells.keySet()) out.add(k.substring(0, k.indexOf('/')));
        for (String k : unreadable) out.add(k.substring(0, k.indexOf('/')));
        return out;
    }

    /** True when the named relation is recorded as failing in the source; absent, n/a or holding is false. */
    public boolean relationFails(String name) {
        String v = relations.get(name);
        return v != null && v.strip().startsWith("fails");
    }

    private static String text(JsonNode n) {
        return n.isMissingNode() || n.isNull() ? null : n.asText();
    }

    private static Set<String> strings(JsonNode arr) {
        List<String> out = new ArrayList<>();
        for (JsonNode s : arr) out.add(s.asText());
        return new LinkedHashSet<>(out);
    }
}
