package nianbao.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nianbao.model.Finding;
import nianbao.model.Report;
import nianbao.model.SourceLine;
import org.drools.base.base.ClassObjectType;
import org.drools.base.base.ObjectType;
import org.drools.base.rule.EntryPointId;
import org.drools.core.impl.InternalRuleBase;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.StatelessKieSession;
import org.kie.internal.builder.CompositeKnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderResult;
import org.kie.internal.builder.ResultSeverity;

/**
 * The compiled rule base of one {@code rules/} folder, read from disk at run time. Compiled once
 * per run and shared by all reports (a KieBase is thread-safe; sessions are per report).
 *
 * <p>Where the rule base comes from, fastest first: the executable model compiled at build time into the
 * application jar, when the folder's fingerprint (the rule files' bytes, the app and Drools versions and the
 * classes the rules are bound to, {@link RuleApi}) is the build's ({@link BundledRules}); the executable-model
 * kjar cached under that fingerprint ({@link ModelJar}); else the executable model is compiled (about three
 * seconds) and cached. When the rules do not compile, the DRL build runs to report every error with its file
 * and line (the executable model reports line -1 or generated Java).
 */
public final class RuleSet {
    static {
        // Drools logs every failed build at ERROR on top of the Results we print as file:line; keep stderr to our lines.
        if (System.getProperty("org.slf4j.simpleLogger.log.org.drools.compiler.kie.builder.impl.KieProject") == null) {
            System.setProperty("org.slf4j.simpleLogger.log.org.drools.compiler.kie.builder.impl.KieProject", "off");
        }
        // The executable model's `matches` compiles its regular expression at every evaluation unless this cache
        // is on (Drools' default: 0, no cache); rules match Cells, Statements and phrases against a few dozen
        // expressions, so compiling was a tenth of rule evaluation. Read once, when Drools' MatchesOperator loads.
        if (System.getProperty("drools.matches.compiled.cache.count") == null) {
            System.setProperty("drools.matches.compiled.cache.count", "2000");
        }
    }

    static final String DROOLS_VERSION = "10.2.0";
    static final String APP_VERSION = "nianbao-0.1.0";

    private final Path dir;
    private final KieBase kieBase;
    private final String fingerprint;
    private final boolean fromCache;

    private final boolean classicBuild;
    /**
     * Sessions for {@link #evaluate}, reused: Drools resets a pooled session between reports but keeps its node
     * memories, which a new session builds again for every report (the rules' time per report 0.90 of a new
     * session's, findings the same). Made on first use; dropped after a failure (see {@link #evaluate}).
     */
    private volatile KieSessionsPool sessions;
    /**
     * Whether some rule matches a {@link SourceLine} fact. None of the shipped rules does (they read the lines
     * through {@code Report.lines}), and inserting the few hundred lines of a report was about a twentieth of the
     * rules' time; a rule a policy officer writes on {@code SourceLine} gets them, since its pattern is in the base.
     */
    private final boolean linesMatched;

    RuleSet(Path dir, KieBase kieBase, String fingerprint, boolean fromCache) {
        this(dir, kieBase, fingerprint, fromCache, false);
    }

    private RuleSet(Path dir, KieBase kieBase, String fingerprint, boolean fromCache, boolean classicBuild) {
        this.dir = dir;
        this.kieBase = kieBase;
        this.fingerprint = fingerprint;
        this.fromCache = fromCache;
        this.classicBuild = classicBuild;
        this.linesMatched = matchedByRules(kieBase, SourceLine.class);
    }

    /** Whether a fact of this type would reach any rule: the base has a pattern (object-type node) on the type or a supertype. */
    static boolean matchedByRules(KieBase kieBase, Class<?> type) {
        for (ObjectType t : ((InternalRuleBase) kieBase).getRete().getObjectTypeNodes(EntryPointId.DEFAULT).keySet()) {
            // an object type that is not a Java class cannot be told apart here: counted as matching, to be safe
            if (!(t instanceof ClassObjectType c) || c.getClassType().isAssignableFrom(type)) return true;
        }
        return false;
    }

