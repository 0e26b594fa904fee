package nianbao.rules;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Executable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.drools.base.rule.TypeDeclaration;
import org.drools.compiler.builder.impl.KnowledgeBuilderConfigurationImpl;
import org.drools.compiler.compiler.Dialect;
import org.drools.compiler.compiler.PackageRegistry;
import org.drools.base.definitions.InternalKnowledgePackage;
import org.drools.mvel.java.JavaDialect;
import org.drools.mvel.java.JavaForMvelDialectConfiguration;
import org.drools.util.PortablePath;
import org.drools.compiler.builder.impl.KnowledgeBuilderImpl;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderConfiguration;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.memorycompiler.CompilationProblem;
import org.kie.memorycompiler.CompilationResult;
import org.kie.memorycompiler.JavaCompiler;
import org.kie.memorycompiler.JavaCompilerFactory;
import org.kie.memorycompiler.JavaCompilerSettings;
import org.kie.memorycompiler.JavaConfiguration;
import org.kie.memorycompiler.resources.MemoryResourceReader;
import org.kie.memorycompiler.resources.MemoryResourceStore;
import org.kie.memorycompiler.resources.ResourceReader;
import org.kie.memorycompiler.resources.ResourceStore;

/**
 * The Java classes the classic (DRL) build compiles, cached by their source. The classic build turns every rule
 * into a generated Java class that the Eclipse compiler compiles in a cold JVM, about a third of a run right after
 * an edit; an edit changes one rule's class or a few, so every other class is taken from this cache: from the
 * folder given (classes of earlier edits) or from the application jar (every class of the shipped rules, compiled
 * at build time). The compiler itself is started on a second thread meanwhile ({@link #warmUpCompiler}), for the
 * classes that are not cached.
 *
 * <p>An entry is keyed by the SHA-256 of the generated source and of everything else its byte code depends on:
 * the app, Drools and Java versions, the classes the rules are bound to ({@link RuleApi}), the functions of the
 * package (their sources) and the declared types of every package (fields, methods, super types). Two builds that
 * give a class the same key compile it to the same code (the order of its import lines aside), so a cached class is
 * never stale.
 *
 * <p>Drools offers no hook for its compiler: the Java dialect's configuration is replaced by one whose dialects get
 * a caching compiler in their private {@code compiler} field. Should a Drools upgrade move that field, nothing is
 * cached and the build compiles as before ({@code RuleClassCacheTest} fails, so the upgrade notices).
 */
final class RuleClassCache {
    /** Entries compiled at build time from the shipped rules, in the application jar. */
    static final String BUNDLED = BundledRules.DIR + "java/";
    /** The folder of the cache folder that holds the entries compiled at run time. */
    static final String CACHED = "java";

    private static final Field COMPILER = compilerField();

    private final Path dir;
    private final ClassLoader bundled;
    private final String prefix;
    private Supplier<Map<String, PackageRegistry>> packages = Map::of;
    private int hits, compiled;

    /** Reads and writes {@code dir} (may be null), and reads the entries in the application jar. */
    static RuleClassCache of(Path dir) {
        return new RuleClassCache(dir, RuleClassCache.class.getClassLoader());
    }

    /**
     * @param dir     folder read and written (null: none)
     * @param bundled class loader whose {@link #BUNDLED} entries are read as well (null: none)
     */
    RuleClassCache(Path dir, ClassLoader bundled) {
        this.dir = dir;
        this.bundled = bundled;
        this.prefix = "nianbao-java-classes|" + RuleSet.APP_VERSION + "|" + RuleSet.DROOLS_VERSION + "|" + RuleApi.digest()
                + "|" + Runtime.version().feature() + "|";
    }

    /** A knowledge builder whose packages compile their Java through this cache; starts the compiler's warm-up. */
    KnowledgeBuilder newBuilder(ClassLoader loader) {
        KnowledgeBuilderConfiguration conf = KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(null, loader);
        if (COMPILER == null) return KnowledgeBuilderFactory.newKnowledgeBuilder(conf);
        KnowledgeBuilderConfigurationImpl impl = conf.as(KnowledgeBuilderConfigurationImpl.KEY);
        CachingDialectConfiguration java = new CachingDialectConfiguration(impl);
        java.init(impl);
        impl.setDialectConfiguration("java", java);
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(conf);
        packages = ((KnowledgeBuilderImpl) builder)::getPackageRegistry;
        warmUpCompiler(loader);
        return builder;
    }

