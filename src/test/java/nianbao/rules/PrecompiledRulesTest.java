package nianbao.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import nianbao.TestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rule base compiled at build time: written, matched by fingerprint, loaded without Drools' kjar path. */
class PrecompiledRulesTest {
    @TempDir
    Path tmp;

    private static final String RULES = """
            package t.pre;
            import nianbao.model.*;
            global nianbao.rules.Findings findings;
            declare Seen  year : int  end
            rule "seen" @code("T-PRE-1") @severity("info") @points(0)
            when $r : Report( reportYear != null ) then insert(new Seen($r.reportYear())); end
            rule "year" @code("T-PRE-2") @severity("minor") @points(2)
            when Seen( $y : year ) then findings.add(drools.getRule(), "年度" + $y, Location.none()); end
            """;

    /** A rules folder of our own (a declared type, two packages' worth of rules in subfolders), precompiled like the build does. */
    private Path precompiled(Path classes) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("rules/sub"));
        Files.writeString(dir.resolve("pre.drl"), RULES, StandardCharsets.UTF_8);
        Precompile.main(new String[] {tmp.resolve("rules").toString(), classes.toString()});
        return tmp.resolve("rules");
    }

    @Test
    void theBuildStepWritesAModelJarThatLoadsAndJudges() throws Exception {
        Path classes = tmp.resolve("classes");
        precompiled(classes);
        Path jar = classes.resolve(ModelJar.BUNDLED_JAR);
        assertThat(ModelJar.modelClasses(jar)).isNotEmpty().allSatisfy(c -> assertThat(c).startsWith("t.pre."));
        String fp = Files.readString(classes.resolve(ModelJar.BUNDLED_FINGERPRINT)).strip();
        Path cache = Files.createDirectories(tmp.resolve("cache"));
        Files.copy(jar, cache.resolve("kbase-" + fp + ".jar"));
        RuleSet fromJar = RuleSet.load(tmp.resolve("rules"), cache);
        assertThat(fromJar.fromCache()).isTrue();
        RuleSet compiled = RuleSet.load(tmp.resolve("rules"), null); // compiled the classic way, for comparison
        assertThat(compiled.fromCache()).isFalse();
        var report = TestSupport.audit("002").report();
        assertThat(fromJar.evaluate(report)).extracting(f -> f.code() + " " + f.message())
                .containsExactlyElementsOf(compiled.evaluate(report).stream().map(f -> f.code() + " " + f.message()).toList())
                .containsExactly("T-PRE-2 年度" + report.reportYear());
        assertThat(fromJar.rules()).extracting(RuleInfo::code).containsExactlyElementsOf(compiled.rules().stream().map(RuleInfo::code).toList());
    }

    @Test
    void theBundledRuleBaseIsCopiedOnlyForTheRulesItWasCompiledFrom() throws Exception {
        Path classes = tmp.resolve("classes");
        Path rules = precompiled(classes);
        String fp = Files.readString(classes.resolve(ModelJar.BUNDLED_FINGERPRINT)).strip();
        try (URLClassLoader cl = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
            Path target = tmp.resolve("cache/kbase-" + fp + ".jar");
            assertThat(ModelJar.copyBundled(cl, fp.replace(fp.charAt(0), fp.charAt(0) == 'a' ? 'b' : 'a'), target)).isFalse();
            assertThat(target).doesNotExist();
            assertThat(ModelJar.copyBundled(cl, fp, target)).isTrue();
            assertThat(target).hasSameBinaryContentAs(classes.resolve(ModelJar.BUNDLED_JAR));
        }
        // RuleSet.load computes the same fingerprint for the same folder, so the copy is what it loads
        Path cache = tmp.resolve("cache");
        RuleSet fromCopy = RuleSet.load(rules, cache);
        assertThat(fromCopy.fingerprint()).isEqualTo(fp);
        assertThat(fromCopy.fromCache()).isTrue();
        assertThat(fromCopy.rules()).extracting(RuleInfo::code).contains("T-PRE-1", "T-PRE-2");
    }

    @Test
    void aJarWithoutAModelIsRefused() throws IOException {
        Path notModel = tmp.resolve("x.jar");
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(notModel))) {
            out.putNextEntry(new java.util.zip.ZipEntry("a.txt"));
            out.write(1);
        }
        assertThatThrownBy(() -> ModelJar.load(notModel)).isInstanceOf(IOException.class).hasMessageContaining("no executable model");
        Files.writeString(notModel, "not a jar");
        assertThatThrownBy(() -> ModelJar.load(notModel)).isInstanceOf(IOException.class);
    }
}
