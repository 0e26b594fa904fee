package nianbao.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Compares nianbao's per-report JSON (the contract's fields, as users read them) with the ground truth of one
 * report. Deliberately strict: a number where the source has none, or a guess between equally valid readings,
 * counts as a wrong cell; an accusation the source does not support counts as a false finding.
 */
public final class Evaluator {
    /** Balance codes and the relation of the ground truth each one asserts to fail. */
    static final Map<String, String> RELATION_OF = Map.of(
            "BAL-T3-MAIN", "T3 main",
            "BAL-T3-TOTAL-ROW", "T3 total row",
            "BAL-T3-TOTAL-COL", "T3 total column",
            "BAL-T4-TOTAL", "T4 totals");
    /** The verdict for a document that is not an annual report: an error code, or a finding code. */
    static final String NOT_ANNUAL_ERROR = "NOT_ANNUAL_REPORT", NOT_ANNUAL_CODE = "NOT-ANNUAL-REPORT";

    /** Findings about a statistics table's own figures, which a standalone table may deserve as much as a report. */
    static final Set<String> ON_FIGURES = Set.of("TAB-BLANK", "TAB-NEGATIVE", "TAB-NONNUMERIC", "TAB-UNREAD");

    private final Set<String> catalogue;

    /** @param catalogue the rule codes the rule set has; expected defects of other codes are not counted */
    public Evaluator(Set<String> catalogue) { this.catalogue = catalogue; }

    public Score compare(Expected exp, JsonNode got) {
        Score s = new Score();
        String name = exp.file();
        s.add("files", 1);
        String error = got.path("error").path("code").asText(null);
        boolean notAnnual = NOT_ANNUAL_ERROR.equals(error) || codes(got).contains(NOT_ANNUAL_CODE);

        fact(s, name, "format", exp.format(), got.path("format").path("detected").asText(error == null ? null : "UNKNOWN"));
        fact(s, name, "year", exp.reportYear() == null ? null : exp.reportYear().toString(), text(got.path("reportYear")));
        fact(s, name, "level", exp.agencyLevel(), text(got.path("agencyLevel")));
        fact(s, name, "date", exp.publishedOn(), text(got.path("publishedOn")));
        fact(s, name, "period", period(exp.periodFrom(), exp.periodTo()),
                period(text(got.path("period").path("from")), text(got.path("period").path("to"))));

        if (!exp.annualReport()) {
            s.add("verdicts.expected", 1);
            if (notAnnual) s.add("verdicts.right", 1);
            else s.problem(name + ": not an annual report, but no " + NOT_ANNUAL_CODE + " verdict");
            return s;
        }
        if (notAnnual) {
            s.add("findings.false", 1);
            s.problem(name + ": false finding: called not an annual report");
        } else if (error != null) {
            s.add("errors", 1);
            s.problem(name + ": audit failed: " + error + " " + got.path("error").path("message").asText(""));
        }
        sections(s, exp, got);
        cells(s, exp, got);
        findings(s, exp, got);
        return s;
    }

    /**
     * A row of a crawler export that is not the report this ground truth describes, judged by what the ground truth
     * records about it. A row that is not an annual report must get the not-annual verdict, and any finding on it
     * that presupposes a report (FMT-UNKNOWN, SEC-MISSING, YEAR-UNKNOWN, PER-*, DL-*, TAB-MISSING, TXT-*…) is a false
     * finding. Not judged, for want of ground truth on that row: integrity findings (INT-*, about the file whatever it
     * holds) and findings on the figures of a statistics table the row holds ({@link #ON_FIGURES}). A row that is an
     * annual report must not get the verdict; the rest of it is not judged.
     */
    public Score compareOther(Expected exp, Expected.OtherRow row, JsonNode got) {
        Score s = new Score();
        String name = exp.file() + " row " + row.row();
        s.add("rows.other", 1);
        String error = got.path("error").path("code").asText(null);
        boolean notAnnual = NOT_ANNUAL_ERROR.equals(error) || codes(got).contains(NOT_ANNUAL_CODE);
        if (row.annualReport()) {
            if (notAnnual) {
                s.add("findings.false", 1);
                s.problem(name + ": false finding: an annual report called not an annual report");
            } else if (error != null) {
                s.add("errors", 1);
                s.problem(name + ": audit failed: " + error + " " + got.path("error").path("message").asText(""));
            }
            return s;
        }
        s.add("verdicts.expected", 1);
        if (notAnnual) s.add("verdicts.right", 1);
        else s.problem(name + ": not an annual report, but no " + NOT_ANNUAL_CODE + " verdict"
                + (error == null ? "" : " (audit error " + error + ")"));
        for (JsonNode f : got.path("findings")) {
            String code = f.path("code").asText();
            if (code.equals(NOT_ANNUAL_CODE) || code.startsWith("INT-") || code.startsWith("BAL-") || ON_FIGURES.contains(code)) continue;
            s.add("findings.false", 1);
            s.problem(name + ": false finding " + code + " " + f.path("location") + ": the row is not an annual report — "
                    + f.path("message").asText(""));
        }
        return s;
    }

    private static void fact(Score s, String file, String fact, String expected, String got) {
        boolean right = Objects.equals(expected, got);
        s.count("facts." + fact, right);
        s.count("facts", right);
        if (right) s.add("facts.right", 1);
        else s.problem(file + ": " + fact + " expected " + expected + ", got " + got);
    }

