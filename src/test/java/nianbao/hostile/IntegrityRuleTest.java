package nianbao.hostile;

import static nianbao.TestSupport.audit;
import static nianbao.TestSupport.findings;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nianbao.model.Finding;
import nianbao.model.Severity;
import nianbao.pipeline.AuditResult;
import org.junit.jupiter.api.Test;

/** INT-SPAM on the real samples: the defaced 003 is caught at every place, the other four are clean. */
class IntegrityRuleTest {

    @Test
    void defacedCityReportGetsCriticalSpamFindingWithEveryOccurrence() {
        AuditResult r = audit("003");
        List<Finding> spam = findings(r, "INT-SPAM");
        spam.forEach(f -> System.out.println(f.title() + " | " + f.location().line() + " | " + f.message() + " | " + f.evidence()));
        assertThat(spam).isNotEmpty().allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.CRITICAL));
        Finding text = spam.stream().filter(f -> f.message().contains("垃圾信息")).findFirst().orElseThrow();
        // the spam string appears twice on line 1, once on line 5 and twice on line 642 (site footer)
        assertThat(text.message()).contains("共5处", "第1行2处", "第5行1处", "第642行2处", "bat365");
        assertThat(text.location().line()).isEqualTo(1);
        assertThat(text.evidence()).contains("365");
        Finding link = spam.stream().filter(f -> f.message().contains("www.njxqqj.com")).findFirst().orElseThrow();
        assertThat(link.location().line()).isEqualTo(1);
        assertThat(link.evidence()).contains("电子版");
        // the e-mail address on the same line is not a link
        assertThat(spam).noneMatch(f -> f.message().contains("126.com"));
    }

    @Test
    void otherSamplesGetNoSpamFinding() {
        for (String s : new String[] {"000", "001", "002", "004"}) {
            assertThat(findings(audit(s), "INT-SPAM")).as(s).isEmpty();
        }
    }
}