    /** A class like those Drools generates for a rule: compiling it runs the compiler in on the types rule classes use. */
    private static final String WARM_UP = """
            package nianbao.warmup;
            import nianbao.model.*;
            import java.util.List;
            import org.drools.core.rule.consequence.KnowledgeHelper;
            public class WarmUp {
                public static void defaultConsequence(org.drools.base.rule.consequence.ConsequenceContext consequenceCtx) throws java.lang.Exception {
                    org.kie.api.runtime.rule.RuleContext kcontext = (org.kie.api.runtime.rule.RuleContext) consequenceCtx;
                    KnowledgeHelper drools = (KnowledgeHelper) consequenceCtx;
                    Report report = (Report) drools.getRule().getMetaData().get("report");
                    List<String> names = new java.util.ArrayList<>();
                    names.add("规则" + report + drools.getRule().getName());
                }
            }
            """;

    /**
     * Compiles {@link #WARM_UP} on a second thread while Drools parses and builds the rules: a cold compiler spends
     * most of the half second it takes for an edited rule's class loading and starting itself (edit with a new
     * rule: 2.78 s against 3.02 s, medians of 5 interleaved; no slower when every class is cached).
     */
    private static void warmUpCompiler(ClassLoader loader) {
        if (COMPILER == null) return;
        Thread t = new Thread(() -> {
            try {
                JavaCompiler ecj = JavaCompilerFactory.loadCompiler(JavaConfiguration.CompilerType.ECLIPSE, "17");
                MemoryResourceReader src = new MemoryResourceReader();
                src.add("nianbao/warmup/WarmUp.java", WARM_UP.getBytes(StandardCharsets.UTF_8));
                ecj.compile(new String[] {"nianbao/warmup/WarmUp.java"}, src, new MemoryResourceStore(), loader);
            } catch (RuntimeException | LinkageError e) {
                // only a warm-up: the build compiles (and reports) on its own
            }
        }, "compiler-warm-up");
        t.setDaemon(true);
        t.start();
    }

    /** Classes taken from the cache, and compiled, by this cache's builds so far. */
    int hits() { return hits; }

    int compiled() { return compiled; }

