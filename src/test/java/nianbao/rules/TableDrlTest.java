package nianbao.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import nianbao.TestSupport;
import nianbao.ingest.Ingestor;
import nianbao.model.Finding;
import nianbao.parse.ReportParser;
import nianbao.pipeline.Auditor;
import nianbao.rules.DecisionTableWriter.Column;
import nianbao.score.Grading;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.api.definition.KiePackage;

/**
 * Decision tables reach the rule build as the DRL Drools generates from them, converted once (at build time for
 * the shipped tables, into the cache folder for an edited one): the same rules as from the workbooks, the same
 * errors pointing at sheet rows, and no POI in a run whose tables are unchanged.
 */
class TableDrlTest {
    @TempDir
    Path tmp;

    /** Everything about a rule that the workbook decides: name, package, salience and the other attributes, metadata. */
    private static List<String> described(RuleSet set) {
        List<String> out = new ArrayList<>();
        for (KiePackage p : set.kieBase().getKiePackages()) {
            for (var r : p.getRules()) {
                RuleImpl i = (RuleImpl) r;
                out.add(p.getName() + " | " + r.getName() + " | salience " + i.getSalience() + " | agenda " + i.getAgendaGroup()
                        + " | activation " + i.getActivationGroup() + " | noLoop " + i.isNoLoop() + " | lockOnActive " + i.isLockOnActive()
                        + " | enabled " + i.getEnabled() + " | " + new java.util.TreeMap<>(r.getMetaData()) + " | " + RuleCheck.ruleLabel(r));
            }
        }
        out.sort(null);
        return out;
    }

    private static List<String> findings(RuleSet set, Path rules, List<Path> inputs) throws IOException {
        Auditor a = new Auditor(new Ingestor(), new ReportParser(), set, Grading.load(TestSupport.RULES));
        List<String> out = new ArrayList<>();
        for (Path f : inputs) {
            var r = a.audit(f);
            out.add(f.getFileName() + " score " + r.score());
            for (Finding x : r.findings()) out.add(x.toString());
        }
        return out;
    }

    private static List<Path> samples() throws IOException {
        try (Stream<Path> s = Files.list(TestSupport.SAMPLES)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Test
    void theShippedTablesGivenAsDrlBuildTheRulesAndFindingsOfTheWorkbooks() throws Exception {
        Path rules = Path.of("rules");
        RuleSet fromWorkbooks = RuleSet.loadClassic(rules, false);
        RuleSet fromDrl;
        try {
            fromDrl = RuleSet.loadClassic(rules, true);
        } catch (RuleCompileException e) {
            throw new AssertionError(e.errors().toString(), e);
        }
        List<String> described = described(fromDrl);
        assertThat(described).isEqualTo(described(fromWorkbooks))
                .anySatisfy(d -> assertThat(d).contains("salience 1000").contains("| weights.drl.xlsx 规则“"));
        assertThat(fromDrl.rules()).isEqualTo(fromWorkbooks.rules());
        assertThat(findings(fromDrl, rules, samples())).isEqualTo(findings(fromWorkbooks, rules, samples())).hasSizeGreaterThan(10);
    }

    /** A table of our own (another package, a condition column, a name column, PRIORITY) beside a DRL file. */
    private Path ownRules() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("rules"));
        Files.writeString(dir.resolve("own.drl"), """
                package t.tbl;
                import nianbao.model.*;
                global nianbao.rules.Findings findings;
                rule "any year" @code("T-TBL-0") @severity("info") @points(0) salience 0
                when Report( reportYear != null ) then findings.add(drools.getRule(), "有年度", Location.none()); end
                """, StandardCharsets.UTF_8);
        DecisionTableWriter.write(dir.resolve("years.drl.xlsx"), "t.tbl", "nianbao.model.*", "Years", List.of("说明：年度表"),
                List.of(new Column("NAME", "", "", "规则名", 10),
                        new Column("CONDITION", "$r : Report", "reportYear >= $param", "起始年度", 8),
                        Column.action("findings.add(drools.getRule(), \"$param\", Location.none());", "提示", 20)),
                List.of(List.of("从2019起", "2019", "新格式年度"), List.of("从2008起", "2008", "条例施行以后"), List.of("从2100起", "2100", "不会出现")));
        return dir;
    }

