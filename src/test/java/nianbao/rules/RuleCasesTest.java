package nianbao.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import nianbao.TestSupport;
import nianbao.rules.cases.CaseRunner;
import nianbao.rules.cases.RuleCase;
import nianbao.rules.cases.RuleCases;
import org.junit.jupiter.api.Test;

/** {@code ./mvnw verify} runs every case of rules/tests through the real pipeline; any failing case fails the build. */
class RuleCasesTest {

    @Test
    void everyShippedCasePasses() throws IOException {
        List<RuleCase> cases = RuleCases.load(TestSupport.RULES);
        assertThat(cases).isNotEmpty();
        List<CaseRunner.Result> results = new CaseRunner(TestSupport.auditor(), TestSupport.SAMPLES).run(cases);
        // run on every core, reported in the cases' order
        assertThat(results).extracting(CaseRunner.Result::c).containsExactlyElementsOf(cases);
        List<String> failures = results.stream()
                .filter(r -> !r.passed())
                .map(r -> r.c().label() + ": " + String.join("; ", r.failures()))
                .toList();
        assertThat(failures).as("failing rule cases").isEmpty();
    }

    @Test
    void aCaseThatExpectsTheWrongThingFails() throws IOException {
        // The runner must be able to say no: a sample that has no DL-LATE, expected to have one.
        RuleCase wrong = RuleCases.parse("base: 002_dfcf094cd729cac8.txt\nexpect: DL-LATE\nexpect-not: SEC-MISSING\n", "wrong.case");
        CaseRunner.Result r = new CaseRunner(TestSupport.auditor(), TestSupport.SAMPLES).run(List.of(wrong)).get(0);
        assertThat(r.passed()).isFalse();
        assertThat(r.failures()).singleElement().asString().contains("DL-LATE");
    }

    @Test
    void malformedCasesFailWithAReason() throws IOException {
        RuleCase missingTarget = RuleCases.parse("base: 002_dfcf094cd729cac8.txt\nreplace: 这句话不存在 => x\nexpect: SEC-MISSING\n", "a.case");
        RuleCase noBase = RuleCases.parse("name: 空\nexpect: SEC-MISSING\n", "b.case");
        RuleCase badKey = RuleCases.parse("bass: 002_dfcf094cd729cac8.txt\nexpect: SEC-MISSING\n", "c.case");
        List<CaseRunner.Result> rs = new CaseRunner(TestSupport.auditor(), TestSupport.SAMPLES).run(List.of(missingTarget, noBase, badKey));
        assertThat(rs.get(0).failures()).anySatisfy(f -> assertThat(f).contains("这句话不存在"));
        assertThat(rs.get(1).failures()).anySatisfy(f -> assertThat(f).contains("neither base nor inline text"));
        assertThat(rs.get(2).failures()).anySatisfy(f -> assertThat(f).contains("bass"));
    }

    @Test
    void inlineTextAndAnnotatedValuesAreRead() {
        RuleCase c = RuleCases.parse("""
                # 说明
                name: 内联
                replace: 甲 =>         # optional, repeatable
                expect: SEC-MISSING, DL-UNKNOWN
                expect-not: DL-LATE          # comment
                ---
                甲乙丙
                第二行
                """, "x.case");
        assertThat(c.problems()).isEmpty();
        assertThat(c.replaces()).singleElement().satisfies(r -> assertThat(r.to()).isEmpty());
        assertThat(c.expect()).containsExactly("SEC-MISSING", "DL-UNKNOWN");
        assertThat(c.expectNot()).containsExactly("DL-LATE");
        assertThat(c.text()).isEqualTo("甲乙丙\n第二行\n");
    }
}
