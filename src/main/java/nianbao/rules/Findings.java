package nianbao.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nianbao.model.Finding;
import nianbao.model.Location;
import nianbao.model.Severity;
import org.kie.api.definition.rule.Rule;

/**
 * The DRL global {@code findings}: rules call {@code findings.add(drools.getRule(), message, location, evidence)}
 * and the rule's own metadata (@code, @title, @severity, @points, @category, @basis) is attached here.
 *
 * <p>The weights decision table ({@code rules/weights.drl.xlsx}) calls {@link #severity} and {@link #points}
 * in every session; those values override the rule's metadata when the list is read, so the order in
 * which rules fire does not matter and a changed cell changes the score on the next run.
 */
public final class Findings {
    private final List<Finding> list = new ArrayList<>();
    private final Map<String, Severity> severityOverride = new HashMap<>();
    private final Map<String, Integer> pointsOverride = new HashMap<>();
    private final List<String> problems = new ArrayList<>();

    public void add(Rule rule, String message, Location location, String evidence) {
        RuleInfo info = RuleInfo.of(rule);
        Severity severity;
        try {
            severity = info.severity() == null ? Severity.INFO : Severity.parse(info.severity());
        } catch (IllegalArgumentException e) {
            severity = Severity.INFO;
        }
        list.add(new Finding(info.code() == null ? rule.getName() : info.code(), info.title(), severity, info.category(),
                message, info.points(), info.basis(), location == null ? Location.none() : location,
                evidence == null ? "" : evidence));
    }

    public void add(Rule rule, String message, Location location) {
        add(rule, message, location, "");
    }

    /** Severity of every finding of {@code code}, from the weights table (critical|major|minor|info). */
    public void severity(String code, String severity) {
        try {
            severityOverride.put(code.trim(), Severity.parse(severity));
        } catch (IllegalArgumentException e) {
            problems.add(code + ": 严重程度“" + severity + "”无效，应为 critical/major/minor/info / invalid severity");
        }
    }

    /** Points deducted for every finding of {@code code}, from the weights table. */
    public void points(String code, Number points) {
        if (points.intValue() < 0) {
            problems.add(code + ": 扣分不能为负数 / points must not be negative: " + points);
            return;
        }
        pointsOverride.put(code.trim(), points.intValue());
    }

    /** The findings with the weights table applied. */
    public List<Finding> list() {
        if (severityOverride.isEmpty() && pointsOverride.isEmpty()) return list;
        List<Finding> out = new ArrayList<>(list.size());
        for (Finding f : list) {
            out.add(new Finding(f.code(), f.title(), severityOverride.getOrDefault(f.code(), f.severity()), f.category(),
                    f.message(), pointsOverride.getOrDefault(f.code(), f.points()), f.basis(), f.location(), f.evidence()));
        }
        return out;
    }

    /** Effective severity overrides (code → severity) set by the weights table in this session. */
    public Map<String, Severity> severityOverrides() { return Map.copyOf(severityOverride); }

    /** Effective points overrides (code → points) set by the weights table in this session. */
    public Map<String, Integer> pointsOverrides() { return Map.copyOf(pointsOverride); }

    /** Invalid values met in the weights table (reported by {@code rules check}). */
    public List<String> problems() { return List.copyOf(problems); }
}
