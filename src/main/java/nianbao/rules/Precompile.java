package nianbao.rules;

import java.nio.file.Path;

/**
 * Build step (pom.xml, phase prepare-package): compiles the shipped {@code rules/} into the application's
 * classes as an executable model with its fingerprint ({@link BundledRules}), so that a run with unedited
 * rules compiles nothing. Usage: {@code Precompile RULES_DIR CLASSES_DIR}.
 */
public final class Precompile {
    private Precompile() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2) throw new IllegalArgumentException("usage: Precompile RULES_DIR CLASSES_DIR");
        try {
            RuleSet.precompile(Path.of(args[0]), Path.of(args[1]));
        } catch (RuleCompileException e) {
            // The shipped rules must compile; a broken build is better than a jar without them.
            StringBuilder sb = new StringBuilder(e.getMessage());
            for (RuleError r : e.errors()) sb.append('\n').append(r);
            throw new IllegalStateException(sb.toString(), e);
        }
    }
}
