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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;
import org.junit.jupiter.api.io.TempDir;

/** The rule base compiled at build time: its classes written beside the application's, matched by fingerprint, hidden from run-time builds. */
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

    /**
     * The application's class loader as it is with these classes in its jar. (Resources are looked up here
     * first: the test class path may hold the project's own build of the shipped rules.)
     */
    private static URLClassLoader over(Path classes) throws IOException {
        return new URLClassLoader(new URL[] {classes.toUri().toURL()}, PrecompiledRulesTest.class.getClassLoader()) {
            @Override
            public URL getResource(String name) {
                URL own = findResource(name);
                return own != null ? own : super.getResource(name);
            }
        };
    }

    @Test
    void theBuildStepWritesModelClassesThatTheApplicationLoaderLoadsAndThatJudgeLikeTheClassicBuild() throws Exception {
        Path classes = tmp.resolve("classes");
        Path rules = precompiled(classes);
        String fp = Files.readString(classes.resolve(BundledRules.FINGERPRINT)).strip();
        assertThat(Files.readString(classes.resolve(BundledRules.API_DIGEST)).strip()).isEqualTo(RuleApi.compute());
        assertThat(classes.resolve(RuleClassCache.BUNDLED)).isNotEmptyDirectory(); // the classic build's classes
        List<String> models = Files.readAllLines(classes.resolve(BundledRules.MODELS));
        List<String> generated = Files.readAllLines(classes.resolve(BundledRules.CLASSES));
        assertThat(models).isNotEmpty().allSatisfy(c -> assertThat(c).startsWith("t.pre."));
        assertThat(generated).contains("t.pre.Seen").containsAll(models)
                .allSatisfy(c -> assertThat(classes.resolve(c.replace('.', '/') + ".class")).isRegularFile());
        try (URLClassLoader app = over(classes)) {
            KieBase kb = BundledRules.load(app, fp);
            assertThat(kb).isNotNull();
            assertThat(app.loadClass(models.get(0)).getClassLoader()).isSameAs(app); // the application's loader, not one of its own
            RuleSet bundled = new RuleSet(rules, kb, fp, true);
            RuleSet compiled = RuleSet.load(rules, null); // compiled the classic way, for comparison
            assertThat(compiled.fromCache()).isFalse();
            assertThat(compiled.fingerprint()).isEqualTo(fp);
            var report = TestSupport.audit("002").report();
            assertThat(bundled.evaluate(report)).extracting(f -> f.code() + " " + f.message())
                    .containsExactlyElementsOf(compiled.evaluate(report).stream().map(f -> f.code() + " " + f.message()).toList())
                    .containsExactly("T-PRE-2 年度" + report.reportYear());
            assertThat(bundled.rules()).extracting(RuleInfo::code).containsExactlyElementsOf(compiled.rules().stream().map(RuleInfo::code).toList());
            // only for the rules it was compiled from
            assertThat(BundledRules.load(app, fp.replace(fp.charAt(0), fp.charAt(0) == 'a' ? 'b' : 'a'))).isNull();
        }
    }

    @Test
    void runTimeBuildsDoNotSeeTheBundledClassesOfTheSameNames() throws Exception {
        Path classes = tmp.resolve("classes");
        precompiled(classes);
        try (URLClassLoader app = over(classes)) {
            assertThat(app.loadClass("t.pre.Seen")).isNotNull();
            ClassLoader hiding = BundledRules.isolating(app);
            assertThat(hiding).isInstanceOf(BundledRules.Hiding.class);
            assertThatThrownBy(() -> hiding.loadClass("t.pre.Seen")).isInstanceOf(ClassNotFoundException.class);
            assertThatThrownBy(() -> Class.forName("t.pre.Seen", false, hiding)).isInstanceOf(ClassNotFoundException.class);
            assertThat(hiding.getResource("t/pre/Seen.class")).isNull();
            assertThat(hiding.getResourceAsStream("t/pre/Seen.class")).isNull();
            assertThat(hiding.getResources("t/pre/Seen.class").hasMoreElements()).isFalse();
            // everything else is the application's
            assertThat(hiding.loadClass("nianbao.model.Report")).isSameAs(nianbao.model.Report.class);
            assertThat(hiding.getResource(BundledRules.MODELS)).isNotNull();
            // a name nobody has is not found, each time, and costs no stack trace (type resolution tries many)
            for (int i = 0; i < 2; i++) {
                assertThatThrownBy(() -> hiding.loadClass("nianbao.model.NoSuchType")).isInstanceOf(ClassNotFoundException.class)
                        .hasMessage("nianbao.model.NoSuchType").satisfies(e -> assertThat(e.getStackTrace()).isEmpty());
            }
            assertThatThrownBy(() -> Class.forName("nianbao.model.NoSuchType", false, hiding)).isInstanceOf(ClassNotFoundException.class);
            assertThat(hiding.loadClass("java.lang.String")).isSameAs(String.class);
        }
        // an application without bundled rules needs no hiding
        try (URLClassLoader none = new URLClassLoader(new URL[0], null)) {
            assertThat(BundledRules.isolating(none)).isSameAs(none);
        }
    }

    @Test
    void precompilingAgainReplacesTheClassesOfTheEarlierRules() throws Exception {
        Path classes = tmp.resolve("classes");
        Path rules = precompiled(classes);
        List<String> before = Files.readAllLines(classes.resolve(BundledRules.CLASSES));
        Files.writeString(rules.resolve("sub/pre.drl"), RULES.replace("declare Seen  year : int  end", "declare Seen  year : int  when : String end")
                .replace("new Seen($r.reportYear())", "new Seen($r.reportYear(), \"x\")"), StandardCharsets.UTF_8);
        Precompile.main(new String[] {rules.toString(), classes.toString()});
        List<String> after = Files.readAllLines(classes.resolve(BundledRules.CLASSES));
        assertThat(after).isNotEqualTo(before).contains("t.pre.Seen");
        for (String gone : before) {
            if (!after.contains(gone)) assertThat(classes.resolve(gone.replace('.', '/') + ".class")).as(gone).doesNotExist();
        }
        try (URLClassLoader app = over(classes)) {
            assertThat(app.loadClass("t.pre.Seen").getDeclaredFields()).extracting(java.lang.reflect.Field::getName).contains("when");
        }
    }

    @Test
    void theBundledRulesApplyByTheRuleFilesBytesAndOutsideTheirJarAlsoByTheFullFingerprint() throws Exception {
        Path classes = tmp.resolve("classes");
        Path rules = precompiled(classes);
        String digest = Files.readString(classes.resolve(BundledRules.RULES_DIGEST)).strip();
        String fp = Files.readString(classes.resolve(BundledRules.FINGERPRINT)).strip();
        RuleSet.Sources src = RuleSet.Sources.read(rules);
        assertThat(digest).hasSize(64).isEqualTo(src.filesDigest()).isNotEqualTo(fp);
        assertThat(src.fingerprint()).isEqualTo(fp).isEqualTo(RuleSet.fingerprintOf(rules));
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        try (URLClassLoader app = over(classes)) {
            // a classes folder (here, as in development): the fingerprint is computed and must be the build's
            BundledRules.Bundle b = BundledRules.find(app, digest, () -> { asked.incrementAndGet(); return fp; });
            assertThat(b).isNotNull();
            assertThat(b.fingerprint()).isEqualTo(fp);
            assertThat(b.kieBase().getKiePackages()).extracting(p -> p.getName()).contains("t.pre");
            assertThat(asked).hasValue(1);
            // classes compiled since the build step ran: the full fingerprint differs, the bundle is not used
            assertThat(BundledRules.find(app, digest, () -> fp.replace(fp.charAt(0), fp.charAt(0) == 'a' ? 'b' : 'a'))).isNull();
            // edited rule files: refused from their bytes, before the classes are read
            asked.set(0);
            Files.writeString(rules.resolve("sub/pre.drl"), RULES + "\n// edited\n", StandardCharsets.UTF_8);
            RuleSet.Sources edited = RuleSet.Sources.read(rules);
            assertThat(edited.filesDigest()).isNotEqualTo(digest);
            assertThat(BundledRules.find(app, edited.filesDigest(), () -> { asked.incrementAndGet(); return fp; })).isNull();
            assertThat(asked).hasValue(0);
        }
    }

    @Test
    void theRecordedFingerprintIsTrustedOnlyForBundledClassesInTheJarOfTheModelClasses() throws Exception {
        Path classes = tmp.resolve("classes");
        precompiled(classes);
        Path jar = tmp.resolve("app dir/app.jar");
        Path other = tmp.resolve("other.jar");
        zip(classes, jar);
        zip(classes, other);
        try (URLClassLoader app = new URLClassLoader(new URL[] {jar.toUri().toURL()}, PrecompiledRulesTest.class.getClassLoader());
             URLClassLoader second = new URLClassLoader(new URL[] {other.toUri().toURL()}, PrecompiledRulesTest.class.getClassLoader())) {
            // (the test class path may hold the project's own build: look in this jar only)
            URL meta = app.findResources(BundledRules.FINGERPRINT).nextElement();
            Class<?> seen = app.loadClass("t.pre.Seen"); // a class of the jar
            assertThat(BundledRules.sameJar(meta, seen)).isTrue();
            assertThat(BundledRules.sameJar(second.findResources(BundledRules.FINGERPRINT).nextElement(), seen)).isFalse();
            assertThat(BundledRules.sameJar(meta, nianbao.model.Report.class)).isFalse(); // loaded from a folder or another jar
            assertThat(BundledRules.sameJar(classes.resolve(BundledRules.FINGERPRINT).toUri().toURL(), seen)).isFalse();
            assertThat(BundledRules.sameJar(null, seen)).isFalse();
        }
    }

    private static void zip(Path dir, Path jar) throws IOException {
        Files.createDirectories(jar.getParent());
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(jar));
             var files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new java.util.zip.ZipEntry(dir.relativize(p).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(p));
            }
        }
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
