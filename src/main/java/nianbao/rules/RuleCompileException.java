package nianbao.rules;

import java.util.List;

/** The rule set does not compile (or cannot be read); every error names its file and line. */
public class RuleCompileException extends Exception {
    private final List<RuleError> errors;

    public RuleCompileException(List<RuleError> errors) {
        super("规则编译失败 / rules do not compile: " + errors.size() + " error(s)");
        this.errors = List.copyOf(errors);
    }

    public List<RuleError> errors() { return errors; }
}
