package nianbao.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Named counts of one evaluation (one report or a whole corpus) and the problems behind them, in words.
 * Counts add up across reports; {@link #BETTER_HIGHER} and {@link #BETTER_LOWER} say which way each may move.
 */
public final class Score {
    /** Counts that may only rise from one landing to the next. */
    public static final List<String> BETTER_HIGHER = List.of(
            "facts.right", "facts.format", "facts.year", "facts.level", "facts.date", "facts.period",
            "sections.found", "cells.right", "cells.ambiguous.kept", "defects.found", "verdicts.right");
    /** Counts that may only fall; zero, once reached, is a hard limit. */
    public static final List<String> BETTER_LOWER = List.of(
            "sections.spurious", "cells.wrong", "findings.false", "errors");

    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();

    public int get(String name) { return counts.getOrDefault(name, 0); }

    void add(String name, int n) { counts.merge(name, n, Integer::sum); }

    void count(String name, boolean right) {
        add(name + ".total", 1);
        if (right) add(name, 1);
    }

    void problem(String text) { problems.add(text); }

    public List<String> problems() { return problems; }

    public Map<String, Integer> counts() { return counts; }

    public void addAll(Score other) {
        other.counts.forEach(this::add);
        problems.addAll(other.problems);
    }

    /** One line: facts, sections, cells, false findings, expected defects, verdicts, audit errors. */
    public String line() {
        return String.format("facts %s [format %s, year %s, level %s, date %s, period %s]; sections %s found, %d missed, %d spurious; "
                        + "cells %s right, %d wrong, %d not read, ambiguous kept unread %s; false findings %d; "
                        + "expected defects %s found; not-annual verdicts %s; audit errors %d",
                ratio("facts.right", "facts.total"), ratio("facts.format"), ratio("facts.year"), ratio("facts.level"),
                ratio("facts.date"), ratio("facts.period"),
                ratio("sections.found", "sections.expected"), get("sections.expected") - get("sections.found"), get("sections.spurious"),
                ratio("cells.right", "cells.expected"), get("cells.wrong"), get("cells.unread"), ratio("cells.ambiguous.kept", "cells.ambiguous"),
                get("findings.false"), ratio("defects.found", "defects.expected"), ratio("verdicts.right", "verdicts.expected"),
                get("errors"))
                + (get("rows.other") + get("rows.unchecked") > 0
                    ? String.format("; other export rows judged %d, unchecked %d", get("rows.other"), get("rows.unchecked")) : "");
    }

    /** A short line for one report: facts, sections (spurious), cells (wrong, not read), false findings, defects. */
    public String shortLine() {
        String s = String.format("facts %d/%d  sections %d/%d%s  cells %d/%d%s%s  false %d  defects %d/%d",
                get("facts.right"), get("facts.total"), get("sections.found"), get("sections.expected"),
                get("sections.spurious") > 0 ? " spurious " + get("sections.spurious") : "",
                get("cells.right"), get("cells.expected"), get("cells.wrong") > 0 ? " WRONG " + get("cells.wrong") : "",
                get("cells.unread") > 0 ? " unread " + get("cells.unread") : "",
                get("findings.false"), get("defects.found"), get("defects.expected"));
        if (get("verdicts.expected") > 0) s += "  not-annual verdict " + get("verdicts.right") + "/" + get("verdicts.expected");
        if (get("rows.other") + get("rows.unchecked") > 0) {
            s += "  other rows " + get("rows.other") + (get("rows.unchecked") > 0 ? " unchecked " + get("rows.unchecked") : "");
        }
        if (get("errors") > 0) s += "  AUDIT ERROR";
        return s;
    }

    private String ratio(String name) { return ratio(name, name + ".total"); }

    private String ratio(String part, String whole) {
        int w = get(whole);
        return w == 0 ? get(part) + "/0" : String.format("%d/%d (%.1f%%)", get(part), w, 100.0 * get(part) / w);
    }
}
