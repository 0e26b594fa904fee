package nianbao.rules;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nianbao.ingest.Document;
import nianbao.ingest.Ingestor;
import nianbao.model.Finding;
import nianbao.model.Report;
import nianbao.parse.ReportParser;
import org.kie.api.definition.KiePackage;

/**
 * What the rules cost, on one warm thread (not a test): the reports of a folder are parsed once and judged round
 * after round by two rule bases in turn, and the median ratio of their times per round is printed, which stays
 * meaningful while this machine's speed drifts.
 * <ul>
 *   <li>{@code --without REGEX}: the rules whose names match, removed from a second copy of the rule base; prints
 *       the share of the rules' time they cost (with what their facts feed). A measure, not a change: the findings
 *       of the reduced rule base are not the product's.</li>
 *   <li>{@code --against RULES_DIR}: another rules folder (e.g. {@code git show HEAD:rules/x.drl} beside copies of
 *       the rest), both built as executable models, as a run uses them; also prints on how many reports their
 *       findings differ, in the order the audit sorts them.</li>
 * </ul>
 * Run: ./mvnw -q -o -DskipTests package test-compile && java -XX:+UseParallelGC -cp target/nianbao.jar:target/test-classes
 * nianbao.rules.RuleCostBench [DIR] (--without REGEX | --against RULES_DIR)...
 */
public final class RuleCostBench {
    private static final int WARM_UP = 60, ROUNDS = 40;

    public static void main(String[] args) throws Exception {
        int i = 0;
        Path dir = Path.of(args.length > 0 && !args[0].startsWith("--") ? args[i++] : "samples");
        System.setProperty("nianbao.rules.build", "model");           // an edited folder is built as the model a run caches
        System.setProperty("nianbao.rules.cacheWriter", "off");
        List<Report> reports = reports(dir);
        Path cache = Files.createTempDirectory("rule-cost");
        RuleSet base = RuleSet.load(Path.of("rules"), cache.resolve("base"));
        for (int n = 0; i + 1 < args.length; i += 2, n++) {
            String what = args[i], value = args[i + 1];
            if (what.equals("--without")) {
                RuleSet reduced = RuleSet.load(Path.of("rules"), cache.resolve("base"));
                Pattern names = Pattern.compile(value);
                int removed = 0;
                for (KiePackage p : base.kieBase().getKiePackages()) {
                    for (var r : p.getRules()) {
                        if (names.matcher(r.getName()).matches()) { reduced.kieBase().removeRule(p.getName(), r.getName()); removed++; }
                    }
                }
                double ratio = ratio(base, reduced, reports);
                System.out.printf("without %s (%d rules): %.1f %% of the rules' time%n", value, removed, 100 * (1 - ratio));
            } else if (what.equals("--against")) {
                RuleSet other = RuleSet.load(Path.of(value), cache.resolve("other" + n));
                int differ = 0;
                for (Report r : reports) if (!sorted(base.evaluate(r)).equals(sorted(other.evaluate(r)))) differ++;
                double ratio = ratio(base, other, reports);
                System.out.printf("%s against rules/: time %.3f, findings differ on %d of %d reports%n", value, ratio, differ, reports.size());
            } else {
                throw new IllegalArgumentException("--without REGEX or --against RULES_DIR, not " + what);
            }
        }
    }

    private static List<Report> reports(Path dir) throws Exception {
        Ingestor ingestor = new Ingestor();
        ReportParser parser = new ReportParser();
        List<Report> out = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) { files = s.filter(Files::isRegularFile).sorted().toList(); }
        for (Path f : files) {
            try {
                for (Document d : ingestor.readAll(f)) out.add(parser.parse(d));
            } catch (Exception e) {
                // not a report this build can read: not timed
            }
        }
        return out;
    }

    /** Median over rounds of other's time divided by base's, the two alternating, after a warm-up. */
    private static double ratio(RuleSet base, RuleSet other, List<Report> reports) {
        for (int w = 0; w < WARM_UP; w++) { round(base, reports); round(other, reports); }
        double[] r = new double[ROUNDS];
        for (int k = 0; k < ROUNDS; k++) {
            long a = round(base, reports), b = round(other, reports);
            r[k] = (double) b / a;
        }
        Arrays.sort(r);
        return r[ROUNDS / 2];
    }

    private static long round(RuleSet rules, List<Report> reports) {
        long t0 = System.nanoTime();
        for (int k = 0; k < 5; k++) for (Report r : reports) rules.evaluate(r);
        return System.nanoTime() - t0;
    }

    /** In the order the audit shows them. */
    private static List<Finding> sorted(List<Finding> findings) {
        return findings.stream().sorted(nianbao.pipeline.Auditor.FINDING_ORDER).toList();
    }
}
