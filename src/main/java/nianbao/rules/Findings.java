package nianbao.rules;

import java.util.ArrayList;
import java.util.List;
import nianbao.model.Finding;
import nianbao.model.Location;
import nianbao.model.Severity;
import org.kie.api.definition.rule.Rule;

/**
 * The DRL global {@code findings}: rules call {@code findings.add(drools.getRule(), message, location, evidence)}
 * and the rule's own metadata (@code, @title, @severity, @points, @category, @basis) is attached here,
 * so a policy officer changes a weight in one place, the rule.
 */
public final class Findings {
    private final List<Finding> list = new ArrayList<>();

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

    public List<Finding> list() { return list; }
}
