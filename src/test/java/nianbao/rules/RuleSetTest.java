package nianbao.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import nianbao.TestSupport;
import nianbao.model.SourceLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleSetTest {
    @TempDir
    Path tmp;

    private static final String HEADER = "package t;\nimport nianbao.model.*;\nglobal nianbao.rules.Findings findings;\n";

    @Test
    void theClassicSwitchBuildsTheClassicWayAndCachesNoRuleClass() throws Exception {
        Path cache = Files.createDirectories(tmp.resolve("cache"));
        // the shipped rules with a rule added, whose class no cache holds
        Path rules = RulesCli.copyRules(tmp);
        Files.writeString(rules.resolve("content.drl"), "\nrule \"never fires\"\n    salience 0\nwhen\n    Report(reportYear < 0)\nthen\nend\n",
                java.nio.file.StandardOpenOption.APPEND);
        RuleSet classic;
        System.setProperty("nianbao.rules.build", "classic");
        try {
            classic = RuleSet.load(rules, cache);
        } finally {
            System.clearProperty("nianbao.rules.build");
        }
        assertThat(classic.classicBuild()).isTrue();
        assertThat(classic.fromCache()).isFalse();
        // no rule class cached (the launcher's training run compiles every one, and leaves nothing)
        try (var s = Files.walk(cache)) {
            assertThat(s.map(p -> cache.relativize(p).toString()))
                    .noneMatch(n -> n.startsWith(RuleClassCache.CACHED + "/"));
        }
        // and it judges like the rule base a run uses
        var report = TestSupport.audit("002").report();
        assertThat(classic.evaluate(report)).extracting(f -> f.code() + " " + f.message())
                .containsExactlyElementsOf(RuleSet.load(TestSupport.RULES, null).evaluate(report).stream().map(f -> f.code() + " " + f.message()).toList())
                .isNotEmpty();
    }

    @Test
    void aSyntaxErrorIsReportedWithFileAndLine() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("rules/sub"));
        Files.writeString(dir.resolve("bad.drl"), HEADER + """
                rule "missing paren"
                when
                    Report( reportYear == 2021
                then
                end
                """);
        assertThatThrownBy(() -> RuleSet.load(tmp.resolve("rules"), null))
                .isInstanceOf(RuleCompileException.class)
                .satisfies(e -> {
                    var errors = ((RuleCompileException) e).errors();
                    assertThat(errors).isNotEmpty();
                    assertThat(errors.get(0).file()).isEqualTo("sub/bad.drl");
                    assertThat(errors.get(0).line()).isBetween(6, 8);
                    assertThat(errors.get(0).toString()).startsWith("sub/bad.drl:");
                });
    }

    @Test
    void aTypeErrorInAConstraintNamesItsLine() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("rules"));
        Files.writeString(dir.resolve("types.drl"), HEADER + """
                rule "no such field"
                when
                    Report( reportYeer == 2021 )
                then
                end
                """);
        assertThatThrownBy(() -> RuleSet.load(dir, null)).isInstanceOf(RuleCompileException.class)
                .satisfies(e -> assertThat(((RuleCompileException) e).errors())
                        .anySatisfy(err -> {
                            assertThat(err.file()).isEqualTo("types.drl");
                            assertThat(err.line()).isGreaterThan(0);
                        }));
    }

    @Test
    void aGbkRuleFileIsRejectedInsteadOfSilentlyGarbled() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("rules"));
        Files.write(dir.resolve("gbk.drl"), (HEADER + "// 中文注释\nrule \"中文\" when Report() then end\n").getBytes(Charset.forName("GBK")));
        assertThatThrownBy(() -> RuleSet.load(dir, null)).isInstanceOf(RuleCompileException.class)
                .satisfies(e -> assertThat(((RuleCompileException) e).errors().get(0).message()).contains("UTF-8"));
    }

    @Test
    void aMissingFolderIsAClearError() {
        assertThatThrownBy(() -> RuleSet.load(tmp.resolve("nope"), null)).isInstanceOf(RuleCompileException.class)
                .satisfies(e -> assertThat(((RuleCompileException) e).errors().get(0).message()).contains("not found"));
    }

    @Test
    void theCompiledRuleBaseIsCachedAndReusedUntilARuleChanges() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("rules"));
        Files.writeString(dir.resolve("one.drl"), HEADER + """
                rule "year known" @code("T-1") @severity("info") @points(1)
                when $r : Report( reportYear != null ) then findings.add(drools.getRule(), "年度" + $r.reportYear(), Location.none());
                end
                """, StandardCharsets.UTF_8);
        Path cache = tmp.resolve("cache");
        RuleSet first = RuleSet.load(dir, cache);
        assertThat(first.fromCache()).isFalse();
        try (var s = Files.list(cache)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("kbase-" + first.fingerprint() + ".jar");
        }
        RuleSet second = RuleSet.load(dir, cache);
        assertThat(second.fromCache()).isTrue();
        var report = TestSupport.audit("000").report();
        assertThat(second.evaluate(report)).extracting(f -> f.message()).containsExactly("年度2021");

        Files.writeString(dir.resolve("one.drl"), Files.readString(dir.resolve("one.drl")).replace("\"年度\"", "\"报告年度\""));
        RuleSet third = RuleSet.load(dir, cache);
        assertThat(third.fromCache()).isFalse();
        assertThat(third.fingerprint()).isNotEqualTo(first.fingerprint());
        assertThat(third.evaluate(report)).extracting(f -> f.message()).containsExactly("报告年度2021");
    }

    @Test
    void aRuleWrittenOnSourceLinesGetsTheLinesThoughTheShippedRulesReadThemThroughTheReport() throws Exception {
        var report = TestSupport.audit("000").report();
        assertThat(report.lines()).hasSizeGreaterThan(50);
        // The shipped rules match no SourceLine fact: the lines are not inserted one by one.
        RuleSet shipped = RuleSet.load(TestSupport.RULES, null);
        assertThat(RuleSet.matchedByRules(shipped.kieBase(), SourceLine.class)).isFalse();
        assertThat(shipped.facts(report)).noneMatch(f -> f instanceof SourceLine);
        // A policy officer's rule on SourceLine (here through a count) sees every line of the report.
        Path dir = Files.createDirectories(tmp.resolve("rules"));
        Files.writeString(dir.resolve("lines.drl"), HEADER + """
                rule "line count" @code("T-3") @severity("info") @points(1)
                when $n : Number() from accumulate( SourceLine(), count(1) ) then findings.add(drools.getRule(), "行数" + $n, Location.none());
                end
                """, StandardCharsets.UTF_8);
        RuleSet own = RuleSet.load(dir, null);
        assertThat(own.evaluate(report)).extracting(f -> f.message()).containsExactly("行数" + report.lines().size());
        // Likewise a rule on a supertype (Object) is given them.
        Files.writeString(dir.resolve("lines.drl"), HEADER + """
                rule "fact count" @code("T-3") @severity("info") @points(1)
                when $n : Number() from accumulate( Object(), count(1) ) then findings.add(drools.getRule(), "事实" + $n, Location.none());
                end
                """, StandardCharsets.UTF_8);
        RuleSet any = RuleSet.load(dir, null);
        assertThat(any.facts(report)).filteredOn(f -> f instanceof SourceLine).hasSize(report.lines().size());
    }

    @Test
    void aCorruptCacheEntryIsRebuiltNotTrusted() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("rules"));
        Files.writeString(dir.resolve("one.drl"), HEADER + "rule \"r\" @code(\"T-2\") when Report() then findings.add(drools.getRule(), \"x\", Location.none()); end\n");
        Path cache = tmp.resolve("cache");
        RuleSet first = RuleSet.load(dir, cache);
        Files.writeString(cache.resolve("kbase-" + first.fingerprint() + ".jar"), "not a jar");
        RuleSet again = RuleSet.load(dir, cache);
        assertThat(again.fromCache()).isFalse();
        assertThat(again.evaluate(TestSupport.audit("001").report())).hasSize(1);
    }

    @Test
    void everyShippedRuleThatReportsCarriesItsMetadata() throws Exception {
        RuleSet shipped = TestSupport.auditor().rules();
        var reporting = shipped.rules().stream().filter(RuleInfo::reportsFindings).toList();
        assertThat(reporting).hasSizeGreaterThan(15);
        assertThat(reporting).allSatisfy(r -> {
            assertThat(r.title()).as(r.name()).isNotBlank();
            assertThat(r.severity()).as(r.name()).isIn("critical", "major", "minor", "info");
            assertThat(r.category()).as(r.name()).isNotBlank();
            assertThat(r.basis()).as(r.name()).isNotBlank();
        });
    }

    @Test
    void aFunctionNameWithTwoParameterListsInTwoFilesOfOnePackageLoadsAndIsCached() throws Exception {
        // the executable model accepts it (the classic DRL build would refuse it: "The type Label is already defined")
        Path dir = Files.createDirectories(tmp.resolve("rules"));
        Files.writeString(dir.resolve("a.drl"), HEADER + """
                function String label(String s) { return "【" + s + "】"; }
                rule "a" @code("T-OV-1") when Report() then findings.add(drools.getRule(), label("甲"), Location.none()); end
                """, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("b.drl"), HEADER + """
                function String label(Report r, String s) { return s + r.reportYear(); }
                rule "b" @code("T-OV-2") when $r : Report() then findings.add(drools.getRule(), label($r, "乙"), Location.none()); end
                """, StandardCharsets.UTF_8);
        Path cache = tmp.resolve("cache");
        RuleSet set = RuleSet.load(dir, cache);
        assertThat(set.fromCache()).isFalse();
        var report = TestSupport.audit("000").report();
        assertThat(set.evaluate(report)).extracting(f -> f.message()).containsExactlyInAnyOrder("【甲】", "乙" + report.reportYear());
        RuleSet again = RuleSet.load(dir, cache);
        assertThat(again.fromCache()).isTrue();
        assertThat(again.evaluate(report)).extracting(f -> f.message()).containsExactlyInAnyOrder("【甲】", "乙" + report.reportYear());
    }
}
