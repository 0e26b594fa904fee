package nianbao.rules;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nianbao.model.Finding;
import nianbao.rules.cases.CaseRunner;
import nianbao.rules.cases.RuleCase;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** The rule catalogue: one entry per code with its effective weight and examples taken from the test cases. */
public final class Catalogue {

    /** An example report excerpt: which case, what was changed, and (for a failing one) what was reported. */
    public record Example(String caseLabel, String excerpt, String message, String evidence) {}

    public record Entry(String code, String title, String severity, int points, String category, String basis,
                        List<String> ruleNames, boolean weightFromTable, Example failing, Example passing) {}

    private Catalogue() {}

    /** Entries sorted by code; severity and points are the values in force (the weights table wins over @points). */
    public static List<Entry> entries(RuleSet set, List<CaseRunner.Result> results) {
        Map<String, String[]> weights = RuleCheck.effectiveWeights(set);
        Map<String, List<RuleInfo>> byCode = new LinkedHashMap<>();
        for (RuleInfo r : set.rules()) if (r.reportsFindings()) byCode.computeIfAbsent(r.code(), k -> new ArrayList<>()).add(r);
        List<Entry> out = new ArrayList<>();
        for (var e : byCode.entrySet()) {
            RuleInfo first = e.getValue().get(0);
            String[] w = weights.get(e.getKey());
            String severity = w != null && w[0] != null ? w[0] : first.severity();
            int points = w != null && w[1] != null ? Integer.parseInt(w[1]) : first.points();
            out.add(new Entry(e.getKey(), first.title(), severity, points, first.category(), first.basis(),
                    e.getValue().stream().map(RuleInfo::name).toList(), w != null,
                    example(e.getKey(), results, true), example(e.getKey(), results, false)));
        }
        return out;
    }

    private static Example example(String code, List<CaseRunner.Result> results, boolean failing) {
        if (results == null) return null;
        for (CaseRunner.Result r : results) {
            if (!r.passed()) continue;
            RuleCase c = r.c();
            if (!(failing ? c.expect() : c.expectNot()).contains(code)) continue;
            StringBuilder ex = new StringBuilder();
            if (c.base() != null) {
                ex.append("样本 ").append(c.base());
                if (c.replaces().isEmpty()) ex.append("（原文，未改动）");
                for (RuleCase.Replace rp : c.replaces()) {
                    ex.append("\n把“").append(rp.from().replace("\n", "↵")).append("”改为“").append(rp.to().replace("\n", "↵")).append("”");
                }
            } else {
                ex.append(c.text().lines().limit(12).reduce((a, b) -> a + "\n" + b).orElse(""));
            }
            String msg = null, evidence = null;
            if (failing) {
                Finding f = r.findings().stream().filter(x -> x.code().equals(code)).findFirst().orElse(null);
                if (f != null) {
                    msg = f.message();
                    evidence = f.evidence();
                }
            }
            return new Example(c.label(), ex.toString(), msg, evidence);
        }
        return null;
    }

    public static byte[] html(List<Entry> entries, String rulesDir) {
        ClassLoaderTemplateResolver r = new ClassLoaderTemplateResolver();
        r.setPrefix("nianbao/rules/");
        r.setSuffix(".html");
        r.setTemplateMode(TemplateMode.HTML);
        r.setCharacterEncoding("UTF-8");
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(r);
        Context ctx = new Context();
        ctx.setVariable("entries", entries);
        ctx.setVariable("dir", rulesDir);
        return engine.process("catalogue", ctx).getBytes(StandardCharsets.UTF_8);
    }
}
