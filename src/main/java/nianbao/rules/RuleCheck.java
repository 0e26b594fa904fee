package nianbao.rules;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nianbao.model.AgencyLevel;
import nianbao.model.Format;
import nianbao.rules.cases.RuleCase;
import org.drools.base.base.ClassObjectType;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.GroupElement;
import org.drools.base.rule.RuleConditionElement;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;

/**
 * The warnings of {@code rules check}: what compiles but cannot be right. Missing metadata,
 * one code with two different weights, rules that can never fire (a fact type nobody inserts,
 * a section id or table that does not exist, a table row naming an unknown level or format),
 * weights for codes no rule reports, merged cells in decision tables, and codes without both a
 * firing and a non-firing test case.
 */
public final class RuleCheck {
    /** One warning; {@code where} is a file, rule or code. */
    public record Warning(String where, String message) {
        @Override
        public String toString() { return where + ": " + message; }
    }

    static final Set<String> SEVERITIES = Set.of("critical", "major", "minor", "info");
    static final List<String> REQUIRED_META = List.of("code", "title", "severity", "points", "category", "basis");
    /** Facts the Java side inserts into every session (RuleSet.evaluate). */
    static final Set<String> JAVA_FACTS = RuleSet.JAVA_FACT_TYPES;
    static final Set<String> SECTION_IDS = Set.of("S1", "S2", "S3", "S4", "S5", "S6", "L1", "L2", "L3", "L4", "L5", "L6");
    static final Set<String> TABLES = Set.of("T2", "T3", "T4");

    private RuleCheck() {}

