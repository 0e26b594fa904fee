package nianbao.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code ./nianbao} launcher in a scratch installation: it makes the class-data archive on
 * the first run, uses it, and a truncated archive (on which the JVM would crash) is made again
 * instead of breaking the run; batches, runs on rules edited since the build, and runs on another JDK have archives
 * of their own.
 */
class LauncherTest {
    @TempDir
    Path tmp;

    @Test
    void theClassDataArchiveIsMadeOnceUsedAndRemadeWhenTruncated() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash");
        Path home = install();
        Path cache = tmp.resolve("cache");
        Path sample;
        try (Stream<Path> s = Files.list(home.resolve("samples"))) {
            sample = s.sorted().findFirst().orElseThrow();
        }

        Run first = run(home, cache, "audit", sample.toString(), "-o", tmp.resolve("out1").toString());
        assertThat(first.exit).as(first.output).isZero();
        assertThat(first.output).contains("creating the class-data archive");
        Path archive = archive(cache);
        assertThat(Files.size(archive)).isGreaterThan(1_000_000);
        var json1 = json(tmp.resolve("out1").resolve(stem(sample) + ".json"));

        Run second = run(home, cache, "audit", sample.toString(), "-o", tmp.resolve("out2").toString());
        assertThat(second.exit).as(second.output).isZero();
        assertThat(second.output).doesNotContain("class-data archive");
        assertThat(archive(cache)).isEqualTo(archive);
        assertThat(json(tmp.resolve("out2").resolve(stem(sample) + ".json"))).isEqualTo(json1);

        // cut the archive short, as a full disk or a killed copy would
        byte[] bytes = Files.readAllBytes(archive);
        Files.setPosixFilePermissions(archive, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        Files.write(archive, java.util.Arrays.copyOf(bytes, bytes.length / 3));
        Run third = run(home, cache, "audit", sample.toString(), "-o", tmp.resolve("out3").toString());
        assertThat(third.exit).as(third.output).isZero();
        assertThat(third.output).doesNotContain("fatal error").contains("creating the class-data archive");
        assertThat(Files.size(archive(cache))).isGreaterThan(bytes.length / 3);
        assertThat(archive(cache).getFileName().toString()).endsWith("-" + Files.size(archive(cache)) + ".jsa");
        assertThat(json(tmp.resolve("out3").resolve(stem(sample) + ".json"))).isEqualTo(json1);

        // a batch has an archive of its own (trained on a batch, so larger); the one-file archive stays
        Path oneFile = archive(cache);
        Run batch = run(home, cache, "batch", home.resolve("samples").toString(), "-o", tmp.resolve("out4").toString());
        assertThat(batch.exit).as(batch.output).isLessThanOrEqualTo(1);
        assertThat(batch.output).contains("creating the class-data archive");
        Path batchArchive = archive(cache, "-batch-");
        assertThat(Files.size(batchArchive)).isGreaterThan(Files.size(oneFile));
        assertThat(archive(cache)).isEqualTo(oneFile);
        Run batchAgain = run(home, cache, "batch", home.resolve("samples").toString(), "-o", tmp.resolve("out5").toString());
        assertThat(batchAgain.output).doesNotContain("class-data archive");
        assertThat(json(tmp.resolve("out5").resolve(stem(sample) + ".json"))).isEqualTo(json1);

        // a README or a test case edited in the rules folder is no rule edit: the one-file archive serves the run
        long afterBuild = Files.getLastModifiedTime(home.resolve("target/nianbao.jar")).toMillis() + 2000;
        Path notes = Files.writeString(home.resolve("rules/README.md"), "说明\n");
        Path tests = Files.createDirectories(home.resolve("rules/tests"));
        Path testCase = Files.writeString(tests.resolve("launcher-note.case"), "# 只是用例\n");
        for (Path p : List.of(notes, testCase)) Files.setLastModifiedTime(p, java.nio.file.attribute.FileTime.fromMillis(afterBuild));
        Run notesEdited = run(home, cache, "audit", sample.toString(), "-o", tmp.resolve("out5b").toString());
        assertThat(notesEdited.exit).as(notesEdited.output).isZero();
        assertThat(notesEdited.output).doesNotContain("class-data archive");
        try (Stream<Path> s = Files.list(cache)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("-edit-"));
        }
        Files.delete(testCase);

        // rules edited after the build: a third archive, trained on the classic build such runs make; the others stay
        Path drl;
        try (Stream<Path> s = Files.list(home.resolve("rules"))) {
            drl = s.filter(p -> p.toString().endsWith(".drl")).sorted().findFirst().orElseThrow();
        }
        Files.writeString(drl, Files.readString(drl) + "\nrule \"launcher test edit\"\n    salience 0\nwhen\n    nianbao.model.Report(reportYear < 0)\nthen\nend\n");
        Files.setLastModifiedTime(drl, java.nio.file.attribute.FileTime.fromMillis(Files.getLastModifiedTime(home.resolve("target/nianbao.jar")).toMillis() + 2000));
        Run edited = run(home, cache, "audit", sample.toString(), "-o", tmp.resolve("out6").toString());
        assertThat(edited.exit).as(edited.output).isZero();
        assertThat(edited.output).contains("creating the class-data archive");
        // (its size is no test: where the build-time rule base is missing, as in a clean build's test phase, the
        // one-file archive was trained on a classic build too)
        assertThat(Files.size(archive(cache, "-edit-"))).isGreaterThan(1_000_000);
        assertThat(archive(cache)).isEqualTo(oneFile);
        assertThat(archive(cache, "-batch-")).isEqualTo(batchArchive);
        assertThat(json(tmp.resolve("out6").resolve(stem(sample) + ".json"))).isEqualTo(json1);
        Run editedAgain = run(home, cache, "audit", sample.toString(), "-o", tmp.resolve("out7").toString(), "--rules", home.resolve("rules").toString());
        assertThat(editedAgain.output).doesNotContain("class-data archive");
        assertThat(json(tmp.resolve("out7").resolve(stem(sample) + ".json"))).isEqualTo(json1);

