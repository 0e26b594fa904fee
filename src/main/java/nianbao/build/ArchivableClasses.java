package nianbao.build;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * Build step (pom.xml, phase prepare-package): copies the class files of a library that are older than Java 6
 * (class-file version below 50) into the application's classes as Java 8 class files with stack-map frames.
 *
 * <p>Why: the launcher's class-data archive (Java 17, {@code -XX:ArchiveClassesAtExit}) leaves out such old class
 * files, and every class that extends one, so every run loaded and checked them again with the old type-inferring
 * verifier. picocli is compiled for Java 5: its ~230 classes cost about 0.08 s of every {@code ./nianbao} command.
 * ANTLR 3's runtime (Java 5) kept Drools' DRL and DSL parsers out of the archive, and MVEL's copy of ASM (Java 5)
 * its class generator: ~130 classes loaded from the jar by every run that builds edited rules. The bytecode is
 * unchanged; only the version number and the frames the new verifier needs are written (ASM computes them). The
 * shade step then takes the copies instead of the library's (pom.xml filters, by package: a package that holds an
 * old class file is copied whole, its newer class files as they are).
 *
 * <p>Usage: {@code ArchivableClasses CLASSES_DIR CLASS...}: for each named class, the packages of the jar it is
 * loaded from that hold old class files.
 */
public final class ArchivableClasses {
    private static final int JAVA_6 = 50;

    private ArchivableClasses() {}

    public static void main(String[] args) throws IOException, URISyntaxException {
        if (args.length < 2) throw new IllegalArgumentException("usage: ArchivableClasses CLASSES_DIR CLASS...");
        Path out = Path.of(args[0]);
        ClassLoader cl = ArchivableClasses.class.getClassLoader();
        for (int i = 1; i < args.length; i++) {
            Path jar = jarOf(args[i], cl);
            if (rewrite(jar, out, cl) == 0) {
                throw new IllegalStateException(jar + " holds no class file older than Java 6: drop it from the pom");
            }
        }
    }

    /**
     * The jar on the class path that holds the class: not simply where it loads from, since after a first build
     * the rewritten copies in the classes folder come first.
     */
    static Path jarOf(String className, ClassLoader cl) throws IOException, URISyntaxException {
        String resource = className.replace('.', '/') + ".class";
        for (URL url : Collections.list(cl.getResources(resource))) {
            String u = url.toString();
            if (u.startsWith("jar:file:") && u.endsWith("!/" + resource)) {
                return Path.of(new URI(u.substring(4, u.length() - resource.length() - 2)));
            }
        }
        throw new IOException("no jar on the class path holds " + className);
    }

    /**
     * Writes the class files of {@code jar}'s packages that hold old class files under {@code out}, the old ones
     * upgraded; returns how many were upgraded.
     */
    static int rewrite(Path jar, Path out, ClassLoader resolver) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Map<String, byte[]> classes = new TreeMap<>();
            Set<String> oldPackages = new HashSet<>();
            for (ZipEntry e : Collections.list(zip.entries())) {
                String name = e.getName();
                if (e.isDirectory() || !name.endsWith(".class") || name.startsWith("META-INF/")) continue;
                try (InputStream in = zip.getInputStream(e)) {
                    classes.put(name, in.readAllBytes());
                }
                if (version(classes.get(name)) < JAVA_6) oldPackages.add(packageOf(name));
            }
            int n = 0;
            for (Map.Entry<String, byte[]> c : classes.entrySet()) {
                if (!oldPackages.contains(packageOf(c.getKey()))) continue;
                boolean old = version(c.getValue()) < JAVA_6;
                Path target = out.resolve(c.getKey());
                Files.createDirectories(target.getParent());
                Files.write(target, old ? upgraded(c.getValue(), resolver) : c.getValue());
                if (old) n++;
            }
            return n;
        }
    }

    private static String packageOf(String classFile) {
        int slash = classFile.lastIndexOf('/');
        return slash < 0 ? "" : classFile.substring(0, slash);
    }

    static int version(byte[] classFile) {
        return (classFile[6] & 0xff) << 8 | classFile[7] & 0xff;
    }

    /** The same class as a Java 8 class file, frames computed (common superclasses resolved through {@code resolver}). */
    static byte[] upgraded(byte[] classFile, ClassLoader resolver) {
        ClassWriter w = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            @Override
            protected ClassLoader getClassLoader() {
                return resolver;
            }
        };
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9, w) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
                super.visit(Opcodes.V1_8, access, name, signature, superName, interfaces);
            }
        }, ClassReader.SKIP_FRAMES);
        return w.toByteArray();
    }
}