    public static List<Warning> run(RuleSet set, List<RuleCase> cases) {
        List<Warning> out = new ArrayList<>();
        List<Rule> rules = new ArrayList<>();
        for (KiePackage p : set.kieBase().getKiePackages()) rules.addAll(p.getRules());
        rules.sort((a, b) -> a.getName().compareTo(b.getName()));

        // 1. metadata, 2. one code, one set of metadata
        Map<String, RuleInfo> firstByCode = new TreeMap<>();
        for (Rule r : rules) {
            Map<String, Object> meta = r.getMetaData();
            RuleInfo info = RuleInfo.of(r);
            if (info.code() == null) {
                // Exempt: reference data (salience 1000) and inference rules marked @internal, which only derive facts.
                if (salience(r) < 1000 && !meta.containsKey("internal")) {
                    out.add(new Warning(ruleLabel(r), "规则没有 @code 等元数据（只有 salience 1000 的参考数据规则和标注 @internal 的推理规则可以没有）/ rule has no @code metadata"));
                }
                continue;
            }
            List<String> missing = new ArrayList<>();
            for (String k : REQUIRED_META) if (!meta.containsKey(k) || String.valueOf(meta.get(k)).replace("\"", "").isBlank()) missing.add("@" + k);
            if (!missing.isEmpty()) out.add(new Warning(ruleLabel(r), "缺少元数据 / missing metadata: " + String.join(" ", missing)));
            if (info.severity() != null && !SEVERITIES.contains(info.severity().toLowerCase(Locale.ROOT))) {
                out.add(new Warning(ruleLabel(r), "@severity 应为 critical/major/minor/info / invalid severity: " + info.severity()));
            }
            if (meta.containsKey("points") && !String.valueOf(meta.get("points")).replace("\"", "").strip().matches("\\d+")) {
                out.add(new Warning(ruleLabel(r), "@points 应为非负整数 / points must be a whole number: " + meta.get("points")));
            }
            RuleInfo first = firstByCode.putIfAbsent(info.code(), info);
            if (first != null) {
                List<String> diff = new ArrayList<>();
                if (!eq(first.title(), info.title())) diff.add("title");
                if (!eq(first.severity(), info.severity())) diff.add("severity");
                if (first.points() != info.points()) diff.add("points");
                if (!eq(first.category(), info.category())) diff.add("category");
                if (!diff.isEmpty()) {
                    out.add(new Warning(info.code(), "问题代码重复且元数据不一致 / duplicate code with conflicting " + String.join(", ", diff)
                            + "：“" + first.name() + "”与“" + info.name() + "”"));
                }
            }
        }

        // 3. what the reference-data rules insert, and the weights table
        Inserted inserted = runEmptySession(set);
        for (String p : inserted.findings.problems()) out.add(new Warning("weights.drl.xlsx", p));
        Set<String> tableCodes = new LinkedHashSet<>(inserted.findings.pointsOverrides().keySet());
        tableCodes.addAll(inserted.findings.severityOverrides().keySet());
        for (String c : tableCodes) {
            if (!firstByCode.containsKey(c)) out.add(new Warning(c, "扣分表中的问题代码没有对应的规则 / weights table names a code no rule reports"));
        }
        for (Object fact : inserted.facts) out.addAll(referenceValues(fact));

        // 4. rules that need a fact nobody inserts
        Set<String> available = new LinkedHashSet<>(JAVA_FACTS);
        for (Object f : inserted.facts) available.add(f.getClass().getName());
        // Facts that rules insert only under conditions do not show up in an empty session; the sources name them.
        Set<String> insertedByName = insertedInSources(set.dir());
        for (Rule r : rules) {
            if (!(r instanceof RuleImpl impl)) continue;
            Set<String> needed = new LinkedHashSet<>();
            positivePatternTypes(impl.getLhs(), false, needed);
            for (String t : needed) {
                if (!available.contains(t) && !insertedByName.contains(simple(t)) && !t.equals("java.lang.Object") && !t.startsWith("org.drools.")) {
                    out.add(new Warning(ruleLabel(r), "需要 " + simple(t) + " 事实，但没有任何地方插入它，规则永远不会触发 / needs "
                            + simple(t) + " facts that are never inserted: the rule can never fire"));
                }
            }
        }

        // 5. literals that name no section or table, in the rule sources
        out.addAll(literalChecks(set.dir()));

        // 6. merged cells in decision tables; 7. rules that state no salience (rules/README.md, 九)
        try {
            for (Path p : RuleSet.ruleFiles(set.dir())) {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                if (n.endsWith(".xlsx") || n.endsWith(".xls")) {
                    for (String m : DecisionTables.mergedCellProblems(p)) out.add(new Warning(RuleSet.rel(set.dir(), p), m));
                }
                if (n.endsWith(".drl") || n.endsWith(".dslr")) {
                    for (String head : RuleSet.withoutSalience(p)) {
                        out.add(new Warning(RuleSet.rel(set.dir(), p) + " " + head,
                                "规则没有写 salience（报告问题的规则写 salience 0）：修改规则后的首次运行因此改用较慢的编译方式 / rule states no salience"));
                    }
                }
            }
        } catch (RuleCompileException e) {
            // the folder was readable a moment ago; nothing more to check
        }

        // 7. every code needs a case where it fires and one where it does not
        Set<String> fires = new LinkedHashSet<>(), quiet = new LinkedHashSet<>();
        for (RuleCase c : cases) {
            fires.addAll(c.expect());
            quiet.addAll(c.expectNot());
            for (String code : concat(c.expect(), c.expectNot())) {
                if (!firstByCode.containsKey(code)) out.add(new Warning(c.file(), "用例引用了没有规则报告的问题代码 / case names an unknown code: " + code));
            }
        }
        // Batch-scope rules (@scope("batch")) judge several reports at once; a per-report case cannot
        // express them, so they are tested by JUnit (CrossReportTest) instead.
        Set<String> batchScope = new LinkedHashSet<>();
        for (Rule r : rules) {
            Object scope = r.getMetaData().get("scope");
            if (scope != null && scope.toString().replace("\"", "").equals("batch")) batchScope.add(RuleInfo.of(r).code());
        }
        for (String code : firstByCode.keySet()) {
            if (batchScope.contains(code)) continue;
            List<String> lacking = new ArrayList<>();
            if (!fires.contains(code)) lacking.add("触发用例（expect）/ a firing case");
            if (!quiet.contains(code)) lacking.add("不触发用例（expect-not）/ a non-firing case");
            if (!lacking.isEmpty()) out.add(new Warning(code, "rules/tests 中缺少 " + String.join("、", lacking)));
        }
        return out;
    }

