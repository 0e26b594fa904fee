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

    /** A public method of the builder, declared by picocli's package-private superclass. */
    private static Object call(Object target, String name, Class<?> type, Object arg) throws ReflectiveOperationException {
        var m = type == null ? target.getClass().getMethod(name) : target.getClass().getMethod(name, type);
        m.setAccessible(true);
        return type == null ? m.invoke(target) : m.invoke(target, arg);
    }
}
