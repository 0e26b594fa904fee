package nianbao.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ArchivableClassesTest {
    @Test
    void picocliRewrittenAsJava8PassesTheSplitVerifierAndStillParsesACommandLine(@TempDir Path out) throws Exception {
        Path jar = ArchivableClasses.jarOf("picocli.CommandLine", CommandLine.class.getClassLoader());
        // the premise: picocli ships Java 5 class files (else the build step and its pom filter are dead weight)
        assertTrue(Files.isRegularFile(jar), "picocli comes from its jar: " + jar);
        int n = ArchivableClasses.rewrite(jar, out, CommandLine.class.getClassLoader());
        assertTrue(n > 100, "picocli's old class files rewritten: " + n);

        List<Path> files;
        try (Stream<Path> s = Files.walk(out)) {
            files = s.filter(p -> p.toString().endsWith(".class")).toList();
        }
        assertEquals(n, files.size());
        for (Path f : files) assertEquals(52, ArchivableClasses.version(Files.readAllBytes(f)), f.toString());

        // Loaded on their own (the platform loader as parent, so picocli's original jar is out of sight) and
        // initialised, so each one is verified with the stack-map frames that were computed.
        try (URLClassLoader cl = new URLClassLoader(new URL[] {out.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            for (Path f : files) {
                String name = out.relativize(f).toString().replace('\\', '/').replaceAll("\\.class$", "").replace('/', '.');
                Class<?> c = Class.forName(name, true, cl);
                assertEquals(cl, c.getClassLoader(), name);
            }
            // and they still work: picocli parses a command line with the rewritten classes
            Class<?> cmd = Class.forName("picocli.CommandLine", true, cl);
            Class<?> spec = Class.forName("picocli.CommandLine$Model$CommandSpec", true, cl);
            Object s = spec.getMethod("create").invoke(null);
            Class<?> opt = Class.forName("picocli.CommandLine$Model$OptionSpec", true, cl);
            Object b = opt.getMethod("builder", String.class, String[].class).invoke(null, "-o", new String[0]);
            call(b, "arity", String.class, "1");
            spec.getMethod("addOption", opt).invoke(s, call(b, "build", null, null));
            Object line = cmd.getConstructor(Object.class).newInstance(s);
            Object parsed = cmd.getMethod("parseArgs", String[].class).invoke(line, (Object) new String[] {"-o", "目录"});
            Object value = parsed.getClass().getMethod("matchedOptionValue", String.class, Object.class).invoke(parsed, "-o", null);
            assertEquals("目录", value);
        }
    }

    @Test
    void antlrRuntimeRewrittenAsJava8StillReadsACharacterStream(@TempDir Path out) throws Exception {
        Path jar = ArchivableClasses.jarOf("org.antlr.runtime.Parser", getClass().getClassLoader());
        int n = ArchivableClasses.rewrite(jar, out, getClass().getClassLoader());
        assertTrue(n > 100, "ANTLR 3 runtime's old class files rewritten: " + n);
        try (URLClassLoader cl = verifiedAlone(out, n)) {
            Class<?> stream = Class.forName("org.antlr.runtime.ANTLRStringStream", true, cl);
            Object s = stream.getConstructor(String.class).newInstance("规则 x");
            assertEquals((int) '规', stream.getMethod("LA", int.class).invoke(s, 1));
            stream.getMethod("consume").invoke(s);
            assertEquals((int) '则', stream.getMethod("LA", int.class).invoke(s, 1));
            assertEquals("规则", stream.getMethod("substring", int.class, int.class).invoke(s, 0, 1));
        }
    }

    @Test
    void mvelsAsmRewrittenAsJava8WithItsNewerClassFilesCopiedAsTheyAre(@TempDir Path out) throws Exception {
        Path jar = ArchivableClasses.jarOf("org.mvel2.asm.ClassWriter", getClass().getClassLoader());
        int n = ArchivableClasses.rewrite(jar, out, getClass().getClassLoader());
        assertTrue(n > 30, "MVEL's ASM old class files rewritten: " + n);
        List<Path> files = classFiles(out);
        // the package is shipped whole from the copies (pom.xml filter), so its newer class files come along unchanged
        assertTrue(files.size() > n, "newer class files of the same packages copied: " + files.size() + " for " + n);
        for (Path f : files) assertTrue(ArchivableClasses.version(Files.readAllBytes(f)) >= 50, f.toString());
        // only the packages that hold old class files: none of MVEL's own
        for (Path f : files) assertTrue(out.relativize(f).toString().replace('\\', '/').startsWith("org/mvel2/asm/"), f.toString());
        try (URLClassLoader cl = verifiedAlone(out, n)) {
            // and it still writes a class: an empty public class, read back by the JVM
            Class<?> writer = Class.forName("org.mvel2.asm.ClassWriter", true, cl);
            Object w = writer.getConstructor(int.class).newInstance(0);
            writer.getMethod("visit", int.class, int.class, String.class, String.class, String.class, String[].class)
                    .invoke(w, 52, 1, "nianbao/Empty", null, "java/lang/Object", null);
            writer.getMethod("visitEnd").invoke(w);
            byte[] bytes = (byte[]) writer.getMethod("toByteArray").invoke(w);
            Class<?> empty = new ClassLoader(null) {
                Class<?> define() { return defineClass("nianbao.Empty", bytes, 0, bytes.length); }
            }.define();
            assertEquals("nianbao.Empty", empty.getName());
        }
    }

    private static List<Path> classFiles(Path out) throws java.io.IOException {
        try (Stream<Path> s = Files.walk(out)) {
            return s.filter(p -> p.toString().endsWith(".class")).sorted().toList();
        }
    }

    /**
     * The copies loaded on their own (the platform loader as parent, so the library's original jar is out of sight)
     * and initialised, so that each is verified with its computed frames; checks that {@code upgraded} of them are
     * Java 8 class files.
     */
    private static URLClassLoader verifiedAlone(Path out, int upgraded) throws Exception {
        URLClassLoader cl = new URLClassLoader(new URL[] {out.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        int java8 = 0;
        for (Path f : classFiles(out)) {
            if (ArchivableClasses.version(Files.readAllBytes(f)) == 52) java8++;
            String name = out.relativize(f).toString().replace('\\', '/').replaceAll("\\.class$", "").replace('/', '.');
            try {
                Class<?> c = Class.forName(name, true, cl);
                assertEquals(cl, c.getClassLoader(), name);
            } catch (NoClassDefFoundError e) {
                // a class that needs a library the application lacks as well (ANTLR's debugging aids use StringTemplate),
                // which no run can load either: never a verification error
                String missing = e.getMessage().replace('.', '/') + ".class";
                assertTrue(ArchivableClassesTest.class.getClassLoader().getResource(missing) == null, name + ": " + e);
            }
        }
        assertTrue(java8 >= upgraded, java8 + " Java 8 class files for " + upgraded + " rewritten");
        return cl;
    }

    /** A public method of the builder, declared by picocli's package-private superclass. */
    private static Object call(Object target, String name, Class<?> type, Object arg) throws ReflectiveOperationException {
        var m = type == null ? target.getClass().getMethod(name) : target.getClass().getMethod(name, type);
        m.setAccessible(true);
        return type == null ? m.invoke(target) : m.invoke(target, arg);
    }
}