    // ---- helpers ----------------------------------------------------------------------------

    private record Inserted(List<Object> facts, Findings findings) {}

    /** Fires the reference-data rules (empty when) in a session without a report, recording what they insert. */
    private static Inserted runEmptySession(RuleSet set) {
        List<Object> facts = new ArrayList<>();
        Findings findings = new Findings();
        KieSession s = set.kieBase().newKieSession();
        try {
            s.setGlobal("findings", findings);
            s.addEventListener(new DefaultRuleRuntimeEventListener() {
                @Override
                public void objectInserted(ObjectInsertedEvent e) { facts.add(e.getObject()); }
            });
            s.fireAllRules();
        } catch (RuntimeException e) {
            // a rule that fails without a report is the rules' business; the check goes on
        } finally {
            s.dispose();
        }
        return new Inserted(facts, findings);
    }

    /** Reference facts whose level / family / id can match nothing the parser produces. */
    private static List<Warning> referenceValues(Object fact) {
        List<Warning> out = new ArrayList<>();
        String type = fact.getClass().getSimpleName();
        String level = prop(fact, "getLevel");
        if (level != null && !level.equals("ALL") && !names(AgencyLevel.values()).contains(level)) {
            out.add(new Warning(type, "机关层级“" + level + "”不存在，应为 " + names(AgencyLevel.values()) + " 或 ALL / unknown level: " + level));
        }
        String family = prop(fact, "getFamily");
        Set<String> families = new LinkedHashSet<>(List.of("GB", "LEGACY"));
        families.addAll(names(Format.values()));
        if (family != null && !families.contains(family)) {
            out.add(new Warning(type, "适用格式“" + family + "”不存在，应为 " + families + " / unknown format: " + family));
        }
        String id = prop(fact, "getId");
        if (id != null && family != null && !SECTION_IDS.contains(id)) {
            out.add(new Warning(type, "章节代号“" + id + "”不存在，应为 S1..S6 或 L1..L6 / unknown section id: " + id));
        }
        String words = prop(fact, "getWords");
        if (words != null) {
            try {
                Pattern.compile(words);
            } catch (java.util.regex.PatternSyntaxException e) {
                out.add(new Warning(type, "词语“" + words + "”不是有效的写法（括号或特殊符号不配对）/ invalid word pattern: " + e.getDescription()));
            }
            if (words.isBlank() || words.startsWith("|") || words.endsWith("|") || words.contains("||")) {
                out.add(new Warning(type, "词语“" + words + "”中有空项（多余的 |），会匹配任何正文 / empty alternative matches everything"));
            }
        }
        return out;
    }

    private static final Pattern SECTION_LITERAL = Pattern.compile("Section\\s*\\([^)]*?\\bid\\s*==\\s*\"([^\"]*)\"");
    private static final Pattern SECTION_SENTENCE = Pattern.compile("章节\\s+(\\S+)\\s");
    private static final Pattern TABLE_LITERAL = Pattern.compile("Cell\\s*\\([^)]*?\\btable\\s*==\\s*\"([^\"]*)\"");
    private static final Pattern TABLE_SENTENCE = Pattern.compile("^\\s*表\\s+(\\S+)\\s", Pattern.MULTILINE);

