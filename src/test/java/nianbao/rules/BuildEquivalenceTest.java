package nianbao.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import nianbao.ingest.Ingestor;
import nianbao.model.Finding;
import nianbao.parse.ReportParser;
import nianbao.pipeline.AuditResult;
import nianbao.pipeline.Auditor;
import nianbao.score.Grading;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The shipped rules judge alike whichever way Drools builds them: the executable model (bundled in the jar,
 * cached) and the classic DRL build (used right after a policy officer edits {@code rules/}, because it
 * compiles faster). A difference means a rule's result depends on the order in which the engine happens to
 * fire rules of equal salience; see "规则的执行顺序" in rules/README.md.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BuildEquivalenceTest {
    private static final Path RULES = Path.of("rules");
    private RuleSet modelRules;
    private RuleSet classicRules;
    private Auditor model;
    private Auditor classic;

    @BeforeAll
    void build() throws Exception {
        Grading grading = Grading.load(RULES);
        modelRules = RuleSet.load(RULES, null);
        classicRules = RuleSet.loadClassic(RULES);
        model = new Auditor(new Ingestor(), new ReportParser(), modelRules, grading);
        classic = new Auditor(new Ingestor(), new ReportParser(), classicRules, grading);
    }

    static List<Path> inputs() throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path dir : List.of(Path.of("samples"), Path.of("corpus"))) {
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith(".md"))
                        .filter(p -> !p.getFileName().toString().endsWith(".properties")).sorted().forEach(out::add);
            }
        }
        return out;
    }

    /** Everything a finding shows (code, message, location, points, severity, evidence), in the report's order. */
    private static List<String> shown(AuditResult r) {
        if (r.failed()) return List.of("ERROR " + r.errorMessage());
        List<String> out = new ArrayList<>();
        for (Finding f : r.findings()) out.add(f.toString());
        out.add("score " + r.score() + " " + r.grade());
        return out;
    }

    @Test
    void everySampleAndCorpusReportGetsTheSameFindingsFromBothBuilds() throws IOException {
        List<Path> files = inputs();
        assertThat(files).hasSizeGreaterThanOrEqualTo(34);
        List<String> differences = new ArrayList<>();
        int findings = 0;
        for (Path f : files) {
            List<String> a = shown(model.audit(f));
            List<String> b = shown(classic.audit(f));
            findings += a.size();
            if (!a.equals(b)) {
                List<String> onlyModel = new ArrayList<>(a);
                onlyModel.removeAll(b);
                List<String> onlyClassic = new ArrayList<>(b);
                onlyClassic.removeAll(a);
                differences.add(f.getFileName() + "\n  model only:   " + onlyModel + "\n  classic only: " + onlyClassic
                        + (onlyModel.isEmpty() && onlyClassic.isEmpty() ? "\n  (same findings, another order)" : ""));
            }
        }
        assertThat(findings).isGreaterThan(files.size() * 2); // the reports do have findings to compare
        assertThat(differences).as("findings that depend on the build, i.e. on the order of firing").isEmpty();
    }

    private static java.util.Map<String, Integer> saliences(RuleSet rules) {
        java.util.Map<String, Integer> out = new java.util.TreeMap<>();
        for (var p : rules.kieBase().getKiePackages()) {
            for (var r : p.getRules()) {
                out.put(p.getName() + "/" + r.getName(), ((org.drools.base.definitions.rule.impl.RuleImpl) r).getSalience().getValue());
            }
        }
        return out;
    }

    /**
     * The classic build lets a package-level attribute (the decision tables' {@code PRIORITY}, written as a
     * file-level {@code salience 1000}) reach every rule of the package in any file that gives none; the
     * executable model keeps it to its own file. Every shipped rule therefore states its salience.
     */
    @Test
    void everyRuleHasTheSameSalienceInBothBuilds() {
        var a = saliences(modelRules);
        assertThat(a).hasSizeGreaterThan(100).containsValue(1000).containsValue(0);
        assertThat(saliences(classicRules)).isEqualTo(a);
    }
}
