package nianbao.batch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nianbao.ingest.Ingestor;
import nianbao.model.SourceLine;
import nianbao.parse.ReportParser;
import nianbao.rules.RuleSet;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.runtime.StatelessKieSession;

/**
 * The second, batch-wide evaluation: one stateless session over the {@link ReportFacts} of all
 * reports and the {@link TextOverlap} candidates, judged by {@code rules/cross-report.drl} in the
 * same KieBase as the per-report rules (those sessions never insert these facts).
 *
 * <p>Candidate pairs for copied text come from an inverted index over passage hashes, not from
 * comparing every pair: passages used by many bodies are template wording and are ignored, so
 * each passage links only a handful of reports.
 */
public final class CrossReport {
    /** The global the cross-report rules report through. */
    public static final String GLOBAL = "cross";
    /** Pairs sharing fewer passages are not worth a fact. */
    static final int MIN_SHARED_PASSAGES = 2;
    /** At most this many overlap partners per report (the largest overlaps). */
    static final int MAX_PARTNERS = 3;
    private static final long TOP44 = 0xFFFFFFFFFFF00000L;
    private static final int MAX_REPORTS = 1 << 20;

    private CrossReport() {}

    /** Whether the rule base holds cross-report rules (a custom --rules folder may not). */
    public static boolean available(RuleSet rules) {
        for (KiePackage p : rules.kieBase().getKiePackages()) {
            for (var g : p.getGlobalVariables()) if (GLOBAL.equals(g.getName())) return true;
        }
        return false;
    }

    public static List<CrossFinding> evaluate(RuleSet rules, List<ReportFacts> facts, List<Passages> passages) {
        if (!available(rules) || facts.isEmpty()) return List.of();
        List<Object> all = new ArrayList<>(facts);
        all.addAll(overlaps(facts, passages));
        KieBase kb = rules.kieBase();
        StatelessKieSession session = kb.newStatelessKieSession();
        CrossFindings out = new CrossFindings();
        session.setGlobal(GLOBAL, out);
        // The per-report reference rules (empty conditions) fire here too and may touch their global;
        // give them a sink whose findings are discarded.
        session.setGlobal("findings", new nianbao.rules.Findings());
        session.execute(all);
        return out.list();
    }

    /**
     * Candidate pairs: reports sharing at least {@link #MIN_SHARED_PASSAGES} passages that are not
     * template text. A passage is template text when more than max(3, bodies/50) distinct bodies use it
     * (or more than 64 reports): in a small batch three bodies sharing a page of text is copying, not a template.
     */
    static List<TextOverlap> overlaps(List<ReportFacts> facts, List<Passages> passages) {
        int n = facts.size();
        if (n < 2 || n > MAX_REPORTS) return List.of();
        int total = 0;
        for (Passages p : passages) total += p.hashes().length;
        // Top 44 bits of the hash and 20 bits of report index in one long: one primitive sort, no boxing.
        long[] packed = new long[total];
        int k = 0;
        for (int i = 0; i < n; i++) for (long h : passages.get(i).hashes()) packed[k++] = (h & TOP44) | i;
        Arrays.sort(packed);
        Set<String> bodies = new HashSet<>();
        for (ReportFacts f : facts) bodies.add(f.body());
        int maxBodies = Math.max(3, bodies.size() / 50);

        Map<Long, int[]> pairs = new HashMap<>();   // (i<<32|j) -> {passages, chars}
        Set<Long> template = new HashSet<>();
        int[] members = new int[64];
        for (int s = 0; s < total; ) {
            int e = s + 1;
            while (e < total && (packed[e] & TOP44) == (packed[s] & TOP44)) e++;
            int g = e - s;
            if (g > 1) {
                Set<String> groupBodies = new HashSet<>();
                for (int x = s; x < e && groupBodies.size() <= maxBodies; x++) groupBodies.add(facts.get((int) (packed[x] & ~TOP44)).body());
                if (groupBodies.size() > maxBodies || g > members.length) {
                    template.add(packed[s] & TOP44);
                } else {
                    for (int x = 0; x < g; x++) members[x] = (int) (packed[s + x] & ~TOP44);
                    int len = length(passages.get(members[0]), packed[s] & TOP44);
                    for (int x = 0; x < g; x++) {
                        for (int y = x + 1; y < g; y++) {
                            int[] acc = pairs.computeIfAbsent(((long) members[x] << 32) | members[y], kk -> new int[2]);
                            acc[0]++;
                            acc[1] += len;
                        }
                    }
                }
            }
            s = e;
        }

        // Keep the largest overlaps of each report only.
        List<long[]> kept = new ArrayList<>();
        for (var en : pairs.entrySet()) {
            if (en.getValue()[0] < MIN_SHARED_PASSAGES) continue;
            kept.add(new long[] {en.getKey(), en.getValue()[0], en.getValue()[1]});
        }
        kept.sort((p, q) -> Long.compare(q[2], p[2]));
        List<TextOverlap> out = new ArrayList<>();
        Map<Integer, Integer> partners = new HashMap<>();
        for (long[] p : kept) {
            int i = (int) (p[0] >>> 32), j = (int) p[0];
            if (partners.getOrDefault(i, 0) >= MAX_PARTNERS && partners.getOrDefault(j, 0) >= MAX_PARTNERS) continue;
            partners.merge(i, 1, Integer::sum);
            partners.merge(j, 1, Integer::sum);
            ReportFacts fi = facts.get(i), fj = facts.get(j);
            // The later report is "a", the one that repeats the other.
            boolean iLater = fi.year() != null && fj.year() != null ? fi.year() >= fj.year() : true;
            ReportFacts a = iLater ? fi : fj, b = iLater ? fj : fi;
            int minChars = Math.min(passages.get(i).totalChars(), passages.get(j).totalChars());
            double ratio = minChars == 0 ? 0 : Math.min(1.0, (double) p[2] / minChars);
            Passages pa = passages.get(a.id() == fi.id() ? i : j), pb = passages.get(a.id() == fi.id() ? j : i);
            out.add(new TextOverlap(a, b, ratio, (int) p[1], (int) p[2], () -> quotes(a, pa, pb, template)));
        }
        return out;
    }

    private static int length(Passages p, long top) {
        long[] h = p.hashes();
        for (int i = 0; i < h.length; i++) if ((h[i] & TOP44) == top) return p.lengths()[i];
        return 0;
    }

    /** Reads report a again and quotes its longest passages that b also has. */
    private static List<String> quotes(ReportFacts a, Passages pa, Passages pb, Set<Long> template) {
        Set<Long> shared = new HashSet<>();
        Set<Long> inB = new HashSet<>();
        for (long h : pb.hashes()) inB.add(h);
        for (long h : pa.hashes()) if (inB.contains(h) && !template.contains(h & TOP44)) shared.add(h);
        try {
            List<SourceLine> lines = new ReportParser().parse(new Ingestor().read(Path.of(a.source()))).lines();
            return Passages.quotes(lines, shared, 3, 80);
        } catch (Exception e) {
            return List.of("（无法重新读取原文 / cannot re-read the source: " + e.getMessage() + "）");
        }
    }
}