    private static List<Warning> literalChecks(Path dir) {
        List<Warning> out = new ArrayList<>();
        try {
            for (Path p : RuleSet.ruleFiles(dir)) {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                if (!n.endsWith(".drl") && !n.endsWith(".dslr")) continue;
                String[] lines = Files.readString(p, StandardCharsets.UTF_8).split("\n", -1);
                for (int i = 0; i < lines.length; i++) {
                    String l = lines[i];
                    if (l.strip().startsWith("//") || l.strip().startsWith("#")) continue;
                    String where = RuleSet.rel(dir, p) + ":" + (i + 1);
                    for (Matcher m : List.of(SECTION_LITERAL.matcher(l), SECTION_SENTENCE.matcher(l + " "))) {
                        while (m.find()) {
                            if (!SECTION_IDS.contains(m.group(1)) && !m.group(1).startsWith("{") && !m.group(1).startsWith("$")) {
                                out.add(new Warning(where, "章节代号“" + m.group(1) + "”不存在（应为 S1..S6 或 L1..L6），规则永远不会触发 / unknown section id"));
                            }
                        }
                    }
                    for (Matcher m : List.of(TABLE_LITERAL.matcher(l), TABLE_SENTENCE.matcher(l + " "))) {
                        while (m.find()) {
                            if (!TABLES.contains(m.group(1)) && !m.group(1).startsWith("{")) {
                                out.add(new Warning(where, "统计表“" + m.group(1) + "”不存在（应为 T2、T3、T4），规则永远不会触发 / unknown table"));
                            }
                        }
                    }
                }
            }
        } catch (RuleCompileException | IOException e) {
            out.add(new Warning(dir.toString(), "无法读取规则文件 / cannot read rule files: " + e.getMessage()));
        }
        return out;
    }

    /** A type constructed anywhere in the rule sources (a consequence or a DRL function) can be inserted. */
    private static final Pattern INSERT_NEW = Pattern.compile("\\bnew\\s+([\\w.]+)\\s*\\(");

    private static Set<String> insertedInSources(Path dir) {
        Set<String> out = new LinkedHashSet<>();
        try {
            for (Path p : RuleSet.ruleFiles(dir)) {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                if (!n.endsWith(".drl") && !n.endsWith(".dslr") && !n.endsWith(".dsl")) continue;
                Matcher m = INSERT_NEW.matcher(Files.readString(p, StandardCharsets.UTF_8));
                while (m.find()) out.add(simple(m.group(1)));
            }
        } catch (RuleCompileException | IOException e) {
            // without the sources only the empty-session evidence counts
        }
        return out;
    }

    private static void positivePatternTypes(RuleConditionElement e, boolean negated, Set<String> out) {
        if (e instanceof GroupElement g) {
            boolean neg = negated || g.isNot();
            for (RuleConditionElement c : g.getChildren()) positivePatternTypes(c, neg, out);
        } else if (e instanceof org.drools.base.rule.Pattern p && !negated && p.getSource() == null
                && p.getObjectType() instanceof ClassObjectType cot) {
            out.add(cot.getClassName());
        }
    }

    static int salience(Rule r) {
        if (r instanceof RuleImpl impl && impl.getSalience() != null) {
            try {
                return impl.getSalience().getValue();
            } catch (RuntimeException e) {
                return 0;
            }
        }
        return 0;
    }

    static String ruleLabel(Rule r) {
        String file = null;
        if (r instanceof RuleImpl impl && impl.getResource() != null && impl.getResource().getSourcePath() != null) {
            file = RuleSet.sourceName(impl.getResource().getSourcePath());
        }
        return file == null ? "规则“" + r.getName() + "”" : file + " 规则“" + r.getName() + "”";
    }

    private static String prop(Object o, String getter) {
        try {
            Method m = o.getClass().getMethod(getter);
            Object v = m.invoke(o);
            return v instanceof String s ? s : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static Set<String> names(Enum<?>[] values) {
        Set<String> out = new LinkedHashSet<>();
        for (Enum<?> v : values) out.add(v.name());
        return out;
    }

    private static String simple(String cls) {
        return cls.substring(cls.lastIndexOf('.') + 1);
    }

    private static boolean eq(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** Codes with their effective severity and points after the weights table (for rules list). */
    public static Map<String, String[]> effectiveWeights(RuleSet set) {
        Inserted ins = runEmptySession(set);
        Map<String, String[]> out = new LinkedHashMap<>();
        ins.findings.pointsOverrides().forEach((k, v) -> out.computeIfAbsent(k, x -> new String[2])[1] = String.valueOf(v));
        ins.findings.severityOverrides().forEach((k, v) -> out.computeIfAbsent(k, x -> new String[2])[0] = v.id());
        return out;
    }
}
