package nianbao.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The classes compiled rules are bound to are found and hashed, so a new model build never reuses a stale rule base. */
class RuleApiTest {
    @Test
    void theModelClassesAreFoundWhereTheAppRunsFrom() throws Exception {
        assertThat(RuleApi.modelClasses().keySet())
                .contains("nianbao/model/Report.class", "nianbao/model/Cell.class", "nianbao/model/Reading.class")
                .allSatisfy(n -> assertThat(n).startsWith("nianbao/model/").endsWith(".class"));
        assertThat(RuleApi.digest()).hasSize(64).isEqualTo(RuleApi.digest());
    }

    @Test
    void fromAClassesFolderTheDigestIsComputedNotTakenFromABuildRecord() throws Exception {
        // target/classes may hold the record of an earlier packaging, and classes compiled since
        assertThat(RuleApi.digest()).isEqualTo(RuleApi.compute());
    }
}