    /** Default cache folder: $NIANBAO_CACHE, else ~/.cache/nianbao. */
    public static Path defaultCacheDir() {
        String env = System.getenv("NIANBAO_CACHE");
        if (env != null && !env.isBlank()) return Path.of(env);
        return Path.of(System.getProperty("user.home"), ".cache", "nianbao");
    }

    public static RuleSet load(Path dir) throws RuleCompileException {
        return load(dir, defaultCacheDir());
    }

    /**
     * Loads every rule file under {@code dir}; {@code cacheDir} may be null to disable the cache (and the
     * rule base compiled at build time).
     */
    public static RuleSet load(Path dir, Path cacheDir) throws RuleCompileException {
        Sources src = Sources.read(dir);
        List<Path> files = src.files();
        // -Dnianbao.rules.build=classic: the build a run right after an edit makes, whatever the folder holds, with
        // every rule class compiled and neither classes nor the executable model cached (the launcher trains its
        // class-data archive for such runs with it); =model: never the classic build.
        String build = System.getProperty("nianbao.rules.build", "");
        boolean classicOnly = build.equals("classic");
        if (cacheDir != null && !classicOnly) {
            // The default rules are compiled at build time into the application jar. Whether they apply is decided
            // from the rule files' bytes; the classes they are bound to are those of the jar they came in.
            BundledRules.Bundle bundled = BundledRules.find(RuleSet.class.getClassLoader(), src.filesDigest(), src::fingerprint);
            if (bundled != null) return new RuleSet(dir, bundled.kieBase(), bundled.fingerprint(), true);
        }
        String fp = src.fingerprint();
        Path cached = cacheDir == null ? null : cacheFile(cacheDir, fp);
        if (cached != null && !classicOnly && Files.isRegularFile(cached)) {
            try {
                return new RuleSet(dir, ModelJar.load(cached), fp, true);
            } catch (IOException | RuntimeException | LinkageError e) {
                // A corrupt or foreign cache entry is rebuilt, never trusted.
                deleteQuietly(cached);
            }
        }
        KieServices ks = KieServices.Factory.get();
        ReleaseId releaseId = ks.newReleaseId("nianbao.rules", "rules", "1.0.0-" + fp.substring(0, 16));
        ClassLoader cl = BundledRules.isolating();
        Map<Path, String> tables = src.tables(cacheDir);
        if (classicOnly) return classic(ks, src, tables, fp, releaseId, cl, new RuleClassCache(null, null)); // compiles every class
        RuleClassCache classes = RuleClassCache.of(cacheDir == null ? null : cacheDir.resolve(RuleClassCache.CACHED));
        if (cached != null && !build.equals("model") && statesEverySalience(files)) {
            // Right after an edit: the classic (DRL) build takes about half the time of the executable model and
            // judges alike (BuildEquivalenceTest) when every rule states its salience; the executable model is
            // compiled into the cache by a separate JVM when this one exits, for the runs after this one.
            try {
                RuleSet classic = classic(ks, src, tables, fp, releaseId, cl, classes);
                CacheWriter.writeAtExit(dir, cacheDir);
                return classic;
            } catch (RuleCompileException e) {
                // fall through: the executable model may accept what the classic build refuses, or report the errors
            }
        }
        // The executable model, as at build time.
        KieBuilder exec;
        try {
            exec = ks.newKieBuilder(fileSystem(ks, src, tables, releaseId), cl).buildAll(ExecutableModelProject.class);
        } catch (RuntimeException e) {
            exec = null; // the code generator choked (e.g. a DRL keyword used as a field name); the DRL build says why
        }
        if (exec == null || exec.getResults().hasMessages(Message.Level.ERROR)) {
            // Build again the classic way: its errors carry DRL file:line for every file.
            return classic(ks, src, tables, fp, releaseId, cl, classes);
        }
        KieBase kb = ks.newKieContainer(exec.getKieModule().getReleaseId(), cl).getKieBase();
        if (cached != null) writeCache(cached, ((InternalKieModule) exec.getKieModule()).getBytes());
        return new RuleSet(dir, kb, fp, false);
    }

