package nianbao.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import nianbao.TestSupport;
import nianbao.model.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Right after a rule edit: the classic build for the run, the executable-model cache written by a separate JVM for the next. */
class CacheWriterTest {
    @TempDir
    Path tmp;

    /** A rule of our own, added the way a policy officer would, in a new file of the shipped package. */
    private static final String NEW_RULE = """
            package nianbao.audit;
            import nianbao.model.*;
            global nianbao.rules.Findings findings;

            rule "T-NEW 报告年度提示"
                @code("T-NEW") @title("报告年度") @severity("info") @points(0) @category("测试") @basis("测试")
            %s
            when
                $r : Report( reportYear != null )
            then
                findings.add(drools.getRule(), "报告年度为" + $r.reportYear(), Location.none(), "");
            end
            """;

    private static List<String> shown(RuleSet set, String sample) {
        return set.evaluate(TestSupport.audit(sample).report()).stream().map(Finding::toString).sorted().toList();
    }

    /**
     * The cache folder's entries, but the decision tables' DRL (DecisionTables: converted tables, not compiled rules)
     * and the classic build's Java classes (RuleClassCache: classes of single rules, not a rule base).
     */
    private static List<String> names(Path dir) throws Exception {
        if (!Files.exists(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.equals(DecisionTables.CACHED) && !n.equals(RuleClassCache.CACHED)).sorted().toList();
        }
    }

    @Test
    void editedRulesAreBuiltTheClassicWayAndTheChildJvmCachesTheModelThatJudgesAlike() throws Exception {
        Path rules = RulesCli.copyRules(tmp);
        Files.writeString(rules.resolve("zz-new.drl"), NEW_RULE.formatted("    salience 0"), StandardCharsets.UTF_8);
        Path cache = tmp.resolve("cache");
        RuleSet edited = RuleSet.load(rules, cache);
        assertThat(edited.classicBuild()).isTrue();
        assertThat(edited.fromCache()).isFalse();
        assertThat(names(cache)).isEmpty(); // no rule base compiled for the cache in the user's run
        assertThat(cache.resolve(RuleClassCache.CACHED)).isNotEmptyDirectory(); // but the new rule's Java class, for the next edit

        Process child = CacheWriter.start(rules, cache);
        assertThat(child.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).isZero();
        assertThat(names(cache)).containsExactly("kbase-" + edited.fingerprint() + ".jar"); // no lock or temporary file left

        RuleSet next = RuleSet.load(rules, cache);
        assertThat(next.fromCache()).isTrue();
        assertThat(next.classicBuild()).isFalse();
        for (String sample : List.of("000", "004")) {
            assertThat(shown(edited, sample)).isEqualTo(shown(next, sample)).anySatisfy(f -> assertThat(f).contains("报告年度为"));
        }
    }

    @Test
    void theDetachedChildWritesTheCacheAfterItsShellHasGone() throws Exception {
        Path rules = RulesCli.copyRules(tmp);
        Files.writeString(rules.resolve("zz-new.drl"), NEW_RULE.formatted("    salience 0"), StandardCharsets.UTF_8);
        Path cache = tmp.resolve("cache");
        String fp = RuleSet.fingerprintOf(rules);
        long before = ProcessHandle.current().children().count();
        CacheWriter.startDetached(rules, cache);
        // the shell has exited and the writer is no child of ours: nothing of this JVM waits for it
        assertThat(ProcessHandle.current().children().count()).isEqualTo(before);
        Path entry = RuleSet.cacheFile(cache, fp);
        for (int i = 0; i < 720 && !(Files.isRegularFile(entry) && names(cache).size() == 1); i++) Thread.sleep(250);
        assertThat(names(cache)).containsExactly(entry.getFileName().toString()); // no lock or temporary file left
        assertThat(RuleSet.load(rules, cache).fromCache()).isTrue();
    }

    @Test
    void aRuleThatStatesNoSalienceIsBuiltAsTheExecutableModelAndCachedAtOnce() throws Exception {
        Path rules = RulesCli.copyRules(tmp);
        Files.writeString(rules.resolve("zz-new.drl"), NEW_RULE.formatted(""), StandardCharsets.UTF_8);
        Path cache = tmp.resolve("cache");
        RuleSet set = RuleSet.load(rules, cache);
        assertThat(set.classicBuild()).isFalse();
        assertThat(names(cache)).containsExactly("kbase-" + set.fingerprint() + ".jar");
        assertThat(shown(set, "000")).anySatisfy(f -> assertThat(f).contains("报告年度为"));
    }

    @Test
    void rulesCheckNamesTheRuleThatStatesNoSalience() throws Exception {
        Path rules = RulesCli.copyRules(tmp);
        Files.writeString(rules.resolve("zz-new.drl"), NEW_RULE.formatted(""), StandardCharsets.UTF_8);
        String out = RulesCli.run("rules", "check", "--rules", rules.toString(), "--no-cache").out();
        assertThat(out).contains("zz-new.drl rule \"T-NEW 报告年度提示\"").contains("规则没有写 salience").contains("2 个警告"); // the other: T-NEW has no test cases
    }

    @Test
    void anotherRunCompilingTheSameRulesIsLeftAlone() throws Exception {
        Path rules = RulesCli.copyRules(tmp);
        Path cache = Files.createDirectories(tmp.resolve("cache"));
        Path lock = cache.resolve("kbase-" + RuleSet.fingerprintOf(rules) + ".lock");
        try (FileChannel ch = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE); var held = ch.lock()) {
            assertThat(CacheWriter.write(rules, cache)).isFalse();
            assertThat(names(cache)).containsExactly(lock.getFileName().toString()); // its lock untouched, no cache
        }
    }

    @Test
    void brokenRulesLeaveNoCacheEntry() throws Exception {
        Path rules = RulesCli.copyRules(tmp);
        Files.writeString(rules.resolve("zz-new.drl"), NEW_RULE.formatted("    salience 0").replace("reportYear != null", "reportYear !="),
                StandardCharsets.UTF_8);
        Path cache = tmp.resolve("cache");
        assertThat(CacheWriter.write(rules, cache)).isFalse();
        assertThat(names(cache)).isEmpty();
    }

    @Test
    void everyRuleMustStateItsSalienceForTheClassicBuild() throws Exception {
        Path a = tmp.resolve("a.drl");
        Files.writeString(a, "rule \"x\"\n  salience 5 // layer\nwhen\n Report()\nthen\nend\nrule \"y\" salience 0\n  when Report() then end\n");
        assertThat(RuleSet.statesEverySalience(List.of(a))).isTrue();
        Files.writeString(a, "rule \"x\"\n  salience 5\nwhen\nthen\nend\nrule \"y\" @code(\"Y\")\n// salience 3\nwhen\nthen\nend\n");
        assertThat(RuleSet.statesEverySalience(List.of(a))).isFalse();
        Files.writeString(a, "rule \"one line\" when Report() then end\n");
        assertThat(RuleSet.statesEverySalience(List.of(a))).isFalse();
        Path dslr = tmp.resolve("b.dslr");
        Files.writeString(dslr, "rule \"甲\"\n    @code(\"J\")\nwhen\n    报告格式为 GB_2021\nthen\n    记录问题\nend\n");
        assertThat(RuleSet.statesEverySalience(List.of(a.resolveSibling("none.txt"), dslr))).isFalse();
        assertThat(RuleSet.statesEverySalience(RuleSet.ruleFiles(Path.of("rules")))).as("the shipped rules").isTrue();
    }
}
