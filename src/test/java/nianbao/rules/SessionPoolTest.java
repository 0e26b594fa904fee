package nianbao.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nianbao.TestSupport;
import nianbao.ingest.Ingestor;
import nianbao.model.Finding;
import nianbao.model.Report;
import nianbao.parse.ReportParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.api.runtime.StatelessKieSession;

/** {@link RuleSet#evaluate} reuses reset sessions from a pool: it must judge exactly as a new session would. */
class SessionPoolTest {
    @TempDir
    Path tmp;

    /** The findings of a session made for this report alone, as every report was judged before the pool. */
    private static List<Finding> inNewSession(RuleSet rules, Report report) {
        StatelessKieSession session = rules.kieBase().newStatelessKieSession();
        Findings findings = new Findings();
        session.setGlobal("findings", findings);
        session.execute(rules.facts(report));
        return findings.list();
    }

    private static List<Report> samples() throws Exception {
        List<Report> reports = new ArrayList<>();
        try (var s = Files.list(TestSupport.SAMPLES)) {
            for (Path f : s.sorted().toList()) reports.add(new ReportParser().parse(new Ingestor().read(f)));
        }
        return reports;
    }

    @Test
    void reusedSessionsJudgeEveryReportAsANewSessionDoes() throws Exception {
        RuleSet rules = RuleSet.load(TestSupport.RULES, null);
        List<Report> reports = samples();
        List<List<Finding>> expected = reports.stream().map(r -> inNewSession(rules, r)).toList();
        assertThat(expected).anySatisfy(f -> assertThat(f).extracting(Finding::code).contains("INT-SPAM"));
        // each session judges several different reports in turn, forwards and backwards: nothing carries over
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < reports.size(); i++) assertThat(rules.evaluate(reports.get(i))).isEqualTo(expected.get(i));
            for (int i = reports.size() - 1; i >= 0; i--) assertThat(rules.evaluate(reports.get(i))).isEqualTo(expected.get(i));
        }
    }

    @Test
    void threadsJudgingAtOnceEachGetTheirOwnSession() throws Exception {
        RuleSet rules = RuleSet.load(TestSupport.RULES, null);
        List<Report> reports = samples();
        List<List<Finding>> expected = reports.stream().map(r -> inNewSession(rules, r)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                List<Integer> order = new ArrayList<>();
                for (int k = 0; k < 10; k++) for (int i = 0; i < reports.size(); i++) order.add(i);
                Collections.shuffle(order, new java.util.Random(t));
                runs.add(pool.submit(() -> {
                    for (int i : order) if (!rules.evaluate(reports.get(i)).equals(expected.get(i))) return false;
                    return true;
                }));
            }
            for (Future<Boolean> run : runs) assertThat(run.get()).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRuleThatFailsSpoilsNoLaterReport() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("rules"));
        Files.writeString(dir.resolve("one.drl"), """
                package t;
                import nianbao.model.*;
                global nianbao.rules.Findings findings;
                declare Seen
                    year : int
                end
                rule "year seen" salience 10 when Report( $y : reportYear != null ) then insert(new Seen($y)); end
                rule "fails on 爆" salience 5 when Report( text contains "爆" ) then throw new IllegalStateException("爆"); end
                rule "T-1 年度" @code("T-1") when Seen( $y : year ) not Seen( year != $y ) then findings.add(drools.getRule(), "年度" + $y, Location.none()); end
                """);
        RuleSet rules = RuleSet.load(dir, null);
        Report good = new ReportParser().parse(new Ingestor().read(TestSupport.sample("002")));
        Report bad = new ReportParser().parse(new Ingestor().read("bad.txt", "2019年度政府信息公开工作年度报告\n一、总体情况\n爆\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(bad.reportYear()).isEqualTo(2019).isNotEqualTo(good.reportYear()); // a Seen fact left over would show
        List<Finding> before = rules.evaluate(good);
        assertThat(before).extracting(Finding::message).containsExactly("年度" + good.reportYear());
        assertThatThrownBy(() -> rules.evaluate(bad)).hasRootCauseInstanceOf(IllegalStateException.class);
        // the session the failing rule left half-way is not reused: the next report is judged as before
        assertThat(rules.evaluate(good)).isEqualTo(before).isEqualTo(inNewSession(rules, good));
        assertThatThrownBy(() -> rules.evaluate(bad)).hasRootCauseInstanceOf(IllegalStateException.class);
        assertThat(rules.evaluate(good)).isEqualTo(before);
    }
}
