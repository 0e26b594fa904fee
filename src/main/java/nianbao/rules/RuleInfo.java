package nianbao.rules;

import java.util.Map;

/** A rule's metadata as policy staff wrote it: code, title, severity, points, category, basis. */
public record RuleInfo(String name, String pkg, String code, String title, String severity, int points,
                       String category, String basis, boolean supporting) {

    static RuleInfo of(org.kie.api.definition.rule.Rule rule) {
        Map<String, Object> m = rule.getMetaData();
        return new RuleInfo(rule.getName(), rule.getPackageName(), str(m, "code", null), str(m, "title", rule.getName()),
                str(m, "severity", null), points(m.get("points")), str(m, "category", null), str(m, "basis", null),
                m.containsKey("internal") || RuleCheck.salience(rule) >= 1000);
    }

    /**
     * Rules without a code do not report findings. {@code supporting} marks the two kinds allowed to:
     * reference-data rules (salience 1000) and inference rules marked {@code @internal}, which only
     * derive intermediate facts.
     */
    public boolean reportsFindings() { return code != null; }

    private static String str(Map<String, Object> m, String key, String dflt) {
        Object v = m.get(key);
        if (v == null) return dflt;
        String s = v.toString();
        // Drools keeps the quotes of @key("value") in some build paths.
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) s = s.substring(1, s.length() - 1);
        return s;
    }

    static int points(Object v) {
        if (v == null) return 0;
        if (v instanceof Number n) return n.intValue();
        try {
            return Integer.parseInt(v.toString().replace("\"", "").trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
