package nianbao.batch;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import nianbao.model.Cell;
import nianbao.model.CellStatus;
import nianbao.model.Format;
import nianbao.rules.RuleSet;

/**
 * Benchmark load for the cross-report phase alone, as it will be once tables are extracted:
 * n reports of n/2 bodies over two years, each with T3 carry-over and T2 cells (some
 * disagreeing), 100 passages of which 70 are template wording, and 1% of reports copied from
 * another body. The generated sample copies cannot give this (no table cells yet; all text is template).
 */
public final class CrossLoad {
    private CrossLoad() {}

    public record Load(List<ReportFacts> facts, List<Passages> passages) {}

    public static Load synthetic(int n, long seed) {
        Random rnd = new Random(seed);
        long[] template = new long[70];
        for (int i = 0; i < template.length; i++) template[i] = rnd.nextLong();
        List<ReportFacts> facts = new ArrayList<>(n);
        List<Passages> passages = new ArrayList<>(n);
        String[] cols = {"natural", "commercial", "research", "nonprofit", "legal", "other", "total"};
        for (int i = 0; i < n; i++) {
            int body = i / 2, year = 2021 + i % 2;
            List<Cell> cells = new ArrayList<>();
            for (String c : cols) {
                cells.add(cell("T3", "2", c, rnd.nextInt(5)));
                cells.add(cell("T3", "4", c, rnd.nextInt(5)));
            }
            for (String r : List.of("regulation", "normative")) {
                for (String c : List.of("issued", "repealed", "in_force")) cells.add(cell("T2", r, c, rnd.nextInt(50)));
            }
            facts.add(ReportFacts.of(i, "gen/" + i + ".txt", "机关" + body, year, Format.GB_2021, cells));
            long[] h = new long[100];
            int[] len = new int[100];
            System.arraycopy(template, 0, h, 0, template.length);
            Random own = new Random(i % 100 == 99 ? i - 50 : i);   // 1%: the same text as a report of another body
            for (int k = template.length; k < h.length; k++) h[k] = own.nextLong();
            Arrays.fill(len, 40);
            Arrays.sort(h);
            passages.add(new Passages(h, len));
        }
        return new Load(facts, passages);
    }

    /** Runs the cross-report rules on the load; returns the number of findings. */
    public static int run(RuleSet rules, Load load) {
        return CrossReport.evaluate(rules, load.facts(), load.passages()).size();
    }

    private static Cell cell(String t, String r, String c, int v) {
        return new Cell(t, r, c, BigDecimal.valueOf(v), String.valueOf(v), 1, CellStatus.NUMBER, false);
    }
}