        // another JDK (a second installation folder, whose java runs the same one): an archive of its own (here of the
        // "edit" kind, the rules being edited), since a JVM silently ignores an archive that another JDK made; the
        // first JDK's archives stay and serve it again
        Path otherJdk = tmp.resolve("other-jdk");
        Files.createDirectories(otherJdk.resolve("lib"));
        Files.writeString(otherJdk.resolve("lib/modules"), "another module image");
        Path otherJava = Files.createDirectories(otherJdk.resolve("bin")).resolve("java");
        Files.writeString(otherJava, "#!/bin/bash\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java") + "' \"$@\"\n");
        assertThat(otherJava.toFile().setExecutable(true)).isTrue();
        Run otherRun = run(home, cache, otherJdk.resolve("bin"), "audit", sample.toString(), "-o", tmp.resolve("out8").toString());
        assertThat(otherRun.exit).as(otherRun.output).isZero();
        assertThat(otherRun.output).contains("creating the class-data archive");
        try (Stream<Path> s = Files.list(cache)) {
            assertThat(s.map(p -> p.getFileName().toString()).filter(n -> n.contains("-edit-") && n.endsWith(".jsa"))).hasSize(2);
        }
        assertThat(archive(cache)).isEqualTo(oneFile);
        assertThat(archive(cache, "-batch-")).isEqualTo(batchArchive);
        Run backAgain = run(home, cache, "audit", sample.toString(), "-o", tmp.resolve("out9").toString());
        assertThat(backAgain.exit).as(backAgain.output).isZero();
        assertThat(backAgain.output).doesNotContain("class-data archive");
        assertThat(json(tmp.resolve("out8").resolve(stem(sample) + ".json"))).isEqualTo(json1);
        assertThat(json(tmp.resolve("out9").resolve(stem(sample) + ".json"))).isEqualTo(json1);
        try (Stream<Path> s = Files.list(home)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("hs_err"));
        }
    }

    /** Parsed, so that key order does not count (the report writes some objects from Map.of, whose order varies per JVM). */
    private static com.fasterxml.jackson.databind.JsonNode json(Path p) throws Exception {
        assertThat(p).exists();
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(p.toFile());
    }

    private static String stem(Path sample) {
        String n = sample.getFileName().toString();
        return n.substring(0, n.lastIndexOf('.'));
    }

    /** The archive of one-shot commands (audit, rules …). */
    private static Path archive(Path cache) throws Exception {
        return archive(cache, "-one-");
    }

    private static Path archive(Path cache, String kind) throws Exception {
        try (Stream<Path> s = Files.list(cache)) {
            List<Path> jsa = s.filter(p -> p.getFileName().toString().endsWith(".jsa") && p.getFileName().toString().contains(kind)).toList();
            assertThat(jsa).hasSize(1);
            return jsa.get(0);
        }
    }

    /**
     * An installation with the launcher, samples/, rules/ and a target/nianbao.jar that holds the
     * compiled classes and names the dependency jars in its manifest (CDS takes jars, not folders).
     */
    private Path install() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        Files.copy(Path.of("nianbao"), home.resolve("nianbao"), StandardCopyOption.COPY_ATTRIBUTES);
        copyTree(Path.of("samples"), home.resolve("samples"));
        copyTree(Path.of("rules"), home.resolve("rules"));
        List<String> classPath = new ArrayList<>();
        Path classes = null;
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(e).toAbsolutePath();
            if (p.endsWith(Path.of("target", "classes"))) classes = p;
            else if (p.toString().endsWith(".jar") && !e.contains("junit") && !e.contains("surefire") && !e.contains("assertj")) {
                classPath.add(p.toUri().toString());
            }
        }
        assumeTrue(classes != null, "runs from the Maven build");
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        mf.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "nianbao.cli.Main");
        mf.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", classPath));
        Path jar = Files.createDirectories(home.resolve("target")).resolve("nianbao.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), mf); Stream<Path> s = Files.walk(classes)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(p).toString().replace(File.separatorChar, '/')));
                Files.copy(p, out);
                out.closeEntry();
            }
        }
        return home;
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
    }

    private record Run(int exit, String output) {}

    private Run run(Path home, Path cache, String... args) throws Exception {
        return run(home, cache, null, args);
    }

    /** @param javaFirst a folder put first on the PATH (another JDK's bin), or null */
    private Run run(Path home, Path cache, Path javaFirst, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("/bin/bash", home.resolve("nianbao").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(home.toFile()).redirectErrorStream(true);
        pb.environment().put("NIANBAO_CACHE", cache.toString());
        pb.environment().remove("NIANBAO_JAVA_OPTS");
        pb.environment().remove("NIANBAO_CDS");
        if (javaFirst != null) pb.environment().put("PATH", javaFirst + File.pathSeparator + pb.environment().getOrDefault("PATH", ""));
        Path log = Files.createTempFile(tmp, "run", ".log");
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        int exit = p.waitFor();
        return new Run(exit, Files.readString(log, StandardCharsets.UTF_8));
    }
}
