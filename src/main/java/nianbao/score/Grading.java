package nianbao.score;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import nianbao.model.Finding;

/**
 * Score = 100 − the points of all findings, floored at 0; the grade comes from thresholds in
 * {@code rules/scoring.properties}, so policy staff change them without a build.
 */
public final class Grading {
    public record Grade(String name, int min) {}

    public record Score(int value, String grade) {}

    private final List<Grade> grades;

    public Grading(List<Grade> grades) {
        List<Grade> sorted = new ArrayList<>(grades);
        sorted.sort(Comparator.comparingInt(Grade::min).reversed());
        this.grades = List.copyOf(sorted);
    }

    public static Grading load(Path rulesDir) throws IOException {
        Path file = rulesDir.resolve("scoring.properties");
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        List<Grade> grades = new ArrayList<>();
        for (int i = 1; p.containsKey("grade." + i + ".name"); i++) {
            String min = p.getProperty("grade." + i + ".min", "").trim();
            try {
                grades.add(new Grade(p.getProperty("grade." + i + ".name").trim(), Integer.parseInt(min)));
            } catch (NumberFormatException e) {
                throw new IOException(file + ": grade." + i + ".min 不是整数 / is not an integer: " + min);
            }
        }
        if (grades.isEmpty()) throw new IOException(file + ": 没有定义任何等级 / no grades defined");
        return new Grading(grades);
    }

    public Score score(List<Finding> findings) {
        int deducted = findings.stream().mapToInt(Finding::points).sum();
        int value = Math.max(0, 100 - deducted);
        for (Grade g : grades) if (value >= g.min()) return new Score(value, g.name());
        return new Score(value, grades.get(grades.size() - 1).name());
    }

    public List<Grade> grades() { return grades; }
}
