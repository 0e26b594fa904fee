package nianbao.review;

import java.util.List;
import nianbao.model.Finding;

/**
 * A report's findings with ids and decisions, and the score and grade after the decisions:
 * dismissed findings cost nothing, manual ones count like any other.
 *
 * @param cap why the grade is capped (a critical finding), null when it is not
 */
public record Reviewed(List<Item> items, int score, String grade, String cap) {

    /** The findings that count: every one not dismissed, manual ones included. */
    public List<Finding> effective() {
        return items.stream().filter(i -> !i.dismissed()).map(Item::finding).toList();
    }

    public long count(Verdict v) { return items.stream().filter(i -> i.verdict() == v).count(); }

    public long undecided() { return items.stream().filter(i -> i.decision() == null).count(); }

    public long manual() { return items.stream().filter(Item::manual).count(); }
}
