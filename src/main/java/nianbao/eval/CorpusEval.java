package nianbao.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import nianbao.pipeline.AuditResult;
import nianbao.pipeline.Auditor;
import nianbao.report.JsonReport;

/**
 * A conformance corpus: report files in a folder, each with its ground truth in {@code expected/<stem>.json}.
 * Every report is audited as a user would audit it and its JSON compared with the ground truth.
 *
 * <p>A crawler export with several rows (one report per row) is audited per row, as {@code audit} does for users
 * ({@link Auditor#auditAll}). The ground truth describes one report; it is matched to the row that resembles it
 * most ({@link #match}: title, publication date, report year, issuing body and the sections found, rows the
 * ground truth records as other rows left out) and that row is scored as a single document is. The other rows
 * are judged by what the ground truth's {@code other_rows} records about them
 * ({@link Evaluator#compareOther}); a row it records nothing about is listed as unchecked and counts nothing.
 * A file that gives one report is scored exactly as before.
 */
public final class CorpusEval {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One row of a several-report file.
     *
     * @param row   1-based, as in {@code <stem>-r<row>}
     * @param title the title nianbao read for it
     * @param role  what the evaluation took it for, in words (the described report and why, another row, unchecked)
     * @param score its own counts (they are also in the file's score)
     */
    public record RowResult(int row, String title, String role, Score score) {}

    /** @param rows per-row results of a crawler export with several rows; empty for a single document */
    public record FileResult(Path file, Score score, List<RowResult> rows) {
        public FileResult(Path file, Score score) { this(file, score, List.of()); }
    }

    public record Result(List<FileResult> files, Score total) {}

    private CorpusEval() {}

    /** The report files of a corpus folder (not recursive), sorted: those with an expected JSON beside them. */
    public static List<Path> inputs(Path dir) throws IOException {
        Path expected = dir.resolve("expected");
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> Files.isRegularFile(expected.resolve(stem(p) + ".json")))
                    .sorted().toList();
        }
    }

    public static Result run(Path dir, Auditor auditor, Set<String> catalogue) throws IOException {
        Evaluator evaluator = new Evaluator(catalogue);
        List<FileResult> out = new ArrayList<>();
        Score total = new Score();
        for (Path f : inputs(dir)) {
            Expected exp = Expected.of(JSON.readTree(dir.resolve("expected").resolve(stem(f) + ".json").toFile()));
            FileResult r = evaluate(f, exp, auditor.auditAll(f), evaluator);
            out.add(r);
            total.addAll(r.score());
        }
        return new Result(out, total);
    }

    /** Scores the results of one file (one per report in it) against its ground truth. */
    static FileResult evaluate(Path file, Expected exp, List<AuditResult> results, Evaluator evaluator) {
        List<JsonNode> rows = new ArrayList<>(results.size());
        for (AuditResult r : results) rows.add(JSON.valueToTree(JsonReport.tree(r)));
        if (rows.size() == 1) return new FileResult(file, evaluator.compare(exp, rows.get(0)));
        int described = match(exp, rows);
        Score score = new Score();
        List<RowResult> perRow = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            JsonNode got = rows.get(i);
            int row = i + 1;
            Score s;
            String role;
            Expected.OtherRow other = exp.otherRow(row);
            if (i == described) {
                s = evaluator.compare(exp, got);
                role = "the report the ground truth describes (" + why(exp, got) + ")";
            } else if (other != null) {
                s = evaluator.compareOther(exp, other, got);
                role = other.annualReport() ? "another annual report (ground truth: other_rows)" : "not an annual report (ground truth: other_rows)";
            } else {
                s = new Score();
                s.add("rows.unchecked", 1);
                role = "unchecked: the ground truth records nothing about this row";
            }
            score.addAll(s);
            perRow.add(new RowResult(row, text(got.path("title")), role, s));
        }
        return new FileResult(file, score, perRow);
    }

    /**
     * The row the ground truth describes: the one most like it by title (character-bigram Dice similarity of the
     * normalised titles, weight 3), issuing body (Dice, weight 1), publication date and report year (1 and 0.5 when
     * equal) and content (overlap of the sections found with the sections present, weight 1). Rows the ground
     * truth records as other rows are not candidates; ties go to the first row.
     */
    static int match(Expected exp, List<JsonNode> rows) {
        int best = -1;
        double bestScore = -1;
        for (int i = 0; i < rows.size(); i++) {
            if (exp.otherRow(i + 1) != null) continue;
            double v = similarity(exp, rows.get(i));
            if (v > bestScore) {
                bestScore = v;
                best = i;
            }
        }
        return best < 0 ? 0 : best;
    }

    static double similarity(Expected exp, JsonNode got) {
        double v = 3 * dice(exp.title(), text(got.path("title"))) + dice(exp.agency(), text(got.path("agency")));
        if (exp.publishedOn() != null && exp.publishedOn().equals(text(got.path("publishedOn")))) v += 1;
        if (exp.reportYear() != null && exp.reportYear().toString().equals(text(got.path("reportYear")))) v += 0.5;
        return v + sectionOverlap(exp, got);
    }

    private static String why(Expected exp, JsonNode got) {
        return String.format(Locale.ROOT, "title %.2f, body %.2f, date %s, year %s, sections %.2f",
                dice(exp.title(), text(got.path("title"))), dice(exp.agency(), text(got.path("agency"))),
                exp.publishedOn() != null && exp.publishedOn().equals(text(got.path("publishedOn"))) ? "same" : "differs",
                exp.reportYear() != null && exp.reportYear().toString().equals(text(got.path("reportYear"))) ? "same" : "differs",
                sectionOverlap(exp, got));
    }

    /** Sections found that the ground truth has, over the sections of either (Jaccard); 0 when neither has any. */
    private static double sectionOverlap(Expected exp, JsonNode got) {
        Set<String> found = new HashSet<>();
        for (JsonNode sec : got.path("sections")) found.add(sec.path("id").asText());
        Set<String> union = new HashSet<>(found);
        union.addAll(exp.sectionsPresent());
        if (union.isEmpty()) return 0;
        long common = found.stream().filter(exp.sectionsPresent()::contains).count();
        return (double) common / union.size();
    }

    /** Dice similarity of the character bigrams of two texts after NFKC, letters and digits only; 0 when either is empty. */
    static double dice(String a, String b) {
        List<String> x = bigrams(a), y = bigrams(b);
        if (x.isEmpty() || y.isEmpty()) return 0;
        Map<String, Integer> counts = new HashMap<>();
        for (String g : x) counts.merge(g, 1, Integer::sum);
        int common = 0;
        for (String g : y) {
            Integer n = counts.get(g);
            if (n != null && n > 0) {
                common++;
                counts.put(g, n - 1);
            }
        }
        return 2.0 * common / (x.size() + y.size());
    }

    private static List<String> bigrams(String s) {
        if (s == null) return List.of();
        String n = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKC).replaceAll("[^\\p{L}\\p{N}]", "");
        List<String> out = new ArrayList<>();
        if (n.length() == 1) out.add(n);
        for (int i = 0; i + 1 < n.length(); i++) out.add(n.substring(i, i + 2));
        return out;
    }

    private static String text(JsonNode n) {
        return n.isMissingNode() || n.isNull() ? null : n.asText();
    }

    static String stem(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
