package nianbao.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nianbao.TestSupport;
import nianbao.model.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The classic build's Java classes cached by their source: reused where nothing they depend on changed, never stale. */
class RuleClassCacheTest {
    @TempDir
    Path tmp;

    private static final List<String> SAMPLES = List.of("000", "002", "003", "004");

    private static List<String> judged(RuleSet rules, List<Report> reports) {
        return reports.stream().flatMap(r -> rules.evaluate(r).stream()).map(f -> f.code() + " " + f.message() + " " + f.location()).toList();
    }

    private static List<Report> samples() {
        return SAMPLES.stream().map(s -> TestSupport.audit(s).report()).toList();
    }

    @Test
    void aSecondBuildOfTheShippedRulesCompilesNothingAndJudgesAlike() throws Exception {
        Path dir = tmp.resolve("java");
        RuleClassCache first = new RuleClassCache(dir, null);
        RuleSet compiled = RuleSet.loadClassic(TestSupport.RULES, true, first);
        assertThat(first.compiled()).isGreaterThan(100);
        assertThat(first.hits()).isZero();
        try (Stream<Path> entries = Files.list(dir)) {
            assertThat(entries.count()).isEqualTo(first.compiled());
        }
        RuleClassCache second = new RuleClassCache(dir, null);
        RuleSet cached = RuleSet.loadClassic(TestSupport.RULES, true, second);
        assertThat(second.compiled()).isZero();
        assertThat(second.hits()).isEqualTo(first.compiled());
        List<Report> reports = samples();
        assertThat(judged(cached, reports)).isNotEmpty().containsExactlyElementsOf(judged(compiled, reports));
    }

    @Test
    void aLineAddedAboveTheImportsOfAFileCompilesNothingNew() throws Exception {
        // Drools orders a package's imports by where they stand in their file: every generated class changes order
        Path first = tmp.resolve("first");
        RuleClassCache original = new RuleClassCache(first, null);
        RuleSet.loadClassic(TestSupport.RULES, true, original);
        Path rules = RulesCli.copyRules(tmp);
        Path tables = rules.resolve("tables.drl");
        Files.writeString(tables, "// 新增的一行\n" + Files.readString(tables, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        RuleClassCache shifted = new RuleClassCache(first, null);
        RuleSet.loadClassic(rules, true, shifted);
        assertThat(shifted.compiled()).isZero();
        assertThat(shifted.hits()).isEqualTo(original.compiled());
        // and compiled afresh, the shifted rules give the very bytes that were reused
        Path second = tmp.resolve("second");
        RuleSet.loadClassic(rules, true, new RuleClassCache(second, null));
        try (Stream<Path> entries = Files.list(second)) {
            List<Path> fresh = entries.toList();
            assertThat(fresh).hasSize(original.compiled());
            for (Path e : fresh) {
                Map<String, byte[]> reused = RuleClassCache.decode(Files.readAllBytes(first.resolve(e.getFileName())));
                assertThat(RuleClassCache.decode(Files.readAllBytes(e))).as(e.getFileName().toString())
                        .containsOnlyKeys(reused.keySet())
                        .allSatisfy((name, bytes) -> assertThat(bytes).isEqualTo(reused.get(name)));
            }
        }
    }

    @Test
    void entriesWrittenAtBuildTimeAreReadFromTheApplicationsClassLoader() throws Exception {
        Path classes = tmp.resolve("classes");
        RuleClassCache build = new RuleClassCache(classes.resolve(RuleClassCache.BUNDLED), null);
        RuleSet.loadClassic(TestSupport.RULES, true, build);
        try (URLClassLoader app = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
            RuleClassCache run = new RuleClassCache(tmp.resolve("user"), app);
            RuleSet.loadClassic(TestSupport.RULES, true, run);
            assertThat(run.compiled()).isZero();
            assertThat(run.hits()).isEqualTo(build.compiled());
            assertThat(tmp.resolve("user")).doesNotExist(); // nothing copied out of the jar
        }
    }

    // ---- edits, on rules of our own ----------------------------------------------------------------------

    private static final String RULES = """
            package t.cls;
            import nianbao.model.*;
            global nianbao.rules.Findings findings;
            declare Holder  value : long  end
            function int twice(int x) { return 2 * x; }
            rule "hold" @code("T-CLS-1") @severity("info") @points(0) salience 10
            when $r : Report() then Holder h = new Holder(); h.setValue(twice(21)); insert(h); end
            rule "say" @code("T-CLS-2") @severity("minor") @points(1) salience 0
            when Holder( $v : value ) then findings.add(drools.getRule(), "值" + $v, Location.none()); end
            """;

    private Path rules(String text) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("rules"));
        Files.writeString(dir.resolve("cls.drl"), text, StandardCharsets.UTF_8);
        return dir;
    }

    private static List<String> messages(RuleSet rules) {
        return rules.evaluate(TestSupport.audit("002").report()).stream().map(f -> f.code() + " " + f.message()).toList();
    }

