package nianbao.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import nianbao.review.Decisions;
import nianbao.review.DecisionsException;

/** Loading the reviewers' decisions workbook named by {@code --decisions}, shared by {@code audit} and {@code batch}. */
final class DecisionsFile {
    private DecisionsFile() {}

    /**
     * The decisions in {@code file} ({@link Decisions#NONE} when no file is named), with their warnings printed;
     * null after printing why the file cannot be used (the caller exits with {@link Main#USAGE}).
     */
    static Decisions loadOrReport(Path file, PrintWriter err) {
        if (file == null) return Decisions.NONE;
        try {
            Decisions d = Decisions.load(file);
            for (String w : d.warnings()) err.println(w);
            return d;
        } catch (DecisionsException e) {
            err.println("错误 / error: " + e.getMessage());
            return null;
        }
    }
}
