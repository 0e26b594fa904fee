package nianbao.rules;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.security.CodeSource;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.KieServices;

/**
 * The rule base compiled at build time from the shipped {@code rules/} (see {@link Precompile}): its
 * executable-model classes are part of the application jar, so the application class loader loads them
 * and the launcher's class-data archive holds them, parsed and verified, like every other class of a run.
 *
 * <p>The generated classes keep the names Drools gives them (the rule packages' names, declared types
 * by their DRL names), so a rule base compiled at run time from edited rules would meet the build's
 * classes of the same names through the parent class loader. Every run-time build therefore goes
 * through {@link #isolating()}, a loader that does not see the bundled classes.
 */
final class BundledRules {
    static final String DIR = "nianbao/precompiled/";
    /** The fingerprint ({@link RuleSet#fingerprint()}) of the rules the bundled classes were compiled from. */
    static final String FINGERPRINT = DIR + "kbase.sha256";
    /**
     * The digest of the rule files alone (names and bytes) that the bundled classes were compiled from: it decides
     * whether they apply without reading the classes the rules are bound to, which are the jar's own.
     */
    static final String RULES_DIGEST = DIR + "rules.sha256";
    /** {@link RuleApi#digest()} of the classes built with the bundled rules, for runs from that jar. */
    static final String API_DIGEST = DIR + "api.sha256";
    /** The model classes, one name per line. */
    static final String MODELS = DIR + "models";
    /** Every generated class, one name per line: what {@link #isolating()} hides. */
    static final String CLASSES = DIR + "classes";

    private static volatile ClassLoader isolating;

    private BundledRules() {}

    /** The bundled rule base and its fingerprint ({@link RuleSet#fingerprint()}). */
    record Bundle(KieBase kieBase, String fingerprint) {}

    /**
     * The bundled rule base when it was compiled from rule files with this digest ({@link RuleSet.Sources#filesDigest()}),
     * else null; also null when anything about it is missing or does not load (the caller compiles instead).
     *
     * <p>The fingerprint also covers the classes the rules are bound to ({@link RuleApi}), which takes reading them.
     * When the bundled classes are in the same jar as {@code nianbao.model}, that jar was made by one build that
     * compiled the rules against those very classes (pom.xml, phase prepare-package), so the fingerprint recorded at
     * build time is the one {@code fingerprint} would compute and is not computed. Anywhere else (a classes folder,
     * which a compile can update without the build step) the fingerprint is computed and must match.
     */
    static Bundle find(ClassLoader cl, String rulesDigest, Supplier<String> fingerprint) {
        try {
            List<String> fp = lines(cl, FINGERPRINT);
            if (fp == null || fp.size() != 1) return null;
            List<String> digest = lines(cl, RULES_DIGEST);
            if (digest == null || digest.size() != 1 || !digest.get(0).equals(rulesDigest)) return null;
            if (!sameJar(cl.getResource(FINGERPRINT), Class.forName("nianbao.model.Report", false, cl))
                    && !fp.get(0).equals(fingerprint.get())) return null;
            KieBase kb = build(cl);
            return kb == null ? null : new Bundle(kb, fp.get(0));
        } catch (IOException | ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        }
    }

    /** Whether a resource lies in the jar file that a class was loaded from. */
    static boolean sameJar(URL resource, Class<?> type) {
        if (resource == null || !"jar".equals(resource.getProtocol())) return false;
        CodeSource cs = type.getProtectionDomain().getCodeSource();
        URL where = cs == null ? null : cs.getLocation();
        if (where == null || !"file".equals(where.getProtocol()) || where.getPath().endsWith("/")) return false;
        String path = resource.getPath(); // file:/…/nianbao.jar!/nianbao/precompiled/…
        int bang = path.indexOf("!/");
        return bang > 0 && path.substring(0, bang).equals(where.toString());
    }

