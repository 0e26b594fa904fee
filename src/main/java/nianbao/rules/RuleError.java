package nianbao.rules;

/** A compile error in a rule file: {@code file:line: message}. */
public record RuleError(String file, int line, String message) {
    @Override
    public String toString() {
        return file + ":" + Math.max(line, 0) + ": " + message;
    }
}