    /**
     * The classic (DRL) build of the rules under {@code dir}, without any cache: about half the cold time of the
     * executable model. The shipped rules give the same findings both ways ({@code BuildEquivalenceTest}).
     */
    static RuleSet loadClassic(Path dir) throws RuleCompileException {
        return loadClassic(dir, true);
    }

    /** {@link #loadClassic(Path)}; {@code tablesAsDrl} false gives Drools the decision tables' workbooks, as it used to be. */
    static RuleSet loadClassic(Path dir, boolean tablesAsDrl) throws RuleCompileException {
        return loadClassic(dir, tablesAsDrl, RuleClassCache.of(null));
    }

    /** {@link #loadClassic(Path, boolean)} with the Java classes of the rules taken from (and added to) {@code classes}. */
    static RuleSet loadClassic(Path dir, boolean tablesAsDrl, RuleClassCache classes) throws RuleCompileException {
        Sources src = Sources.read(dir);
        String fp = src.fingerprint();
        KieServices ks = KieServices.Factory.get();
        ReleaseId releaseId = ks.newReleaseId("nianbao.rules", "rules", "1.0.0-" + fp.substring(0, 16));
        // Drools keeps the DRL of the workbooks it converted by their path in the build ("weights.drl.xlsx"), which
        // another rules folder in this JVM shares: forget them.
        if (!tablesAsDrl) org.drools.drl.extensions.DecisionTableFactory.clearCompilerCache();
        return classic(ks, src, tablesAsDrl ? src.tables(null) : Map.of(), fp, releaseId, BundledRules.isolating(), classes);
    }

    private static RuleSet classic(KieServices ks, Sources src, Map<Path, String> tables, String fp, ReleaseId releaseId, ClassLoader cl,
                                   RuleClassCache classes) throws RuleCompileException {
        Path dir = src.dir();
        // The rule packages are built straight into a KieBase: a kjar (KieBuilder, KieContainer) would add a
        // pom.xml, a kmodule.xml written and read back with XStream and a repository, none of which a run needs.
        KnowledgeBuilder kb = classes.newBuilder(cl);
        try {
            CompositeKnowledgeBuilder batch = kb.batch();
            for (int i = 0; i < src.files().size(); i++) {
                Path p = src.files().get(i);
                String path = "src/main/resources/" + rel(dir, p); // as in the kjar: messages name the same paths
                String table = tables.get(p);
                if (table != null) {
                    batch.add(resource(table.getBytes(StandardCharsets.UTF_8), path + TABLE_DRL), ResourceType.DRL);
                } else if (DecisionTables.isTable(p)) {
                    batch.add(resource(src.bytes().get(i), path), ResourceType.DTABLE, DecisionTables.configuration(p.getFileName().toString()));
                } else {
                    batch.add(resource(src.bytes().get(i), path), resourceType(p.getFileName().toString()));
                }
            }
            batch.build();
        } catch (RuntimeException e) {
            throw internalError(dir, e);
        }
        List<Message> messages = new ArrayList<>();
        long id = 0;
        for (KnowledgeBuilderResult r : kb.getResults(ResultSeverity.ERROR)) messages.add(r.asMessage(++id));
        List<RuleError> errors = errors(messages, src, tables);
        if (!errors.isEmpty()) throw new RuleCompileException(errors);
        return new RuleSet(dir, kb.newKieBase(), fp, false, true);
    }

    private static org.kie.api.io.Resource resource(byte[] bytes, String path) {
        org.kie.api.io.Resource r = KieServices.get().getResources().newByteArrayResource(bytes, "UTF-8");
        r.setSourcePath(path);
        return r;
    }

