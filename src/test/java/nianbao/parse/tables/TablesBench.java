package nianbao.parse.tables;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import nianbao.ingest.Document;
import nianbao.ingest.Ingestor;
import nianbao.model.Cell;
import nianbao.model.Report;
import nianbao.parse.ReportParser;

/**
 * Prints, per sample, the cells extracted and the median time of table extraction (not a test).
 * Run: ./mvnw -q -o -DskipTests package && java -cp target/nianbao.jar:target/test-classes nianbao.parse.tables.TablesBench [--dump]
 */
public final class TablesBench {
    public static void main(String[] args) throws Exception {
        boolean dump = args.length > 0 && args[0].equals("--dump");
        SchemaTableExtractor x = new SchemaTableExtractor();
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("samples"))) { files = s.sorted().toList(); }
        List<Double> medians = new ArrayList<>();
        for (Path f : files) {
            Document doc = new Ingestor().read(f);
            Report r = new ReportParser(nianbao.parse.TableExtractor.NONE).parse(doc);
            if (!r.formatDetected().isGb()) { System.out.println(f.getFileName() + ": " + r.formatDetected() + ", no tables"); continue; }
            List<Cell> cells = List.of();
            for (int i = 0; i < 200; i++) cells = x.extract(doc.blocks(), r.formatDetected()); // warm-up
            double[] t = new double[200];
            for (int i = 0; i < t.length; i++) {
                long s = System.nanoTime();
                cells = x.extract(doc.blocks(), r.formatDetected());
                t[i] = (System.nanoTime() - s) / 1e6;
            }
            Arrays.sort(t);
            medians.add(t[t.length / 2]);
            String accuracy = "no ground truth";
            String prefix = f.getFileName().toString().substring(0, 3);
            try {
                List<String> want = ExpectedCells.load("tables/" + prefix + ".cells");
                java.util.Set<String> got = new java.util.HashSet<>(cells.stream().map(ExpectedCells::line).toList());
                long ok = want.stream().filter(got::contains).count();
                accuracy = String.format("accuracy %d/%d = %.1f%% (extra %d)", ok, want.size(), 100.0 * ok / want.size(),
                        cells.size() - ok);
            } catch (java.io.IOException e) {
                // a sample without an expected-cells file
            }
            System.out.printf("%s: %s, %d cells, %s, median %.3f ms%n", f.getFileName(), r.formatDetected(), cells.size(), accuracy,
                    t[t.length / 2]);
            if (dump) for (Cell c : cells) System.out.println(ExpectedCells.line(c));
        }
        medians.sort(null);
        if (!medians.isEmpty()) System.out.printf("median over samples: %.3f ms%n", medians.get(medians.size() / 2));
    }
}
