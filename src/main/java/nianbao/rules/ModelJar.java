package nianbao.rules;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.KieServices;

/**
 * Loads an executable-model kjar (a compiled rule base) straight into a KieBase: its classes through
 * a plain class loader over the jar file, its rule packages from the {@code Model} classes the jar lists.
 *
 * <p>Drools' own kjar loading ({@code KieRepository.addKieModule}) parses {@code kmodule.xml} with
 * XStream, whose hundreds of Java-5 classes cost about half a second in a fresh JVM and cannot be
 * kept in a class-data archive. The kjars written here use the default kbase settings, which is
 * what {@link KieBaseBuilder} applies, so the rule base is the same.
 */
final class ModelJar {
    private ModelJar() {}

    /** Builds the KieBase of a kjar file; throws when the file is not a complete executable-model kjar. */
    static KieBase load(Path jar) throws IOException {
        List<String> modelClasses = modelClasses(jar);
        if (modelClasses.isEmpty()) throw new IOException("no executable model in " + jar);
        // Kept open for the life of the KieBase: rules load their lambda classes lazily. The parent does not
        // see the rule classes compiled at build time, which may have the same names (declared types).
        URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, BundledRules.isolating());
        List<Model> models = new ArrayList<>();
        try {
            for (String name : modelClasses) {
                models.add((Model) Class.forName(name, true, loader).getDeclaredConstructor().newInstance());
            }
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IOException("cannot load the rule model " + jar + ": " + e, e);
        }
        return KieBaseBuilder.createKieBaseFromModel(models, KieServices.get().newKieBaseConfiguration(null, loader));
    }

    /** The model classes named by the kjar's META-INF/kie/&lt;group&gt;/&lt;artifact&gt;/drools-model. */
    static List<String> modelClasses(Path jar) throws IOException {
        List<String> out = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar.toFile(), StandardCharsets.UTF_8)) {
            var entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (!e.getName().startsWith("META-INF/kie/") || !e.getName().endsWith("/drools-model")) continue;
                try (BufferedReader r = new BufferedReader(new InputStreamReader(zip.getInputStream(e), StandardCharsets.UTF_8))) {
                    r.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.contains(":")).forEach(out::add);
                }
            }
        }
        return out;
    }
}