    private static Field compilerField() {
        try {
            Field f = JavaDialect.class.getDeclaredField("compiler");
            if (f.getType() != JavaCompiler.class) return null;
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private final class CachingDialectConfiguration extends JavaForMvelDialectConfiguration {
        CachingDialectConfiguration(KnowledgeBuilderConfigurationImpl conf) {
            super(conf);
        }

        @Override
        public Dialect newDialect(ClassLoader rootClassLoader, KnowledgeBuilderConfigurationImpl pkgConf, PackageRegistry pkgRegistry,
                                  InternalKnowledgePackage pkg) {
            Dialect dialect = super.newDialect(rootClassLoader, pkgConf, pkgRegistry, pkg);
            try {
                COMPILER.set(dialect, new CachingCompiler((JavaCompiler) COMPILER.get(dialect), pkg));
            } catch (IllegalAccessException | RuntimeException e) {
                // keep Drools' own compiler
            }
            return dialect;
        }
    }

    /** Compiles only the sources whose classes the cache does not hold; what it compiles joins the cache. */
    private final class CachingCompiler implements JavaCompiler {
        private final JavaCompiler compiler;
        private final InternalKnowledgePackage pkg;

        CachingCompiler(JavaCompiler compiler, InternalKnowledgePackage pkg) {
            this.compiler = compiler;
            this.pkg = pkg;
        }

        @Override
        public CompilationResult compile(String[] sources, ResourceReader reader, ResourceStore store, ClassLoader loader) {
            String context = context(sources, reader);
            List<String> missing = new ArrayList<>();
            Map<String, String> keys = new LinkedHashMap<>();
            for (String source : sources) {
                String key = key(context, source, reader.getBytes(source));
                keys.put(source, key);
                Map<String, byte[]> classes = read(key);
                if (classes == null) {
                    missing.add(source);
                } else {
                    classes.forEach(store::write);
                    hits++;
                }
            }
            if (missing.isEmpty()) return new CompilationResult(new CompilationProblem[0]);
            Map<String, byte[]> written = new LinkedHashMap<>();
            ResourceStore recording = new ResourceStore() {
                @Override public void write(PortablePath path, byte[] data) { store.write(path, data); written.put(path.asString(), data); }
                @Override public void write(PortablePath path, byte[] data, boolean createFolder) { store.write(path, data, createFolder); written.put(path.asString(), data); }
                @Override public byte[] read(PortablePath path) { return store.read(path); }
                @Override public void remove(PortablePath path) { store.remove(path); }
            };
            CompilationResult result = compiler.compile(missing.toArray(String[]::new), reader, recording, loader);
            compiled += missing.size();
            if (result.getErrors().length == 0 && dir != null) {
                Map<String, Map<String, byte[]>> bySource = new LinkedHashMap<>();
                for (Map.Entry<String, byte[]> e : written.entrySet()) {
                    String source = sourceOf(e.getKey(), reader);
                    if (source != null && keys.containsKey(source)) bySource.computeIfAbsent(source, s -> new TreeMap<>()).put(e.getKey(), e.getValue());
                }
                bySource.forEach((source, classes) -> write(keys.get(source), classes));
            }
            return result;
        }

        /**
         * What the classes of {@code sources} depend on besides their own text: the other sources of the package
         * (its functions, compiled before its rules), those of the sources that are functions (they call one
         * another) and the declared types of every package. (A function of another package cannot be imported
         * into rules built with it, so other packages' functions need no place here.)
         */
        private String context(String[] sources, ResourceReader reader) {
            MessageDigest md = sha256();
            Set<String> compiling = new HashSet<>(Arrays.asList(sources));
            Set<String> functions = new HashSet<>();
            pkg.getFunctions().keySet().forEach(f -> functions.add(sourceName(pkg.getName(), f)));
            TreeMap<String, byte[]> shared = new TreeMap<>();
            for (PortablePath p : reader.getFilePaths()) {
                String name = p.asString();
                if (!compiling.contains(name) || functions.contains(name)) shared.put(name, canonical(reader.getBytes(name)));
            }
            shared.forEach((name, bytes) -> update(md, name, bytes));
            for (Map.Entry<String, PackageRegistry> e : new TreeMap<>(packages.get()).entrySet()) {
                Map<String, TypeDeclaration> types = new TreeMap<>(e.getValue().getPackage().getTypeDeclarations());
                for (Map.Entry<String, TypeDeclaration> t : types.entrySet()) {
                    update(md, e.getKey() + "." + t.getKey(), surface(t.getValue().getTypeClass()).getBytes(StandardCharsets.UTF_8));
                }
            }
            return HexFormat.of().formatHex(md.digest());
        }

        @Override
        public CompilationResult compile(String[] sources, ResourceReader reader, ResourceStore store) {
            return compile(sources, reader, store, Thread.currentThread().getContextClassLoader());
        }

        @Override
        public CompilationResult compile(String[] sources, ResourceReader reader, ResourceStore store, ClassLoader loader, JavaCompilerSettings settings) {
            // not called by the Java dialect; no cache for a call with settings of its own
            return compiler.compile(sources, reader, store, loader, settings);
        }

        @Override
        public JavaCompilerSettings createDefaultSettings() { return compiler.createDefaultSettings(); }

        @Override
        public void setJavaCompilerSettings(JavaCompilerSettings settings) { compiler.setJavaCompilerSettings(settings); }

        @Override
        public void setSourceFolder(String sourceFolder) { compiler.setSourceFolder(sourceFolder); }
    }

    /** The source file Drools generates for function {@code name} of package {@code pkg}. */
    private static String sourceName(String pkg, String function) {
        return pkg.replace('.', '/') + "/" + Character.toUpperCase(function.charAt(0)) + function.substring(1) + ".java";
    }

    /** The source a class file was compiled from: a/B$1.class and a/B.class from a/B.java (class names may hold '$'). */
    private static String sourceOf(String classFile, ResourceReader reader) {
        String base = classFile.substring(0, classFile.length() - ".class".length());
        while (true) {
            String source = base + ".java";
            if (reader.isAvailable(source)) return source;
            int dollar = base.lastIndexOf('$');
            if (dollar <= base.lastIndexOf('/')) return null;
            base = base.substring(0, dollar);
        }
    }

    /** What code compiled against a class links to: its super types and the signatures of its members. */
    private static String surface(Class<?> c) {
        if (c == null) return "";
        StringBuilder sb = new StringBuilder(c.getName()).append(" extends ").append(c.getGenericSuperclass());
        for (var i : c.getGenericInterfaces()) sb.append(" implements ").append(i.getTypeName());
        TreeSet<String> members = new TreeSet<>();
        Stream.of(c.getDeclaredFields(), c.getDeclaredMethods(), c.getDeclaredConstructors())
                .flatMap(Arrays::stream)
                .forEach(m -> members.add(m instanceof Field f ? f.toGenericString() : ((Executable) m).toGenericString()));
        members.forEach(m -> sb.append('\n').append(m));
        return sb.toString();
    }

    private String key(String context, String source, byte[] text) {
        MessageDigest md = sha256();
        md.update(prefix.getBytes(StandardCharsets.UTF_8));
        md.update(context.getBytes(StandardCharsets.UTF_8));
        update(md, source, canonical(text));
        return HexFormat.of().formatHex(md.digest());
    }

    /**
     * A generated source with its imports sorted. Drools writes the package's imports in the order of a hash set keyed
     * partly by where each import stands in its file, so a line added above them reorders the imports of every class
     * (one per line in a function's class, all on one line in a rule's). Their order changes nothing a class compiles
     * to; each import line is kept as a mark, so sources whose lines differ in number stay apart (line numbers).
     */
    static byte[] canonical(byte[] source) {
        if (source == null) return null;
        List<String> imports = new ArrayList<>();
        StringBuilder rest = new StringBuilder();
        boolean header = true; // up to the class declaration: a text block in a rule's code may hold a line "import …"
        for (String line : new String(source, StandardCharsets.UTF_8).split("\n", -1)) {
            if (line.startsWith("public ")) header = false;
            if (header && line.startsWith("import ")) {
                for (String statement : line.split(";")) {
                    if (!statement.isBlank()) imports.add(statement.strip());
                }
                rest.append("\u0000import\n");
            } else {
                rest.append(line).append('\n');
            }
        }
        imports.sort(null);
        return (String.join(";\n", imports) + "\n\u0000\n" + rest).getBytes(StandardCharsets.UTF_8);
    }

    private static void update(MessageDigest md, String name, byte[] bytes) {
        md.update(name.getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
        if (bytes != null) md.update(bytes);
        md.update((byte) 0);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- entries: the class files of one source, as (name, length, bytes) records ----------------------

    private Map<String, byte[]> read(String key) {
        if (dir != null) {
            Path f = dir.resolve(key);
            if (Files.isRegularFile(f)) {
                try {
                    return decode(Files.readAllBytes(f));
                } catch (IOException | RuntimeException e) {
                    try {
                        Files.deleteIfExists(f); // a damaged entry is compiled again, never trusted
                    } catch (IOException ignored) {
                        // read-only cache: compile it
                    }
                }
            }
        }
        if (bundled != null) {
            try (InputStream in = bundled.getResourceAsStream(BUNDLED + key)) {
                if (in != null) return decode(in.readAllBytes());
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }
        return null;
    }

    private void write(String key, Map<String, byte[]> classes) {
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, key, ".tmp");
            try {
                Files.write(tmp, encode(classes));
                Files.move(tmp, dir.resolve(key), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | RuntimeException e) {
            // a cache that cannot be written only costs the next run a compilation
        }
    }

    static byte[] encode(Map<String, byte[]> classes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(classes.size());
            for (Map.Entry<String, byte[]> e : classes.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeInt(e.getValue().length);
                out.write(e.getValue());
            }
        }
        return bytes.toByteArray();
    }

    static Map<String, byte[]> decode(byte[] data) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            int n = in.readInt();
            if (n <= 0 || n > 10_000) throw new IOException("not a class-cache entry");
            Map<String, byte[]> out = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                String name = in.readUTF();
                int len = in.readInt();
                if (len < 0 || len > data.length || !name.endsWith(".class")) throw new IOException("not a class-cache entry");
                out.put(name, in.readNBytes(len));
            }
            if (in.read() != -1) throw new IOException("not a class-cache entry");
            return out;
        }
    }
}