    private static void sections(Score s, Expected exp, JsonNode got) {
        Set<String> found = new LinkedHashSet<>();
        for (JsonNode sec : got.path("sections")) found.add(sec.path("id").asText());
        for (String id : exp.sectionsPresent()) {
            s.add("sections.expected", 1);
            if (found.contains(id)) s.add("sections.found", 1);
            else s.problem(exp.file() + ": section " + id + " missed");
        }
        for (String id : found) {
            if (!exp.sectionsPresent().contains(id)) {
                s.add("sections.spurious", 1);
                s.problem(exp.file() + ": spurious section " + id);
            }
        }
    }

    private record Got(BigDecimal value, boolean blank, boolean unread, int line) {}

    private static void cells(Score s, Expected exp, JsonNode got) {
        Map<String, Got> ours = new LinkedHashMap<>();
        for (JsonNode c : got.path("cells")) {
            String status = c.path("status").asText("");
            boolean unread = status.equals("unreadable") || c.path("read").asText("").equals("unreadable");
            JsonNode v = c.path("value");
            ours.putIfAbsent(Expected.key(c), new Got(v.isNumber() ? v.decimalValue() : null,
                    status.equals("blank"), unread || !v.isNumber() && !status.equals("blank"), c.path("line").asInt()));
        }
        String file = exp.file();
        for (var e : exp.cells().entrySet()) {
            s.add("cells.expected", 1);
            Got g = ours.get(e.getKey());
            BigDecimal want = e.getValue();
            if (g == null || g.unread) {
                s.add("cells.unread", 1);
            } else if (want == null ? g.blank : g.value != null && g.value.compareTo(want) == 0) {
                s.add("cells.right", 1);
            } else {
                s.add("cells.wrong", 1);
                s.problem(file + ": cell " + e.getKey() + " expected " + (want == null ? "blank" : want.toPlainString())
                        + ", got " + (g.blank ? "blank" : g.value.toPlainString()) + " (line " + g.line + ")");
            }
        }
        for (String k : exp.unreadable()) {
            s.add("cells.ambiguous", 1);
            Got g = ours.get(k);
            if (g == null || g.unread || g.blank) {
                s.add("cells.ambiguous.kept", 1);
            } else {
                s.add("cells.wrong", 1);
                s.problem(file + ": cell " + k + " is ambiguous in the source, but was read as " + g.value.toPlainString());
            }
        }
        for (var e : ours.entrySet()) {
            String k = e.getKey();
            if (exp.cells().containsKey(k) || exp.unreadable().contains(k) || e.getValue().value == null) continue;
            s.add("cells.wrong", 1);
            s.problem(file + ": cell " + k + " = " + e.getValue().value.toPlainString() + " is not in the source (line " + e.getValue().line + ")");
        }
    }

    private void findings(Score s, Expected exp, JsonNode got) {
        String file = exp.file();
        Set<String> tables = exp.tablesPresent();
        Set<String> found = new LinkedHashSet<>();
        for (JsonNode f : got.path("findings")) {
            String code = f.path("code").asText();
            JsonNode loc = f.path("location");
            found.add(code);
            if (code.equals("SEC-MISSING")) found.add(code + ":" + loc.path("section").asText());
            String falseWhy = null;
            if (RELATION_OF.containsKey(code) && !exp.relationFails(RELATION_OF.get(code))) {
                falseWhy = "the relation " + RELATION_OF.get(code) + " is recorded as: " + exp.relations().getOrDefault(RELATION_OF.get(code), "(not applicable)");
            } else if (code.equals("TAB-MISSING") && tables.contains(loc.path("table").asText())) {
                falseWhy = "table " + loc.path("table").asText() + " is in the source";
            } else if (code.equals("SEC-MISSING") && exp.sectionsPresent().contains(loc.path("section").asText())) {
                falseWhy = "section " + loc.path("section").asText() + " is in the source";
            } else if (code.equals("FMT-UNKNOWN") && exp.format() != null && !exp.format().equals("UNKNOWN")) {
                falseWhy = "the format is " + exp.format();
            }
            if (falseWhy != null) {
                s.add("findings.false", 1);
                s.problem(file + ": false finding " + code + " " + loc + ": " + falseWhy + " — " + f.path("message").asText(""));
            }
        }
        Set<String> wanted = new LinkedHashSet<>();
        RELATION_OF.forEach((code, relation) -> { if (exp.relationFails(relation)) wanted.add(code); });
        for (String id : exp.sectionsMissing()) wanted.add("SEC-MISSING:" + id);
        for (String code : exp.defectCodes()) if (!code.equals("SEC-MISSING")) wanted.add(code);
        for (String w : wanted) {
            if (!catalogue.contains(w.split(":")[0])) continue;
            s.add("defects.expected", 1);
            if (found.contains(w)) s.add("defects.found", 1);
            else s.problem(file + ": expected defect " + w + " not found");
        }
    }

    private static Set<String> codes(JsonNode got) {
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode f : got.path("findings")) out.add(f.path("code").asText());
        return out;
    }

    private static String text(JsonNode n) {
        return n.isMissingNode() || n.isNull() ? null : n.asText();
    }

    private static String period(String from, String to) {
        return from == null && to == null ? null : from + ".." + to;
    }
}
