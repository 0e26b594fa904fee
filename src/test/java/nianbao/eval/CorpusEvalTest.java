package nianbao.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import nianbao.TestSupport;
import nianbao.rules.RuleInfo;
import nianbao.rules.RuleSet;
import org.junit.jupiter.api.Test;

/**
 * The conformance corpus as a test suite: every real report in {@code corpus/} is audited and compared with its
 * hand-checked ground truth; the build fails when any count is worse than the level recorded in
 * {@code corpus/ratchet.properties}.
 */
class CorpusEvalTest {
    static final Path CORPUS = Path.of("corpus");

    @Test
    void noCountFallsBelowTheRecordedLevel() throws Exception {
        RuleSet rules = RuleSet.load(TestSupport.RULES, RuleSet.defaultCacheDir());
        Set<String> catalogue = rules.rules().stream().map(RuleInfo::code).filter(Objects::nonNull).collect(Collectors.toSet());
        CorpusEval.Result result = CorpusEval.run(CORPUS, TestSupport.auditor(), catalogue);
        System.out.println("corpus evaluation: " + result.total().line());
        assertEquals(CorpusEval.inputs(CORPUS).size(), result.total().get("files"));
        assertTrue(result.total().get("files") >= 29, "the corpus holds its reports");
        List<String> worse = Ratchet.violations(result.total(), Ratchet.read(CORPUS.resolve("ratchet.properties")));
        assertTrue(worse.isEmpty(), () -> String.join("\n", worse) + "\n" + String.join("\n", result.total().problems()));
    }
}
