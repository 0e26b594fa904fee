package nianbao.pipeline;

import java.util.List;
import nianbao.model.Finding;
import nianbao.model.Report;

/**
 * The outcome of auditing one input: either a report with findings and a score, or an error
 * (code and one-line Chinese/English message). Never both.
 */
public record AuditResult(String source, String sha256, Report report, List<Finding> findings,
                          int score, String grade, String errorCode, String errorMessage, long millis) {

    public boolean failed() { return errorCode != null; }

    public static AuditResult error(String source, String sha256, String code, String message, long millis) {
        return new AuditResult(source, sha256, null, List.of(), 0, null, code, message, millis);
    }
}
