package nianbao.batch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nianbao.model.Finding;
import nianbao.score.Grading;
import nianbao.report.Templates;
import org.thymeleaf.context.Context;

/**
 * The Chinese summary page {@code index.html} (template {@code nianbao/templates/index.html}):
 * offline, no script, charts as inline SVG whose geometry is computed here; every text goes
 * through th:text. Tables are sorted here (pre-sorted views) instead of by a script.
 */
final class IndexPage {
    static final int BAR_MAX = 420, ROW_H = 22;

    private IndexPage() {}

    /** One horizontal bar: label on the left, bar, value text; {@code y} is the row's top. */
    record Bar(String label, String value, int y, int width) {}

    record Chart(List<Bar> bars, int height) {}

    record GradeCount(String grade, long count) {}

    record Region(String region, long reports, long failed, String average, String passRate) {}

    record Ranked(int rank, Row row) {}

    static Chart chart(Map<String, ? extends Number> data, java.util.function.Function<Number, String> fmt) {
        double max = data.values().stream().mapToDouble(Number::doubleValue).max().orElse(0);
        List<Bar> bars = new ArrayList<>();
        int i = 0;
        for (var e : data.entrySet()) {
            double v = e.getValue().doubleValue();
            int w = max <= 0 ? 0 : (int) Math.round(v / max * BAR_MAX);
            bars.add(new Bar(e.getKey(), fmt.apply(e.getValue()), i++ * ROW_H, Math.max(v > 0 ? 1 : 0, w)));
        }
        return new Chart(bars, Math.max(ROW_H, bars.size() * ROW_H));
    }

    static String pct(Double d) {
        return d == null ? "—" : String.format("%.1f%%", d * 100);
    }

    static byte[] bytes(List<Row> rows, List<CrossFinding> cross, Grading grading) {
        List<Row> ok = rows.stream().filter(r -> !r.failed()).toList();
        List<Row> failed = rows.stream().filter(Row::failed).toList();
        String lowest = grading.grades().get(grading.grades().size() - 1).name();
        long pass = ok.stream().filter(r -> !lowest.equals(r.grade())).count();
        double avg = ok.stream().mapToInt(Row::score).average().orElse(0);

        Map<String, Long> buckets = new LinkedHashMap<>();
        for (int b = 0; b < 10; b++) buckets.put(b * 10 + "–" + (b == 9 ? 100 : b * 10 + 9), 0L);
        for (Row r : ok) {
            int b = Math.min(9, r.score() / 10);
            buckets.merge(b * 10 + "–" + (b == 9 ? 100 : b * 10 + 9), 1L, Long::sum);
        }
        List<GradeCount> grades = new ArrayList<>();
        for (Grading.Grade g : grading.grades()) grades.add(new GradeCount(g.name(), ok.stream().filter(r -> g.name().equals(r.grade())).count()));

        Map<String, Long> perCode = new TreeMap<>();
        Map<String, String> titles = new TreeMap<>();
        for (Row r : ok) {
            for (Finding f : r.findings()) {
                perCode.merge(f.code(), 1L, Long::sum);
                titles.putIfAbsent(f.code(), f.title());
            }
        }
        for (CrossFinding c : cross) {
            perCode.merge(c.finding().code(), 1L, Long::sum);
            titles.putIfAbsent(c.finding().code(), c.finding().title());
        }
        Map<String, Long> codeData = new LinkedHashMap<>();
        perCode.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(40)
                .forEach(e -> codeData.put(e.getKey() + " " + titles.get(e.getKey()), e.getValue()));

        List<Ranked> ranking = new ArrayList<>();
        List<Row> sorted = new ArrayList<>(ok);
        sorted.sort(Comparator.comparingInt(Row::score).reversed().thenComparing(Row::source));
        for (int i = 0; i < sorted.size(); i++) {
            int rank = i > 0 && sorted.get(i).score().equals(sorted.get(i - 1).score()) ? ranking.get(i - 1).rank() : i + 1;
            ranking.add(new Ranked(rank, sorted.get(i)));
        }

        Map<String, List<Row>> byRegion = new TreeMap<>();
        for (Row r : rows) byRegion.computeIfAbsent(r.region() == null ? "（未注明地区）" : r.region(), k -> new ArrayList<>()).add(r);
        List<Region> regions = new ArrayList<>();
        Map<String, Double> regionAvg = new LinkedHashMap<>();
        for (var e : byRegion.entrySet()) {
            List<Row> good = e.getValue().stream().filter(r -> !r.failed()).toList();
            double a = good.stream().mapToInt(Row::score).average().orElse(0);
            long p = good.stream().filter(r -> !lowest.equals(r.grade())).count();
            regions.add(new Region(e.getKey(), e.getValue().size(), e.getValue().size() - good.size(),
                    good.isEmpty() ? "—" : String.format("%.1f", a), good.isEmpty() ? "—" : pct((double) p / good.size())));
            if (!good.isEmpty()) regionAvg.put(e.getKey(), a);
        }

        List<Row> indicators = ok.stream().filter(r -> r.substantiveRate() != null || r.correctionRate() != null)
                .sorted(Comparator.comparing((Row r) -> r.agency() == null ? "" : r.agency()).thenComparing(r -> r.reportYear() == null ? 0 : r.reportYear()))
                .toList();
        Map<String, Double> subst = new LinkedHashMap<>(), corr = new LinkedHashMap<>();
        indicators.stream().filter(r -> r.substantiveRate() != null).sorted(Comparator.comparing(Row::substantiveRate)).limit(40)
                .forEach(r -> subst.put(bodyLabel(r), r.substantiveRate()));
        indicators.stream().filter(r -> r.correctionRate() != null).sorted(Comparator.comparing(Row::correctionRate).reversed()).limit(40)
                .forEach(r -> corr.put(bodyLabel(r), r.correctionRate()));

        Context ctx = new Context();
        ctx.setVariable("total", rows.size());
        ctx.setVariable("audited", ok.size());
        ctx.setVariable("failedCount", failed.size());
        ctx.setVariable("passRate", ok.isEmpty() ? "—" : pct((double) pass / ok.size()));
        ctx.setVariable("average", ok.isEmpty() ? "—" : String.format("%.1f", avg));
        ctx.setVariable("scoreChart", chart(buckets, Object::toString));
        ctx.setVariable("grades", grades);
        ctx.setVariable("codeChart", chart(codeData, Object::toString));
        ctx.setVariable("ranking", ranking);
        ctx.setVariable("failed", failed);
        ctx.setVariable("cross", cross);
        ctx.setVariable("regions", regions);
        ctx.setVariable("regionChart", chart(regionAvg, v -> String.format("%.1f", v.doubleValue())));
        ctx.setVariable("indicators", indicators);
        ctx.setVariable("substChart", chart(subst, v -> pct(v.doubleValue())));
        ctx.setVariable("corrChart", chart(corr, v -> pct(v.doubleValue())));
        ctx.setVariable("fmt", new Fmt());
        return Templates.render("index", ctx, 64 * 1024);
    }

    private static String bodyLabel(Row r) {
        String a = r.agency() == null ? r.source() : r.agency();
        return r.reportYear() == null ? a : a + " " + r.reportYear();
    }

    /** Formatting helpers for the template. */
    public static final class Fmt {
        public String pct(Double d) { return IndexPage.pct(d); }

        public String name(String source) {
            int i = Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\'));
            return source.substring(i + 1);
        }
    }

}