    @Test
    void aTableOfAnotherLayoutGivesTheSameRulesAndFindingsAsDrlAsFromItsWorkbook() throws Exception {
        Path rules = ownRules();
        RuleSet fromWorkbook = RuleSet.loadClassic(rules, false);
        RuleSet fromDrl = RuleSet.loadClassic(rules, true);
        assertThat(described(fromDrl)).isEqualTo(described(fromWorkbook)).hasSize(4)
                .filteredOn(d -> d.contains("years.drl.xlsx")).hasSize(3).allSatisfy(d -> assertThat(d).contains("salience 1000"));
        List<Path> inputs = List.of(TestSupport.sample("002"));
        assertThat(findings(fromDrl, rules, inputs)).isEqualTo(findings(fromWorkbook, rules, inputs))
                .anySatisfy(f -> assertThat(f).contains("新格式年度")).noneSatisfy(f -> assertThat(f).contains("不会出现"));
        // and the executable model built from the DRL judges alike
        RuleSet model = RuleSet.load(rules, null);
        assertThat(findings(model, rules, inputs)).isEqualTo(findings(fromWorkbook, rules, inputs));
    }

    @Test
    void anEditedTablesDrlIsConvertedOnceIntoTheCacheFolderAndReadFromThereAfter() throws Exception {
        Path rules = ownRules();
        Path cache = tmp.resolve("cache");
        byte[] bytes = Files.readAllBytes(rules.resolve("years.drl.xlsx"));
        String key = DecisionTables.key("years.drl.xlsx", bytes);
        assertThat(key).endsWith("-xls-drools-" + RuleSet.DROOLS_VERSION + ".drl");
        assertThat(DecisionTables.key("years.drl.csv", bytes)).isNotEqualTo(key);
        String drl = DecisionTables.drl("years.drl.xlsx", bytes, getClass().getClassLoader(), cache);
        assertThat(drl).contains("package t.tbl;").contains("rule \"从2019起\"").contains("salience 1000");
        Path cached = cache.resolve(DecisionTables.CACHED).resolve(key);
        assertThat(cached).hasContent(drl);
        try (Stream<Path> s = Files.list(cached.getParent())) {
            assertThat(s).containsExactly(cached); // no temporary file left
        }
        // read from the cache, not converted again (the content proves where it came from)
        Files.writeString(cached, drl.replace("新格式年度", "缓存中的文字"), StandardCharsets.UTF_8);
        assertThat(DecisionTables.drl("years.drl.xlsx", bytes, getClass().getClassLoader(), cache)).contains("缓存中的文字");
        // another table's bytes: another entry
        RulesCommandTest.setTableCell(rules.resolve("years.drl.xlsx"), "从2019起", "提示", "改过的提示");
        byte[] edited = Files.readAllBytes(rules.resolve("years.drl.xlsx"));
        assertThat(DecisionTables.drl("years.drl.xlsx", edited, getClass().getClassLoader(), cache)).contains("改过的提示");
        assertThat(cache.resolve(DecisionTables.CACHED).resolve(DecisionTables.key("years.drl.xlsx", edited))).isRegularFile();
        // a load with the cache folder finds the edited text there
        RuleSet set = RuleSet.load(rules, cache);
        assertThat(findings(set, rules, List.of(TestSupport.sample("002")))).anySatisfy(f -> assertThat(f).contains("改过的提示"));
    }

