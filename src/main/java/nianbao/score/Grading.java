package nianbao.score;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import nianbao.model.Finding;
import nianbao.model.Severity;

/**
 * Score = 100 − the points of all findings, floored at 0; the grade comes from thresholds in
 * {@code rules/scoring.properties}, so policy staff change them without a build. A critical finding
 * caps the grade ({@code cap.critical.grade}, optionally only for the codes in {@code cap.critical.codes}):
 * a defaced report is not 合格 however few points it lost.
 */
public final class Grading {
    public record Grade(String name, int min) {}

    /**
     * @param cap why the grade is lower than the score alone gives (e.g. "INT-SPAM：严重问题，等级最高为不合格"), null when not capped
     */
    public record Score(int value, String grade, String cap) {
        public Score(int value, String grade) { this(value, grade, null); }
    }

    /**
     * The grade cap for critical findings: any finding of severity critical whose code is in
     * {@code codes} (every critical code when empty) limits the grade to {@code grade}.
     */
    public record Cap(String grade, Set<String> codes) {}

    private final List<Grade> grades;
    private final Cap cap;

    public Grading(List<Grade> grades) { this(grades, null); }

    public Grading(List<Grade> grades, Cap cap) {
        List<Grade> sorted = new ArrayList<>(grades);
        sorted.sort(Comparator.comparingInt(Grade::min).reversed());
        this.grades = List.copyOf(sorted);
        this.cap = cap;
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
        Cap cap = null;
        String capGrade = p.getProperty("cap.critical.grade", "").trim();
        if (!capGrade.isEmpty()) {
            if (grades.stream().noneMatch(g -> g.name().equals(capGrade))) {
                throw new IOException(file + ": cap.critical.grade “" + capGrade + "” 不是已定义的等级 / is not one of the grades defined");
            }
            Set<String> codes = new LinkedHashSet<>();
            for (String c : p.getProperty("cap.critical.codes", "").split("[,，、\\s]+")) if (!c.isBlank()) codes.add(c.trim());
            cap = new Cap(capGrade, Set.copyOf(codes));
        }
        return new Grading(grades, cap);
    }

    public Score score(List<Finding> findings) {
        int deducted = findings.stream().mapToInt(Finding::points).sum();
        int value = Math.max(0, 100 - deducted);
        int rank = grades.size() - 1;
        for (int i = 0; i < grades.size(); i++) {
            if (value >= grades.get(i).min()) {
                rank = i;
                break;
            }
        }
        if (cap != null) {
            Finding critical = findings.stream()
                    .filter(f -> f.severity() == Severity.CRITICAL && (cap.codes().isEmpty() || cap.codes().contains(f.code())))
                    .findFirst().orElse(null);
            int capRank = indexOf(cap.grade());
            if (critical != null && capRank > rank) {
                return new Score(value, grades.get(capRank).name(),
                        critical.code() + "（" + critical.title() + "）为严重问题，等级最高为" + cap.grade());
            }
        }
        return new Score(value, grades.get(rank).name());
    }

    private int indexOf(String grade) {
        for (int i = 0; i < grades.size(); i++) if (grades.get(i).name().equals(grade)) return i;
        return -1;
    }

    public Cap cap() { return cap; }

    public List<Grade> grades() { return grades; }
}
