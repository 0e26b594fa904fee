package nianbao.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import nianbao.model.Report;

/**
 * A digest of the Java classes compiled rules are bound to: every class of {@code nianbao.model} and the helpers the
 * rule files call. A compiled rule base refers to their constructors and methods, so a cached one is only valid for
 * the same bytes; the digest joins the cache key, and a new build of the model never meets a stale rule base.
 */
final class RuleApi {
    /** Classes outside nianbao.model that rule files name (imports, globals, functions). */
    private static final List<String> HELPERS = List.of(
            "nianbao.rules.Findings", "nianbao.batch.ReportFacts", "nianbao.batch.TextOverlap", "nianbao.batch.CrossFindings",
            "nianbao.parse.Debris", "nianbao.parse.Normalizer");
    private static final String MODEL = "nianbao/model/";
    private static volatile String digest;

    private RuleApi() {}

    static String digest() {
        String d = digest;
        if (d == null) digest = d = recordedOrComputed();
        return d;
    }

    /**
     * The digest recorded at build time ({@link BundledRules#API_DIGEST}) when the model classes are those of the jar
     * it was recorded in (reading them all means walking the whole jar); computed otherwise, e.g. from a classes
     * folder that a later compilation may have changed.
     */
    private static String recordedOrComputed() {
        ClassLoader cl = RuleApi.class.getClassLoader();
        try {
            if (BundledRules.sameJar(cl.getResource(BundledRules.API_DIGEST), Report.class)) {
                List<String> recorded = BundledRules.lines(cl, BundledRules.API_DIGEST);
                if (recorded != null && recorded.size() == 1 && recorded.get(0).matches("[0-9a-f]{64}")) return recorded.get(0);
            }
        } catch (IOException | RuntimeException e) {
            // computed below
        }
        return compute();
    }

    static String compute() {
        try {
            TreeMap<String, byte[]> classes = new TreeMap<>(modelClasses());
            ClassLoader cl = RuleApi.class.getClassLoader();
            for (String name : HELPERS) {
                String res = name.replace('.', '/') + ".class";
                try (InputStream in = cl.getResourceAsStream(res)) {
                    if (in != null) classes.put(res, in.readAllBytes());
                }
            }
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            classes.forEach((name, bytes) -> {
                md.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(bytes);
            });
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The class files of nianbao.model, from the jar or the classes folder the app runs from. */
    static TreeMap<String, byte[]> modelClasses() throws IOException {
        TreeMap<String, byte[]> out = new TreeMap<>();
        Path where;
        try {
            where = Path.of(Report.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            return out;
        }
        if (Files.isDirectory(where)) {
            Path dir = where.resolve(MODEL);
            if (!Files.isDirectory(dir)) return out;
            try (Stream<Path> s = Files.list(dir)) {
                for (Path p : s.filter(p -> p.toString().endsWith(".class")).toList()) {
                    out.put(MODEL + p.getFileName(), Files.readAllBytes(p));
                }
            }
        } else {
            try (ZipFile jar = new ZipFile(where.toFile())) {
                for (ZipEntry e : java.util.Collections.list(jar.entries())) {
                    String n = e.getName();
                    if (n.startsWith(MODEL) && n.endsWith(".class") && n.indexOf('/', MODEL.length()) < 0) {
                        try (InputStream in = jar.getInputStream(e)) {
                            out.put(n, in.readAllBytes());
                        }
                    }
                }
            }
        }
        return out;
    }
}
