package nianbao.rules;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Writes the executable-model cache of an edited {@code rules/} folder in a separate JVM, so that the run that
 * met the edit (judged with the faster classic build, {@link RuleSet#load(Path, Path)}) is not delayed and the
 * runs after it load the cache. The child starts when the user's JVM exits; it takes a lock file so two runs
 * never compile the same rules at once, gives up when the rules change under it, and writes the cache
 * atomically (temporary file, then rename). Its failures are silent: the next run simply builds again.
 * Usage (the child): {@code CacheWriter RULES_DIR CACHE_DIR}.
 */
public final class CacheWriter {
    private static final Set<String> SCHEDULED = ConcurrentHashMap.newKeySet();

    private CacheWriter() {}

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: CacheWriter RULES_DIR CACHE_DIR");
            System.exit(2);
        }
        boolean ok;
        try {
            ok = write(Path.of(args[0]), Path.of(args[1]));
        } catch (RuntimeException | LinkageError e) {
            ok = false;
        }
        System.exit(ok ? 0 : 1);
    }

    /** Starts the child once, when this JVM exits (not when the JVM property nianbao.rules.cacheWriter is "off"). */
    static void writeAtExit(Path dir, Path cacheDir) {
        if ("off".equals(System.getProperty("nianbao.rules.cacheWriter"))) return;
        if (!SCHEDULED.add(dir.toAbsolutePath() + "|" + cacheDir.toAbsolutePath())) return;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                startDetached(dir, cacheDir);
            } catch (IOException | RuntimeException e) {
                // only the next run's start-up time is at stake
            }
        }, "nianbao-rules-cache"));
    }

    /** Starts the child now (its output is discarded); the caller may wait for it. */
    static Process start(Path dir, Path cacheDir) throws IOException {
        return new ProcessBuilder(command(dir, cacheDir)).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).redirectInput(ProcessBuilder.Redirect.PIPE).start();
    }

    /**
     * Starts the child through a shell that puts it in the background and exits at once. A JVM that exits while a
     * child of its own runs waits 0.3 s for the thread watching that child (it sits in native code, and the JVM
     * gives such threads 300 ms to stop); the shell is gone in milliseconds, so the user's run ends at once. The child
     * runs niced. Without a POSIX shell it is started directly.
     */
    static void startDetached(Path dir, Path cacheDir) throws IOException {
        // at a lower priority: a run the user starts while it compiles comes first (such a run 3.84 s against 4.39 s)
        String script = "{ if command -v nice >/dev/null 2>&1; then exec nice -n 10 \"$@\"; else exec \"$@\"; fi; } </dev/null >/dev/null 2>&1 &";
        List<String> cmd = new ArrayList<>(List.of("/bin/sh", "-c", script, "nianbao-rules-cache"));
        cmd.addAll(command(dir, cacheDir));
        Process shell;
        try {
            shell = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            start(dir, cacheDir);
            return;
        }
        try {
            shell.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<String> command(Path dir, Path cacheDir) {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        return List.of(java, "-Djava.awt.headless=true", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), CacheWriter.class.getName(),
                dir.toAbsolutePath().toString(), cacheDir.toAbsolutePath().toString());
    }

    /**
     * Compiles the executable model of {@code dir} into {@code cacheDir} unless it is there already or another
     * process holds the lock. True when the cache entry exists afterwards.
     */
    static boolean write(Path dir, Path cacheDir) {
        try {
            String fp = RuleSet.fingerprintOf(dir);
            Path target = RuleSet.cacheFile(cacheDir, fp);
            if (Files.isRegularFile(target)) return true;
            Files.createDirectories(cacheDir);
            Path lockFile = cacheDir.resolve("kbase-" + fp + ".lock");
            try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock lock = ch.tryLock()) {
                if (lock == null) return false; // another run is compiling these rules
                try {
                    if (Files.isRegularFile(target)) return true;
                    byte[] kjar = RuleSet.compileModel(dir, cacheDir);
                    // Rules edited while we compiled: these bytes are not the cache of either version.
                    if (!RuleSet.fingerprintOf(dir).equals(fp)) return false;
                    RuleSet.writeCache(target, kjar);
                } finally {
                    Files.deleteIfExists(lockFile); // still ours: the lock is released after this
                }
            }
            return Files.isRegularFile(target);
        } catch (RuleCompileException | IOException | OverlappingFileLockException e) {
            return false;
        }
    }
}