    @Test
    void aMistakeInATableStillNamesTheSheetRowAndAnUnreadableTableTheSameErrorAsBefore() throws Exception {
        Path rules = RulesCli.copyRules(tmp);
        RulesCommandTest.setTableCell(rules.resolve("weights.drl.xlsx"), "SEC-ORDER", "扣分", "两分");
        List<RuleError> fromDrl = errors(() -> RuleSet.loadClassic(rules, true));
        assertThat(fromDrl).isEqualTo(errors(() -> RuleSet.loadClassic(rules, false)));
        assertThat(fromDrl).anySatisfy(e -> {
            assertThat(e.file()).isEqualTo("weights.drl.xlsx");
            assertThat(e.message()).contains("两分").containsPattern("表格第\\d+行 / sheet row \\d+");
        });
        Path own = ownRules();
        Files.writeString(own.resolve("years.drl.xlsx"), "不是表格 / not a workbook");
        assertThat(errors(() -> RuleSet.loadClassic(own, true))).isEqualTo(errors(() -> RuleSet.loadClassic(own, false)))
                .allSatisfy(e -> assertThat(e.file()).isIn("years.drl.xlsx", own.toString()));
    }

    private interface Load {
        RuleSet run() throws RuleCompileException;
    }

    private static List<RuleError> errors(Load load) {
        try {
            load.run();
        } catch (RuleCompileException e) {
            assertThat(e.errors()).isNotEmpty();
            return e.errors();
        }
        throw new AssertionError("the rules compiled");
    }

    @Test
    void aRunRightAfterARuleFileEditLoadsNoPoiAndNoKjarMachinery() throws Exception {
        Path rules = RulesCli.copyRules(tmp);
        Path cache = tmp.resolve("cache");
        // a first edit: the tables' DRL comes from the build (or, in a build that has not packaged yet, into the cache)
        Files.writeString(rules.resolve("content.drl"), "\n// 修改 / edited\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        assertThat(classesLoaded(rules, cache)).anySatisfy(l -> assertThat(l).contains("nianbao.rules.RuleSet"));
        // the next edit of a rule file, tables unchanged
        Files.writeString(rules.resolve("content.drl"), "\n// 再改 / edited again\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        List<String> loaded = classesLoaded(rules, cache);
        assertThat(loaded).anySatisfy(l -> assertThat(l).contains("org.drools.compiler")); // it did build
        assertThat(loaded).noneSatisfy(l -> assertThat(l).contains("org.apache.poi"));
        assertThat(loaded).noneSatisfy(l -> assertThat(l).containsAnyOf("org.apache.xmlbeans", "SpreadsheetCompiler", "org.drools.decisiontable.parser"));
        // the classic build goes straight to a KieBase: no kjar (kmodule.xml through XStream, KieContainer)
        assertThat(loaded).noneSatisfy(l -> assertThat(l).containsAnyOf("com.thoughtworks.xstream", "KieContainerImpl"));
    }

    /** The classes a fresh JVM loads to load the rules under {@code rules} (RuleSet.load) with this cache folder. */
    private List<String> classesLoaded(Path rules, Path cache) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = Files.createTempFile(tmp, "classes", ".txt");
        Process p = new ProcessBuilder(java, "-Xshare:off", "-Xlog:class+load=info:file=" + log, "-Dnianbao.rules.cacheWriter=off",
                "-cp", System.getProperty("java.class.path"), LoadRules.class.getName(), rules.toString(), cache.toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("child.out").toFile()).start();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(tmp.resolve("child.out"))).isZero();
        assertThat(Files.readString(tmp.resolve("child.out"))).contains("rules: ");
        return Files.readAllLines(log);
    }

    /** The child JVM of {@link #aRunRightAfterARuleFileEditLoadsNoPoiAndNoKjarMachinery}. */
    public static final class LoadRules {
        public static void main(String[] args) throws Exception {
            RuleSet set = RuleSet.load(Path.of(args[0]), Path.of(args[1]));
            System.out.println("rules: " + set.rules().size() + (set.classicBuild() ? " classic" : ""));
        }
    }

    @Test
    void unreadableTablesAreLeftToDroolsWhichSaysWhy() {
        assertThat(DecisionTables.drl("x.drl.xlsx", "not a workbook".getBytes(StandardCharsets.UTF_8), getClass().getClassLoader(), null)).isNull();
        assertThatThrownBy(() -> DecisionTables.convert("x.drl.xlsx", "not a workbook".getBytes(StandardCharsets.UTF_8))).isInstanceOf(RuntimeException.class);
    }
}
