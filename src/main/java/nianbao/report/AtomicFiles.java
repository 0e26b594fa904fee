package nianbao.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/** Every output is written to a temporary name in the same folder and renamed: a kill never leaves half a file. */
public final class AtomicFiles {
    // Temporary names are ".<target>.<pid>-<n>.tmp": unique within the process by the counter and between
    // processes by the pid, so no random name is needed (Files.createTempFile costs a SecureRandom draw and
    // leaves the file readable by its owner only). A batch removes ".*.tmp" leftovers of a killed run.
    private static final String PID = Long.toString(ProcessHandle.current().pid());
    private static final AtomicLong SEQ = new AtomicLong();

    private AtomicFiles() {}

    public static void write(Path target, byte[] bytes) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) Files.createDirectories(dir);
        Path tmp = null;
        try {
            while (tmp == null) {
                Path candidate = dir.resolve("." + target.getFileName() + "." + PID + "-" + SEQ.incrementAndGet() + ".tmp");
                try (OutputStream out = Files.newOutputStream(candidate, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                    tmp = candidate;   // ours from here on: removed below if anything fails
                    out.write(bytes);
                } catch (FileAlreadyExistsException e) {
                    // left by an earlier process with the same pid: take the next number
                }
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } finally {
            if (tmp != null) Files.deleteIfExists(tmp);
        }
    }
}
