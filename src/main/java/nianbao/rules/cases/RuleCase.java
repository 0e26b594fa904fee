package nianbao.rules.cases;

import java.util.List;

/**
 * One rule test case from {@code rules/tests/*.case}: a report (a sample with literal replacements,
 * or inline text) and the codes that must and must not be reported.
 *
 * @param file       the case file, relative to the rules folder (for messages)
 * @param problems   format errors in the case file itself; a case with problems fails
 */
public record RuleCase(String file, String name, String base, List<Replace> replaces, List<String> expect,
                       List<String> expectNot, String text, List<String> problems) {

    /** A literal replacement; {@code to} may be empty. */
    public record Replace(String from, String to) {}

    public String label() {
        return name == null || name.isBlank() ? file : file + "（" + name + "）";
    }
}