    private static RuleCompileException internalError(Path dir, RuntimeException e) {
        return new RuleCompileException(List.of(new RuleError(dir.toString(), 0,
                "规则无法编译（Drools内部错误） / rules cannot be compiled (Drools internal error): "
                        + e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""))));
    }

    /**
     * Compiles the executable model of the rules under {@code dir}; throws with the errors when it does not compile.
     * The decision tables' DRL is looked up in (and added to) {@code cacheDir}, which may be null.
     */
    static byte[] compileModel(Path dir, Path cacheDir) throws RuleCompileException {
        Sources src = Sources.read(dir);
        String fp = src.fingerprint();
        Map<Path, String> tables = src.tables(cacheDir);
        KieServices ks = KieServices.Factory.get();
        ReleaseId releaseId = ks.newReleaseId("nianbao.rules", "rules", "1.0.0-" + fp.substring(0, 16));
        KieBuilder exec = ks.newKieBuilder(fileSystem(ks, src, tables, releaseId), BundledRules.isolating()).buildAll(ExecutableModelProject.class);
        if (exec.getResults().hasMessages(Message.Level.ERROR)) {
            throw new RuleCompileException(errors(exec.getResults().getMessages(Message.Level.ERROR), src, tables));
        }
        return ((InternalKieModule) exec.getKieModule()).getBytes();
    }

    /**
     * Compiles the rules under {@code dir} to executable-model classes in {@code classesDir} (the build runs
     * this for the default rules, see pom.xml and {@link BundledRules}): the class files under their
     * package folders, and beside them the list of model classes, of every generated class and the fingerprint.
     * Class files listed by an earlier run are deleted first.
     */
    static void precompile(Path dir, Path classesDir) throws RuleCompileException, IOException {
        Path meta = classesDir.resolve(BundledRules.DIR);
        Path oldList = classesDir.resolve(BundledRules.CLASSES);
        if (Files.isRegularFile(oldList)) {
            for (String name : Files.readAllLines(oldList, StandardCharsets.UTF_8)) {
                if (!name.isBlank()) Files.deleteIfExists(classesDir.resolve(name.strip().replace('.', '/') + ".class"));
            }
        }
        Files.deleteIfExists(classesDir.resolve(BundledRules.FINGERPRINT));
        Files.deleteIfExists(classesDir.resolve(BundledRules.RULES_DIGEST));
        Files.deleteIfExists(classesDir.resolve(BundledRules.API_DIGEST));
        Files.deleteIfExists(classesDir.resolve(BundledRules.MODELS));
        Files.deleteIfExists(oldList);
        Files.deleteIfExists(meta.resolve("kbase.jar")); // the layout before the classes joined the application jar
        // The decision tables' DRL, for run-time builds of the shipped tables (DecisionTables)
        Path dtables = classesDir.resolve(DecisionTables.BUNDLED);
        if (Files.isDirectory(dtables)) {
            try (Stream<Path> old = Files.list(dtables)) {
                for (Path p : old.toList()) Files.deleteIfExists(p);
            }
        }
        Sources shipped = Sources.read(dir);
        for (int i = 0; i < shipped.files().size(); i++) {
            Path p = shipped.files().get(i);
            if (!DecisionTables.isTable(p)) continue;
            String name = p.getFileName().toString();
            byte[] bytes = shipped.bytes().get(i);
            Files.createDirectories(dtables);
            Files.writeString(dtables.resolve(DecisionTables.key(name, bytes)), DecisionTables.convert(name, bytes), StandardCharsets.UTF_8);
        }
        // The Java classes of the classic build, for run-time builds right after an edit (RuleClassCache)
        Path java = classesDir.resolve(RuleClassCache.BUNDLED);
        if (Files.isDirectory(java)) {
            try (Stream<Path> old = Files.list(java)) {
                for (Path p : old.toList()) Files.deleteIfExists(p);
            }
        }
        loadClassic(dir, true, new RuleClassCache(java, null));
        byte[] kjar = compileModel(dir, null);
        List<String> classes = new ArrayList<>();
        List<String> models = new ArrayList<>();
        try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(kjar))) {
            for (java.util.zip.ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                String n = e.getName();
                if (n.startsWith("META-INF/kie/") && n.endsWith("/drools-model")) {
                    new String(zip.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                            .filter(l -> !l.isEmpty() && !l.contains(":")).forEach(models::add);
                } else if (n.endsWith(".class") && !n.startsWith("org/drools/project/")) {
                    // (the kjar's ProjectModel class serves Drools' kjar loading, which the bundled rules do not use)
                    Path out = classesDir.resolve(n);
                    Files.createDirectories(out.getParent());
                    Files.write(out, zip.readAllBytes());
                    classes.add(n.substring(0, n.length() - 6).replace('/', '.'));
                }
            }
        }
        if (models.isEmpty()) throw new IOException("no executable model was compiled from " + dir);
        Files.createDirectories(meta);
        Files.write(classesDir.resolve(BundledRules.CLASSES), classes, StandardCharsets.UTF_8);
        Files.write(classesDir.resolve(BundledRules.MODELS), models, StandardCharsets.UTF_8);
        Files.writeString(classesDir.resolve(BundledRules.FINGERPRINT), shipped.fingerprint() + "\n", StandardCharsets.UTF_8);
        Files.writeString(classesDir.resolve(BundledRules.RULES_DIGEST), shipped.filesDigest() + "\n", StandardCharsets.UTF_8);
        Files.writeString(classesDir.resolve(BundledRules.API_DIGEST), RuleApi.compute() + "\n", StandardCharsets.UTF_8);
    }

    /**
     * Fact types that Java inserts (here, and in the batch runner's cross-report session), by class
     * name; everything else a rule matches must be inserted by a rule. {@code rules check} uses this
     * to find rules that can never fire, so a new fact type must be listed here.
     */
    public static final java.util.Set<String> JAVA_FACT_TYPES = java.util.Set.of(
            "nianbao.model.Report", "nianbao.model.Section", "nianbao.model.Cell", "nianbao.model.Statement",
            "nianbao.model.SourceLine", "nianbao.model.LegacyRow",
            // the batch runner's cross-report session (package nianbao.batch; named, not imported: data flows one way)
            "nianbao.batch.ReportFacts", "nianbao.batch.TextOverlap");

    /** Judges one report: a stateless session over the report and its parts (from a pool of reset sessions). */
    public List<Finding> evaluate(Report report) {
        KieSessionsPool pool = sessions;
        if (pool == null) sessions = pool = kieBase.newKieSessionsPool(1); // grows to the number of threads judging at once
        StatelessKieSession session = pool.newStatelessKieSession();
        Findings findings = new Findings();
        session.setGlobal("findings", findings);
        try {
            session.execute(facts(report));
        } catch (RuntimeException | Error e) {
            // A rule that failed left its session half-way; the pool took it back reset, but the pool is not trusted
            // again. Dropped, not shut down: shutting down would dispose the sessions other threads are judging with.
            // (The sessions of a stateless pool are not registered with the KieBase: the old pool is simply collected.)
            if (sessions == pool) sessions = null;
            throw e;
        }
        return findings.list();
    }

    /**
     * What a session over one report is given, in this order: the report, its sections, cells, statements, lines
     * (when a rule matches them) and old-style table rows.
     */
    List<Object> facts(Report report) {
        List<SourceLine> lines = linesMatched ? report.lines() : List.of();
        List<Object> facts = new ArrayList<>(1 + report.sections().size() + report.cells().size() + report.statements().size()
                + lines.size() + report.legacyRows().size());
        facts.add(report);
        facts.addAll(report.sections());
        facts.addAll(report.cells());
        facts.addAll(report.statements());
        facts.addAll(lines);
        facts.addAll(report.legacyRows());
        return facts;
    }

    /** Metadata of every rule, sorted by code. */
    public List<RuleInfo> rules() {
        List<RuleInfo> out = new ArrayList<>();
        for (KiePackage p : kieBase.getKiePackages()) {
            for (var r : p.getRules()) out.add(RuleInfo.of(r));
        }
        out.sort(Comparator.comparing((RuleInfo r) -> r.code() == null ? "~" : r.code()).thenComparing(RuleInfo::name));
        return out;
    }

    public Path dir() { return dir; }

    public String fingerprint() { return fingerprint; }

    public boolean fromCache() { return fromCache; }

    /** Built the classic (DRL) way for this run, rather than the executable model (bundled, cached or compiled). */
    public boolean classicBuild() { return classicBuild; }

    public KieBase kieBase() { return kieBase; }

    // ---- loading ------------------------------------------------------------------------------

    static List<Path> ruleFiles(Path dir) throws RuleCompileException {
        if (!Files.isDirectory(dir)) {
            throw new RuleCompileException(List.of(new RuleError(dir.toString(), 0, "规则目录不存在 / rules folder not found")));
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> resourceType(p.getFileName().toString()) != null)
                    .filter(p -> !p.getFileName().toString().startsWith("~$") && !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        } catch (IOException e) {
            throw new RuleCompileException(List.of(new RuleError(dir.toString(), 0, "无法读取规则目录 / cannot read rules folder: " + e.getMessage())));
        }
    }

    /** DRL, DSL, DSLR and decision tables (only *.drl.xlsx / *.drl.xls / *.drl.csv: other spreadsheets beside the rules are not rules). */
    static ResourceType resourceType(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".drl")) return ResourceType.DRL;
        if (n.endsWith(".dslr")) return ResourceType.DSLR;
        if (n.endsWith(".dsl")) return ResourceType.DSL;
        if (n.endsWith(".drl.xlsx") || n.endsWith(".drl.xls") || n.endsWith(".drl.csv")) return ResourceType.DTABLE;
        return null;
    }

    /**
     * The rule files of a folder, read once (names sorted, bytes checked to be UTF-8): what decides whether the
     * rule base compiled at build time applies ({@link #filesDigest()}) and what the cache key is made of
     * ({@link #fingerprint()}).
     */
    record Sources(Path dir, List<Path> files, List<byte[]> bytes) {
        static Sources read(Path dir) throws RuleCompileException {
            List<Path> files = ruleFiles(dir);
            List<byte[]> bytes = new ArrayList<>(files.size());
            List<RuleError> errors = new ArrayList<>();
            for (Path p : files) {
                byte[] b;
                try {
                    b = Files.readAllBytes(p);
                } catch (IOException e) {
                    errors.add(new RuleError(rel(dir, p), 0, "无法读取 / cannot read: " + e.getMessage()));
                    continue;
                }
                bytes.add(b);
                if (!isUtf8(p, b)) {
                    // Drools reads a GBK file as UTF-8 without complaint, and Chinese literals then never match.
                    errors.add(new RuleError(rel(dir, p), 0, "规则文件不是UTF-8编码（可能是GBK），请另存为UTF-8 / rule file is not UTF-8 (GBK?); save it as UTF-8"));
                }
            }
            if (!errors.isEmpty()) throw new RuleCompileException(errors);
            return new Sources(dir, files, bytes);
        }

        private static boolean isUtf8(Path p, byte[] b) {
            String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
            if (n.endsWith(".xlsx") || n.endsWith(".xls")) return true;
            try {
                StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(b));
                return true;
            } catch (java.nio.charset.CharacterCodingException e) {
                return false;
            }
        }

        /**
         * The DRL of each decision table among the files ({@link DecisionTables#drl}), by file; a table that does not
         * convert is left out (the build reads its workbook and reports why).
         */
        Map<Path, String> tables(Path cacheDir) {
            Map<Path, String> out = new HashMap<>();
            ClassLoader cl = RuleSet.class.getClassLoader();
            for (int i = 0; i < files.size(); i++) {
                Path p = files.get(i);
                if (!DecisionTables.isTable(p)) continue;
                String drl = DecisionTables.drl(p.getFileName().toString(), bytes.get(i), cl, cacheDir);
                if (drl != null) out.put(p, drl);
            }
            return out;
        }

        /** SHA-256 of the files' relative names and bytes alone. */
        String filesDigest() {
            return digest("");
        }

        /**
         * {@link RuleSet#fingerprint()}: SHA-256 of the app and Drools versions, the classes the rules are bound to
         * ({@link RuleApi}, which reads them: not free) and the files' names and bytes.
         */
        String fingerprint() {
            return digest(APP_VERSION + "|" + DROOLS_VERSION + "|" + RuleApi.digest() + "|");
        }

        private String digest(String prefix) {
            try {
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                md.update(prefix.getBytes(StandardCharsets.UTF_8));
                for (int i = 0; i < files.size(); i++) {
                    md.update(rel(dir, files.get(i)).getBytes(StandardCharsets.UTF_8));
                    md.update((byte) 0);
                    md.update(bytes.get(i));
                    md.update((byte) 0);
                }
                return HexFormat.of().formatHex(md.digest());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The suffix of the DRL of a decision table in the build's file system ("weights.drl.xlsx" + this). */
    static final String TABLE_DRL = ".generated.drl";

    /**
     * The rule files as the build sees them; a decision table with its DRL in {@code tables} is given as that DRL
     * under its own name plus {@link #TABLE_DRL} (Drools would convert the workbook to this very text).
     */
    private static KieFileSystem fileSystem(KieServices ks, Sources src, Map<Path, String> tables, ReleaseId releaseId) {
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(releaseId);
        for (int i = 0; i < src.files().size(); i++) {
            Path p = src.files().get(i);
            // The src/main/resources/ prefix is required: without it Drools silently builds 0 rules.
            String path = "src/main/resources/" + rel(src.dir(), p);
            String drl = tables.get(p);
            if (drl != null) kfs.write(path + TABLE_DRL, drl.getBytes(StandardCharsets.UTF_8));
            else kfs.write(path, ks.getResources().newByteArrayResource(src.bytes().get(i), "UTF-8")
                    .setResourceType(resourceType(p.getFileName().toString())));
        }
        return kfs;
    }

    /** The rule file a resource path of the build names: "src/main/resources/" and {@link #TABLE_DRL} taken off. */
    static String sourceName(String resourcePath) {
        String n = resourcePath.replaceFirst("^src/main/resources/", "");
        return n.endsWith(TABLE_DRL) ? n.substring(0, n.length() - TABLE_DRL.length()) : n;
    }

    private static List<RuleError> errors(List<Message> messages, Sources src, Map<Path, String> tables) {
        Path dir = src.dir();
        List<Path> files = src.files();
        List<RuleError> out = new ArrayList<>();
        for (Message m : messages) {
            String path = m.getPath() == null ? null : sourceName(m.getPath());
            String text = m.getText() == null ? "" : m.getText().replaceAll("\\s+", " ").strip();
            if (text.equals("Parser returned a null Package")) continue; // a consequence of the error before it
            if (path == null && text.contains("DSL")) path = files.stream().map(p -> rel(dir, p)).filter(r -> r.endsWith(".dsl"))
                    .reduce((a, b) -> a + "," + b).orElse("?");
            if (path == null) path = "?";
            String where = "";
            String lower = path.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".xlsx") || lower.endsWith(".xls")) {
                String drl = tables.get(dir.resolve(path));
                where = drl != null ? DecisionTables.cellOf(drl, m.getLine()) : DecisionTables.cellOf(dir.resolve(path), m.getLine());
            }
            out.add(new RuleError(path, m.getLine(), explain(text) + where));
        }
        // One file that does not parse leaves its package without declared types and functions, and every
        // other file then reports dozens of follow-on errors: show the parse errors alone.
        List<RuleError> parse = out.stream().filter(e -> isParseError(e.message())).toList();
        return parse.isEmpty() ? out : parse;
    }

    static boolean isParseError(String message) {
        return message.matches(".*\\[ERR 1\\d\\d\\].*") || message.contains("Unable to expand") || message.contains("DSL lexer error")
                || message.contains("no viable alternative");
    }

    /** Drools speaks English; policy staff read Chinese. The original text follows for whoever debugs it. */
    static String explain(String text) {
        String zh;
        if (text.contains("Unable to expand")) zh = "这句中文句式在 .dsl 文件中没有定义（句子要与 audit.dsl 中的写法一字不差）";
        else if (text.contains("DSL lexer error")) zh = "句式文件（.dsl）格式错误（等号右边不能有中文标点）";
        else if (text.matches(".*\\[ERR 10\\d\\].*")) zh = "语法错误（检查括号、引号以及 rule/when/then/end 是否配对）";
        else if (text.contains("Unable to resolve ObjectType")) zh = "找不到这种事实类型（类型名写错，或缺少 declare/import）";
        else if (text.contains("Unable to Analyse Expression") || text.contains("unable to resolve")) zh = "条件无法解析（字段名、取值或类型写错？）";
        else if (text.startsWith("Rule Compilation error")) zh = "规则动作（then 部分）无法编译";
        else if (text.contains("Duplicate rule name") || text.contains("already defined")) zh = "规则名称重复";
        else zh = "规则无法编译";
        return zh + " / " + text;
    }

    /**
     * Whether every rule in the DRL and DSLR files states its own salience. The decision tables' {@code PRIORITY}
     * becomes a file-level {@code salience}, which the classic build applies to every rule of the package that
     * states none and the executable model only to the table's own rules: such rules would fire in another order
     * in the two builds, so they are built as the executable model only.
     */
    static boolean statesEverySalience(List<Path> files) {
        for (Path p : files) {
            String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
            if ((n.endsWith(".drl") || n.endsWith(".dslr")) && !withoutSalience(p).isEmpty()) return false;
        }
        return true;
    }

    // compiled once: a run right after an edit checks every line of every rule file (String.matches compiled them per line)
    private static final Pattern COMMENT = Pattern.compile("//.*"),
            RULE_HEAD = Pattern.compile("rule\\s.*"),
            HEAD_WITH_SALIENCE = Pattern.compile("rule\\s.*\\ssalience\\s.*"),
            SALIENCE = Pattern.compile("salience\\s.*"),
            HEAD_WITH_WHEN = Pattern.compile("rule\\s.*\\swhen(\\s.*)?");

    /** The heads ("rule ..." lines) of the rules in a DRL or DSLR file that state no salience; unreadable: the file's name. */
    static List<String> withoutSalience(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of(file.getFileName().toString());
        }
        List<String> out = new ArrayList<>();
        String head = null;
        boolean salience = false;
        for (String line : text.split("\\R")) {
            String l = COMMENT.matcher(line).replaceFirst("").strip();
            if (RULE_HEAD.matcher(l).matches()) {
                if (head != null && !salience) out.add(head);
                head = l;
                salience = HEAD_WITH_SALIENCE.matcher(l).matches();
            } else if (head != null && SALIENCE.matcher(l).matches()) {
                salience = true;
            }
            if (head != null && (l.equals("when") || l.startsWith("when ") || l.equals("then") || HEAD_WITH_WHEN.matcher(l).matches())) {
                if (!salience) out.add(head);
                head = null;
            }
        }
        if (head != null && !salience) out.add(head);
        return out;
    }

    static String fingerprintOf(Path dir) throws RuleCompileException {
        return Sources.read(dir).fingerprint();
    }

    static Path cacheFile(Path cacheDir, String fp) {
        return cacheDir.resolve("kbase-" + fp + ".jar");
    }

    static String rel(Path dir, Path p) {
        return dir.relativize(p).toString().replace('\\', '/');
    }

    static void writeCache(Path target, byte[] bytes) {
        try {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), "kbase-", ".tmp");
            Files.write(tmp, bytes);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | UnsupportedOperationException e) {
            // The cache only saves time; a read-only home must not stop an audit.
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // next run rebuilds it anyway
        }
    }
}
