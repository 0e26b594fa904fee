package nianbao.batch;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The inputs of a batch: every regular file under the input folder, recursively, in a stable
 * (sorted) order. Left out only: hidden files and folders, the output folder when it lies inside
 * the input folder, and files that are certainly not reports (OS and office lock files, a
 * manifest). Everything else is an input and gets a summary row, even if it then fails.
 */
final class Inputs {
    private static final Set<String> NOT_REPORTS = Set.of("thumbs.db", "desktop.ini");

    private Inputs() {}

    static List<Path> list(Path inDir, Path outDir, Path manifest) throws IOException {
        Path out = outDir.toAbsolutePath().normalize();
        Path man = manifest == null ? null : manifest.toAbsolutePath().normalize();
        Path root = inDir.toAbsolutePath().normalize();
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(inDir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                Path abs = dir.toAbsolutePath().normalize();
                if (!abs.equals(root) && (hidden(dir) || abs.equals(out))) return FileVisitResult.SKIP_SUBTREE;
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
                if (hidden(file) || name.startsWith("~$") || NOT_REPORTS.contains(name)) return FileVisitResult.CONTINUE;
                if (man != null && file.toAbsolutePath().normalize().equals(man)) return FileVisitResult.CONTINUE;
                if (attrs.isRegularFile() || attrs.isSymbolicLink()) files.add(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                files.add(file);   // an unreadable entry still gets its row (with the read error)
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(null);
        return files;
    }

    private static boolean hidden(Path p) {
        return p.getFileName() != null && p.getFileName().toString().startsWith(".");
    }
}
