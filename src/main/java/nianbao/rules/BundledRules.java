package nianbao.rules;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
    /** The model classes, one name per line. */
    static final String MODELS = DIR + "models";
    /** Every generated class, one name per line: what {@link #isolating()} hides. */
    static final String CLASSES = DIR + "classes";

    private static volatile ClassLoader isolating;

    private BundledRules() {}

    /**
     * The KieBase of the bundled rule base when it was compiled from rules with this fingerprint, else null;
     * also null when anything about it is missing or does not load (the caller compiles instead).
     */
    static KieBase load(ClassLoader cl, String fingerprint) {
        try {
            List<String> fp = lines(cl, FINGERPRINT);
            if (fp == null || fp.size() != 1 || !fp.get(0).equals(fingerprint)) return null;
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

    /** Delegates to its parent except for the hidden classes, which it neither loads nor shows as resources. */
    static final class Hiding extends ClassLoader {
        static {
            registerAsParallelCapable();
        }

        private final Set<String> hidden;

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
            if (hides(name)) throw new ClassNotFoundException(name);
            return super.loadClass(name, resolve);
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