    @Test
    void anEditedRuleAloneIsCompiled() throws Exception {
        Path cache = tmp.resolve("java");
        Path dir = rules(RULES);
        RuleClassCache first = new RuleClassCache(cache, null);
        assertThat(messages(RuleSet.loadClassic(dir, true, first))).containsExactly("T-CLS-2 值42");
        rules(RULES.replace("\"值\" + $v", "\"数值\" + $v"));
        RuleClassCache second = new RuleClassCache(cache, null);
        assertThat(messages(RuleSet.loadClassic(dir, true, second))).containsExactly("T-CLS-2 数值42");
        assertThat(second.compiled()).isEqualTo(1);
        assertThat(second.hits()).isEqualTo(first.compiled() - 1).isPositive();
    }

    /**
     * Builds {@link #RULES}, then the rules with {@code from} replaced by {@code to}, through one cache; the second
     * build must judge as {@code expected} (a class compiled against the first version would throw) and compile.
     */
    private void editedWithTheSameRuleText(String from, String to, String expected) throws Exception {
        Path cache = tmp.resolve("java");
        Path dir = rules(RULES);
        assertThat(messages(RuleSet.loadClassic(dir, true, new RuleClassCache(cache, null)))).containsExactly("T-CLS-2 值42");
        assertThat(RULES).contains(from);
        rules(RULES.replace(from, to));
        RuleClassCache again = new RuleClassCache(cache, null);
        assertThat(messages(RuleSet.loadClassic(dir, true, again))).containsExactly(expected);
        assertThat(again.compiled()).isPositive();
    }

    @Test
    void aChangedFunctionRecompilesTheRulesCallingItThoughTheirTextIsTheSame() throws Exception {
        // "hold" calls twice(I)I before and twice(I)J after
        editedWithTheSameRuleText("function int twice(int x) { return 2 * x; }", "function long twice(int x) { return 2L * x + 1; }",
                "T-CLS-2 值43");
    }

    @Test
    void aChangedDeclaredTypeRecompilesTheRulesUsingItThoughTheirTextIsTheSame() throws Exception {
        // "hold" calls setValue(J)V before and setValue(I)V after
        editedWithTheSameRuleText("declare Holder  value : long  end", "declare Holder  value : int  end", "T-CLS-2 值42");
    }

    @Test
    void aDamagedEntryIsCompiledAgainAndReplaced() throws Exception {
        Path cache = tmp.resolve("java");
        Path dir = rules(RULES);
        RuleClassCache first = new RuleClassCache(cache, null);
        RuleSet.loadClassic(dir, true, first);
        Path entry;
        try (Stream<Path> entries = Files.list(cache)) {
            entry = entries.sorted().findFirst().orElseThrow();
        }
        Files.write(entry, new byte[] {0, 0, 0, 1, 0, 3, 'a', 'b', 'c'});
        RuleClassCache again = new RuleClassCache(cache, null);
        assertThat(messages(RuleSet.loadClassic(dir, true, again))).containsExactly("T-CLS-2 值42");
        assertThat(again.compiled()).isEqualTo(1);
        assertThat(RuleClassCache.decode(Files.readAllBytes(entry))).isNotEmpty()
                .allSatisfy((name, bytes) -> assertThat(bytes).startsWith(0xCA, 0xFE, 0xBA, 0xBE));
    }

    @Test
    void aRuleThatDoesNotCompileReportsItsErrorAndCachesNothing() throws Exception {
        Path cache = tmp.resolve("java");
        Path dir = rules(RULES.replace("h.setValue(twice(21));", "h.setValue(twice(\"21\"));"));
        RuleClassCache c = new RuleClassCache(cache, null);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RuleSet.loadClassic(dir, true, c))
                .isInstanceOf(RuleCompileException.class)
                .satisfies(e -> assertThat(((RuleCompileException) e).errors()).extracting(RuleError::file).contains("cls.drl"));
        try (Stream<Path> entries = Files.exists(cache) ? Files.list(cache) : Stream.empty()) {
            // the functions compiled before the rules may be kept; no class of the failed compilation is
            assertThat(entries.map(p -> {
                try {
                    return RuleClassCache.decode(Files.readAllBytes(p));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).flatMap(m -> m.keySet().stream())).noneMatch(n -> n.contains("Rule_"));
        }
    }

    @Test
    void entriesHoldEveryClassFileOfTheirSource() throws Exception {
        Map<String, byte[]> classes = new java.util.TreeMap<>(Map.of("t/cls/Rule_词表$u65306$x1.class", new byte[] {1, 2},
                "t/cls/Rule_词表$u65306$x1$1.class", new byte[0]));
        assertThat(RuleClassCache.decode(RuleClassCache.encode(classes))).containsOnlyKeys(classes.keySet())
                .allSatisfy((name, bytes) -> assertThat(bytes).isEqualTo(classes.get(name)));
    }
}
