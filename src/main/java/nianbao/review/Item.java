package nianbao.review;

import nianbao.model.Finding;

/**
 * One finding of a report as the reviewer sees it: its stable id, the decision on it (null when
 * undecided) and whether a reviewer added it by hand (sheet 补充问题).
 */
public record Item(String id, Finding finding, Decision decision, boolean manual) {

    public Verdict verdict() { return decision == null ? null : decision.verdict(); }

    public boolean dismissed() { return verdict() == Verdict.DISMISSED; }

    public boolean confirmed() { return verdict() == Verdict.CONFIRMED; }

    public String remark() { return decision == null || decision.remark() == null ? "" : decision.remark(); }
}
