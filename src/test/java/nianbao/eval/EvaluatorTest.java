package nianbao.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each count of the evaluation moves for the reason it names, on hand-made ground truth and output. */
class EvaluatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Evaluator EVAL = new Evaluator(Set.of("BAL-T3-MAIN", "BAL-T4-TOTAL", "SEC-MISSING", "DL-LATE", "TAB-MISSING", "FMT-UNKNOWN"));

    private static final String EXPECTED = """
            {"file": "x.txt", "is_annual_report": true, "format": "GB_2021", "reportYear": 2023, "agencyLevel": "DEPARTMENT",
             "publishedOn": "2024-01-20", "period": {"from": "2023-01-01", "to": "2023-12-31"},
             "sections": {"present": ["S1", "S2"], "missing": ["S6"]},
             "cells": [{"table": "T3", "row": "1", "col": "natural", "value": 5},
                       {"table": "T3", "row": "2", "col": "natural", "value": null},
                       {"table": "T3", "row": "4", "col": "natural", "value": 1.5},
                       {"table": "T3", "row": "3.1", "col": "natural", "value": 2}],
             "unreadable_cells": [{"table": "T2", "row": "normative", "col": "issued", "why": "two splits"}],
             "relations": {"T3 main": "fails: natural 5 vs 6", "T4 totals": "holds"},
             "defects": ["DL-LATE: published late", "SEC-HEADING / TXT-FEE: not in this catalogue", "Typo, no code"]}
            """;

    private static JsonNode tree(String json) throws Exception { return JSON.readTree(json); }

    @Test
    void rightFactsSectionsCellsAndDefectsCountAsRight() throws Exception {
        Score s = EVAL.compare(Expected.of(tree(EXPECTED)), tree("""
                {"format": {"detected": "GB_2021"}, "reportYear": 2023, "agencyLevel": "DEPARTMENT", "publishedOn": "2024-01-20",
                 "period": {"from": "2023-01-01", "to": "2023-12-31"},
                 "sections": [{"id": "S1"}, {"id": "S2"}],
                 "cells": [{"table": "T3", "row": "1", "col": "natural", "value": 5.0, "line": 9},
                           {"table": "T3", "row": "2", "col": "natural", "value": null, "status": "blank", "line": 10},
                           {"table": "T3", "row": "4", "col": "natural", "value": 1.50, "line": 11},
                           {"table": "T3", "row": "3.1", "col": "natural", "value": null, "status": "unreadable", "line": 12},
                           {"table": "T2", "row": "normative", "col": "issued", "value": null, "status": "unreadable", "line": 3}],
                 "findings": [{"code": "BAL-T3-MAIN", "location": {"table": "T3"}}, {"code": "DL-LATE", "location": {}},
                              {"code": "SEC-MISSING", "location": {"section": "S6"}}]}
                """));
        assertEquals(5, s.get("facts.right"));
        assertEquals(2, s.get("sections.found"));
        assertEquals(0, s.get("sections.spurious"));
        assertEquals(3, s.get("cells.right"), "a number, a blank read as blank and 1.50 = 1.5");
        assertEquals(1, s.get("cells.unread"));
        assertEquals(0, s.get("cells.wrong"));
        assertEquals(1, s.get("cells.ambiguous.kept"));
        assertEquals(0, s.get("findings.false"));
        assertEquals(3, s.get("defects.expected"), "BAL-T3-MAIN, SEC-MISSING:S6, DL-LATE; codes outside the catalogue are not counted");
        assertEquals(3, s.get("defects.found"));
        assertTrue(s.problems().isEmpty(), s.problems()::toString);
    }

    @Test
    void misreadingsAndAccusationsTheSourceDoesNotSupportCount() throws Exception {
        Score s = EVAL.compare(Expected.of(tree(EXPECTED)), tree("""
                {"format": {"detected": "UNKNOWN"}, "reportYear": 2023, "agencyLevel": "GOVERNMENT", "publishedOn": null, "period": null,
                 "sections": [{"id": "S1"}, {"id": "S5"}],
                 "cells": [{"table": "T3", "row": "1", "col": "natural", "value": 50, "line": 9},
                           {"table": "T3", "row": "2", "col": "natural", "value": 0, "line": 10},
                           {"table": "T2", "row": "normative", "col": "issued", "value": 7, "line": 3},
                           {"table": "T4", "row": "review", "col": "total", "value": 1, "line": 30}],
                 "findings": [{"code": "BAL-T4-TOTAL", "location": {"table": "T4"}}, {"code": "TAB-MISSING", "location": {"table": "T3"}},
                              {"code": "SEC-MISSING", "location": {"section": "S2"}}, {"code": "FMT-UNKNOWN", "location": {}}]}
                """));
        assertEquals(1, s.get("facts.right"), "only the year");
        assertEquals(1, s.get("sections.found"));
        assertEquals(1, s.get("sections.spurious"));
        assertEquals(0, s.get("cells.right"));
        assertEquals(4, s.get("cells.wrong"), "50 for 5, 0 for a blank, a guess at an ambiguous cell, a number for a table the source lacks");
        assertEquals(2, s.get("cells.unread"));
        assertEquals(4, s.get("findings.false"), "BAL-T4-TOTAL on a holding relation, TAB-MISSING for T3, SEC-MISSING for S2, FMT-UNKNOWN");
        assertEquals(0, s.get("defects.found"));
    }

    @Test
    void aDocumentThatIsNotAnAnnualReportNeedsTheVerdict() throws Exception {
        Expected letter = Expected.of(tree("""
                {"file": "l.txt", "is_annual_report": false, "format": "UNKNOWN", "reportYear": 2014, "agencyLevel": "GOVERNMENT",
                 "publishedOn": "2014-12-10", "period": null, "sections": {"present": [], "missing": ["L1"]}, "cells": []}
                """));
        Score missed = EVAL.compare(letter, tree("{\"format\": {\"detected\": \"UNKNOWN\"}, \"findings\": [{\"code\": \"SEC-MISSING\", \"location\": {\"section\": \"L1\"}}]}"));
        assertEquals(0, missed.get("verdicts.right"));
        assertEquals(1, missed.get("verdicts.expected"));
        Score byError = EVAL.compare(letter, tree("{\"error\": {\"code\": \"NOT_ANNUAL_REPORT\", \"message\": \"函\"}}"));
        assertEquals(1, byError.get("verdicts.right"));
        Score byFinding = EVAL.compare(letter, tree("{\"findings\": [{\"code\": \"NOT-ANNUAL-REPORT\", \"location\": {}}]}"));
        assertEquals(1, byFinding.get("verdicts.right"));
        Score onAReport = EVAL.compare(Expected.of(tree(EXPECTED)), tree("{\"error\": {\"code\": \"NOT_ANNUAL_REPORT\", \"message\": \"函\"}}"));
        assertEquals(1, onAReport.get("findings.false"), "calling a real report a letter is a false finding");
    }

    @Test
    void theRatchetFailsOnAnyWorseCountAndOnlyEverRises(@TempDir Path dir) throws Exception {
        Score better = new Score();
        better.add("cells.right", 10);
        better.add("cells.wrong", 1);
        Path file = dir.resolve("ratchet.properties");
        Ratchet.raise(file, better);
        assertEquals(List.of(), Ratchet.violations(better, Ratchet.read(file)));
        Score worse = new Score();
        worse.add("cells.right", 9);
        worse.add("cells.wrong", 2);
        assertEquals(2, Ratchet.violations(worse, Ratchet.read(file)).size());
        Ratchet.raise(file, worse);
        Map<String, Integer> kept = Ratchet.read(file);
        assertEquals(10, kept.get("cells.right"), "a worse run never lowers a level");
        assertEquals(1, kept.get("cells.wrong"));
    }

    /** An export row that is not a report: the verdict is right, findings that presuppose a report are false. */
    @Test
    void anotherRowThatIsNotAReportIsJudgedByItsVerdictAndItsFindings() throws Exception {
        Expected exp = Expected.of(tree(EXPECTED.replace("\"defects\"", "\"other_rows\": [{\"row\": 1, \"is_annual_report\": false}], \"defects\"")));
        Expected.OtherRow row = exp.otherRow(1);
        assertEquals(false, row.annualReport());
        Score missed = EVAL.compareOther(exp, row, tree("""
                {"findings": [{"code": "FMT-UNKNOWN", "location": {}}, {"code": "SEC-MISSING", "location": {"section": "S1"}},
                              {"code": "DL-LATE", "location": {}}, {"code": "INT-SPAM", "location": {}},
                              {"code": "TAB-BLANK", "location": {"table": "T3"}}, {"code": "BAL-T3-MAIN", "location": {"table": "T3"}}]}
                """));
        assertEquals(1, missed.get("verdicts.expected"));
        assertEquals(0, missed.get("verdicts.right"));
        assertEquals(3, missed.get("findings.false"), "FMT-UNKNOWN, SEC-MISSING and DL-LATE presuppose a report; INT-SPAM and the table's own figures do not");
        assertEquals(0, missed.get("files"), "another row is not another file");
        assertTrue(missed.problems().stream().anyMatch(p -> p.contains("x.txt row 1") && p.contains("FMT-UNKNOWN")), missed.problems()::toString);
        Score right = EVAL.compareOther(exp, row, tree("""
                {"findings": [{"code": "NOT-ANNUAL-REPORT", "location": {}}]}
                """));
        assertEquals(1, right.get("verdicts.right"));
        assertEquals(0, right.get("findings.false"));
        assertTrue(right.problems().isEmpty(), right.problems()::toString);
    }
}
