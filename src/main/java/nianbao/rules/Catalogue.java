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
    public record Example(String caseLabel, String excerpt, String lines, String message, String evidence, int line) {}

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
            Example failing = example(e.getKey(), results, true, null);
            out.add(new Entry(e.getKey(), first.title(), severity, points, first.category(), first.basis(),
                    e.getValue().stream().map(RuleInfo::name).toList(), w != null, failing, example(e.getKey(), results, false, failing)));
        }
        return out;
    }

    private static Example example(String code, List<CaseRunner.Result> results, boolean failing, Example fired) {
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
            int line = 0;
            if (failing) {
                Finding f = r.findings().stream().filter(x -> x.code().equals(code)).findFirst().orElse(null);
                if (f != null) {
                    msg = f.message();
                    evidence = f.evidence();
                    line = f.location().line() == null ? 0 : f.location().line();
                }
            } else if (fired != null && fired.line() > 0) {
                line = fired.line(); // the same place in the passing report
            }
            if (line == 0 && !c.replaces().isEmpty()) line = lineOf(r.text(), c.replaces().get(0).to());
            return new Example(c.label(), ex.toString(), around(r.text(), line), msg, evidence, line);
        }
        return null;
    }

    /** The report lines around {@code line} (1-based), numbered, as the excerpt a reader sees. */
    static String around(String text, int line) {
        if (line <= 0 || text == null) return "";
        List<String> lines = text.lines().toList();
        StringBuilder sb = new StringBuilder();
        for (int i = Math.max(1, line - 1); i <= Math.min(lines.size(), line + 1); i++) {
            String l = lines.get(i - 1);
            if (l.length() > 160) l = l.substring(0, 160) + "……";
            sb.append(String.format("%5d  ", i)).append(l).append('\n');
        }
        return sb.toString();
    }

    private static int lineOf(String text, String fragment) {
        if (text == null || fragment == null || fragment.isBlank()) return 0;
        String first = fragment.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) if (!first.isEmpty() && lines.get(i).contains(first)) return i + 1;
        return 0;
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
