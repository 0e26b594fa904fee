package nianbao.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import nianbao.pipeline.AuditResult;
import nianbao.pipeline.Auditor;
import nianbao.report.JsonReport;

/**
 * A conformance corpus: report files in a folder, each with its ground truth in {@code expected/<stem>.json}.
 * Every report is audited as a user would audit it and its JSON compared with the ground truth.
 */
public final class CorpusEval {
    private static final ObjectMapper JSON = new ObjectMapper();

    public record FileResult(Path file, Score score) {}

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
            AuditResult r = auditor.audit(f);
            JsonNode got = JSON.valueToTree(JsonReport.tree(r));
            Score s = evaluator.compare(exp, got);
            out.add(new FileResult(f, s));
            total.addAll(s);
        }
        return new Result(out, total);
    }

    static String stem(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