    /**
     * The KieBase of the bundled rule base when it was compiled from rules with this fingerprint, else null;
     * also null when anything about it is missing or does not load (the caller compiles instead).
     */
    static KieBase load(ClassLoader cl, String fingerprint) {
        try {
            List<String> fp = lines(cl, FINGERPRINT);
            if (fp == null || fp.size() != 1 || !fp.get(0).equals(fingerprint)) return null;
            return build(cl);
        } catch (IOException | RuntimeException | LinkageError e) {
            return null;
        }
    }

    private static KieBase build(ClassLoader cl) {
        try {
            List<String> names = lines(cl, MODELS);
            if (names == null || names.isEmpty()) return null;
            List<Model> models = new ArrayList<>();
            for (String name : names) models.add((Model) Class.forName(name, true, cl).getDeclaredConstructor().newInstance());
            return KieBaseBuilder.createKieBaseFromModel(models, KieServices.get().newKieBaseConfiguration(null, cl));
        } catch (IOException | ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        }
    }

    /** A class loader over the application's that does not see the bundled rule classes (the application's own when there are none). */
    static ClassLoader isolating() {
        ClassLoader cl = isolating;
        if (cl == null) isolating = cl = isolating(BundledRules.class.getClassLoader());
        return cl;
    }

    static ClassLoader isolating(ClassLoader parent) {
        List<String> names;
        try {
            names = lines(parent, CLASSES);
        } catch (IOException e) {
            names = null;
        }
        if (names == null || names.isEmpty()) return parent;
        return new Hiding(parent, new HashSet<>(names));
    }

    /** The non-blank lines of a resource, or null when it does not exist. */
    static List<String> lines(ClassLoader cl, String resource) throws IOException {
        try (InputStream in = cl.getResourceAsStream(resource)) {
            if (in == null) return null;
            List<String> out = new ArrayList<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                r.lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(out::add);
            }
            return out;
        }
    }

    /**
     * Delegates to its parent except for the hidden classes, which it neither loads nor shows as resources.
     *
     * <p>A classic build looks up every type name of the rules under each import ({@code nianbao.model.NormLine},
     * {@code java.lang.NormLine}, ...), most of them in vain, several times each; a miss of the parent's used to cost
     * two exceptions with deep stack traces and a search of the jar (about a tenth of a build right after an edit).
     * The class path does not change while the JVM runs, so a name the parent lacks is remembered, and the exception
     * thrown for it carries no stack trace.
     */
    static final class Hiding extends ClassLoader {
        static {
            registerAsParallelCapable();
        }

        private final Set<String> hidden;
        private final Set<String> missing = ConcurrentHashMap.newKeySet();

        Hiding(ClassLoader parent, Set<String> hiddenClassNames) {
            super("nianbao-rules", parent);
            this.hidden = hiddenClassNames;
        }

        private boolean hides(String name) {
            return hidden.contains(name);
        }

        private boolean hidesResource(String path) {
            return path != null && path.endsWith(".class") && hides(path.substring(0, path.length() - 6).replace('/', '.'));
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (hides(name) || missing.contains(name)) throw new NotFound(name);
            try {
                return getParent().loadClass(name); // this loader defines no class of its own
            } catch (ClassNotFoundException e) {
                missing.add(name);
                throw new NotFound(name);
            }
        }

        /** Class lookups that fail are part of type resolution, not errors: no stack trace to fill. */
        private static final class NotFound extends ClassNotFoundException {
            NotFound(String name) {
                super(name);
            }

            @Override
            public synchronized Throwable fillInStackTrace() {
                return this;
            }
        }

        @Override
        public URL getResource(String name) {
            return hidesResource(name) ? null : super.getResource(name);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            return hidesResource(name) ? Collections.emptyEnumeration() : super.getResources(name);
        }

        @Override
        public InputStream getResourceAsStream(String name) {
            return hidesResource(name) ? null : super.getResourceAsStream(name);
        }
    }
}
