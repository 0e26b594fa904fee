package nianbao.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nianbao.model.Cell;
import nianbao.model.Finding;
import nianbao.model.Location;
import nianbao.model.Report;
import nianbao.model.Section;
import nianbao.pipeline.AuditResult;
import nianbao.review.Decisions;
import nianbao.review.Item;
import nianbao.review.Reviewed;
import nianbao.review.Verdict;

/** The per-report JSON of contract.md, field for field. */
public final class JsonReport {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {}

    /** Serialises a throw-away result, so that the JSON library is initialised (see {@link HtmlReport#warmUp()}). */
    public static void warmUp() {
        bytes(AuditResult.error("warm-up", null, "WARM_UP", "warm-up", 0));
    }

    public static byte[] bytes(AuditResult r) {
        return bytes(r, null);
    }

    /** With the findings' ids and the reviewers' decisions; {@code review} null: ids only, the audit's own score. */
    public static byte[] bytes(AuditResult r, Reviewed review) {
        try {
            return MAPPER.writeValueAsBytes(tree(r, review));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, Object> tree(AuditResult a) {
        return tree(a, null);
    }

    public static Map<String, Object> tree(AuditResult a, Reviewed review) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", a.source());
        m.put("sha256", a.sha256());
        Report r = a.report();
        if (r == null) {
            m.put("error", ordered("code", a.errorCode(), "message", a.errorMessage()));
            return m;
        }
        m.put("title", r.title());
        m.put("agency", r.agency());
        m.put("agencyLevel", r.agencyLevel().name());
        m.put("reportYear", r.reportYear());
        m.put("publishedOn", r.publishedOn() == null ? null : r.publishedOn().toString());
        m.put("period", r.period() == null ? null : ordered("from", r.period().from().toString(), "to", r.period().to().toString()));
        m.put("format", ordered("detected", r.formatDetected().name(), "expected", r.formatExpected().name()));
        if (!r.notes().isEmpty()) m.put("notes", r.notes());
        List<Map<String, Object>> sections = new ArrayList<>();
        for (Section s : r.sections()) {
            Map<String, Object> sm = new LinkedHashMap<>();
            sm.put("id", s.id());
            sm.put("heading", s.heading());
            sm.put("line", s.line());
            sections.add(sm);
        }
        m.put("sections", sections);
        List<Map<String, Object>> cells = new ArrayList<>();
        for (Cell c : r.cells()) {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("table", c.table());
            cm.put("row", c.row());
            cm.put("col", c.col());
            cm.put("value", c.value());
            cm.put("raw", c.raw());
            cm.put("line", c.line());
            if (c.status() != nianbao.model.CellStatus.NUMBER) cm.put("status", c.status().name().toLowerCase());
            if (c.inferred()) cm.put("inferred", true);
            cm.put("read", c.read().name().toLowerCase());
            if (c.note() != null) cm.put("note", c.note());
            cells.add(cm);
        }
        m.put("cells", cells);
        if (r.legacyTable() != null) m.put("legacyTable", legacyTable(r.legacyTable()));
        Reviewed rv = review != null ? review : Decisions.NONE.apply(a, null, null);
        m.put("score", rv.score());
        m.put("grade", rv.grade());
        if (rv.cap() != null) m.put("gradeCap", rv.cap());
        if (rv.score() != a.score()) m.put("scoreBeforeReview", a.score());
        if (rv.items().stream().anyMatch(i -> i.decision() != null)) {
            Map<String, Object> counts = new LinkedHashMap<>();
            for (Verdict v : Verdict.values()) counts.put(v.id(), rv.count(v));
            counts.put("undecided", rv.undecided());
            counts.put("manual", rv.manual());
            m.put("review", counts);
        }
        List<Map<String, Object>> findings = new ArrayList<>();
        for (Item i : rv.items()) {
            Map<String, Object> fm = new LinkedHashMap<>();
            fm.put("id", i.id());
            fm.putAll(finding(i.finding()));
            if (i.manual()) fm.put("manual", true);
            if (i.decision() != null) {
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("verdict", i.verdict().id());
                d.put("remark", i.remark());
                fm.put("decision", d);
            }
            findings.add(fm);
        }
        m.put("findings", findings);
        return m;
    }

    /** One finding as contract.md describes it; batch summaries use the same shape. */
    public static Map<String, Object> finding(Finding f) {
        Map<String, Object> fm = new LinkedHashMap<>();
        fm.put("code", f.code());
        fm.put("severity", f.severity().id());
        fm.put("category", f.category());
        fm.put("title", f.title());
        fm.put("message", f.message());
        fm.put("points", f.points());
        fm.put("basis", f.basis());
        fm.put("location", location(f.location()));
        fm.put("evidence", f.evidence());
        return fm;
    }

    private static Map<String, Object> location(Location l) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (l.section() != null) m.put("section", l.section());
        if (l.table() != null) m.put("table", l.table());
        if (l.row() != null) m.put("row", l.row());
        if (l.col() != null) m.put("col", l.col());
        if (l.line() != null) m.put("line", l.line());
        return m;
    }

    /** A two-field object in the order written (Map.of has no stable order, and the JSON must not vary between runs). */
    private static Map<String, Object> ordered(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }

    /** The legacy statistics table (additive key {@code legacyTable}): columns, and per row its values and how each was read. */
    private static Map<String, Object> legacyTable(nianbao.model.LegacyTable t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("line", t.line());
        m.put("columns", t.columns());
        m.put("periodColumn", t.period() >= 0 ? t.columns().get(t.period()) : null);
        m.put("layout", t.layout());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (nianbao.model.LegacyRow row : t.rows()) {
            Map<String, Object> rm = new LinkedHashMap<>();
            rm.put("label", row.label());
            rm.put("unit", row.unit());
            if (row.number() > 0) rm.put("number", row.number());
            if (row.parent() != null) rm.put("parent", row.parent());
            rm.put("line", row.line());
            rm.put("raw", row.raw());
            List<Map<String, Object>> values = new ArrayList<>();
            for (nianbao.model.LegacyCell c : row.cells()) {
                Map<String, Object> cm = new LinkedHashMap<>();
                cm.put("column", c.column());
                cm.put("value", c.value());
                if (c.status() != nianbao.model.CellStatus.NUMBER) cm.put("status", c.status().name().toLowerCase());
                cm.put("read", c.read().name().toLowerCase());
                if (c.note() != null) cm.put("note", c.note());
                values.add(cm);
            }
            rm.put("values", values);
            rows.add(rm);
        }
        m.put("rows", rows);
        return m;
    }
}
