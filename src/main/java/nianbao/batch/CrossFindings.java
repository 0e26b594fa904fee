package nianbao.batch;

import java.util.ArrayList;
import java.util.List;
import nianbao.model.Finding;
import nianbao.model.Location;
import nianbao.rules.Findings;
import org.kie.api.definition.rule.Rule;

/**
 * The DRL global {@code cross} of {@code rules/cross-report.drl}: like {@link Findings}, the rule's
 * metadata becomes the finding's code, severity and basis; in addition each finding names the
 * inputs it involves.
 */
public final class CrossFindings {
    private final Findings findings = new Findings();
    private final List<CrossFinding> list = new ArrayList<>();

    public void add(Rule rule, String message, Location location, String evidence, String... sources) {
        findings.add(rule, message, location, evidence);
        Finding f = findings.list().get(findings.list().size() - 1);
        list.add(new CrossFinding(f, List.of(sources)));
    }

    public List<CrossFinding> list() { return list; }
}
