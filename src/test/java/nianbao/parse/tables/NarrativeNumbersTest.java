package nianbao.parse.tables;

import static nianbao.TestSupport.audit;
import static nianbao.TestSupport.auditEdited;
import static nianbao.TestSupport.findings;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import nianbao.model.Finding;
import nianbao.model.SourceLine;
import nianbao.model.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** TXT-NUMBERS: narrative numbers against the tables, and stated parts against their stated total. */
class NarrativeNumbersTest {
    @TempDir
    Path tmp;

    private static final String SENTENCE = "2020年共收到政府信息公开申请37件,其中,自然人申请33件,商业企业申请3件,科研机构申请1件";

    @Test
    void statementsOfASentenceWithABreakdown() {
        List<Statement> s = NarrativeNumbers.of(List.of(line(9, SENTENCE + ",全部依法依规予以答复。")));
        assertThat(s).extracting(Statement::phrase).containsExactly("2020年共收到政府信息公开申请", "自然人申请", "商业企业申请", "科研机构申请");
        assertThat(s).extracting(Statement::role).containsExactly("total", "part", "part", "part");
        assertThat(s).allMatch(x -> x.line() == 9 && !x.approximate());
        // a breakdown in the next sentence belongs to the total before it; "余" marks an approximate number
        List<Statement> t = NarrativeNumbers.of(List.of(line(1, "主动公开政府信息8532条。其中:财政资金类信息175条,公共服务类信息81余条。")));
        assertThat(t).extracting(Statement::role).containsExactly("total", "part", "part");
        assertThat(t.get(2).approximate()).isTrue();
        assertThat(NarrativeNumbers.of(List.of(line(1, "| 一、本年新收 | 37件 |")))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"000", "001", "002", "003", "004"})
    void noSampleContradictsItself(String sample) {
        assertThat(findings(audit(sample), "TXT-NUMBERS")).isEmpty();
    }

    @Test
    void restatedApplicationCountsAreComparedWithT3() throws IOException {
        var r = auditEdited(tmp, "003", "自然人申请33件", "自然人申请35件");
        assertThat(findings(r, "TXT-NUMBERS")).anySatisfy(f -> {
            assertThat(f.message()).contains("第9行", "自然人申请", "35件", "表三中对应数字为33", "第168行", "相差2");
            assertThat(f.location().line()).isEqualTo(9);
        });
        var total = auditEdited(tmp, "003", "共收到政府信息公开申请37件", "共收到政府信息公开申请40件");
        assertThat(findings(total, "TXT-NUMBERS")).singleElement().satisfies(f -> assertThat(f.message()).contains("40件", "为37"));
    }

    @Test
    void outcomesCarryOverAndReviewsAreCompared() throws IOException {
        String ok = "全年办结申请37件,结转下年度0件,予以公开及部分公开20件。发生政府信息公开行政复议8件、行政诉讼14件。";
        assertThat(findings(auditEdited(tmp, "003", "全部依法依规予以答复", ok), "TXT-NUMBERS")).isEmpty();
        String bad = "全年办结申请69件,结转1件,予以公开及部分公开258件。发生政府信息公开行政复议2件、行政诉讼7件。";
        List<Finding> fs = findings(auditEdited(tmp, "003", "全部依法依规予以答复", bad), "TXT-NUMBERS");
        assertThat(fs).extracting(Finding::message).anyMatch(m -> m.contains("办结申请") && m.contains("69件"))
                .anyMatch(m -> m.contains("结转下年度办理") && m.contains("1件"))
                .anyMatch(m -> m.contains("予以公开及部分公开") && m.contains("为20"))
                .anyMatch(m -> m.contains("行政复议") && m.contains("为8"))
                .anyMatch(m -> m.contains("行政诉讼") && m.contains("为14"));
        assertThat(fs).hasSize(5);
    }

    @Test
    void numbersAboutOtherBusinessAreNotRestatements() throws IOException {
        String other = "县行政服务中心累计受理130641件,办结130408件。全年办理行政复议案件120件、行政诉讼案件7件。";
        assertThat(findings(auditEdited(tmp, "003", "全部依法依规予以答复", "全部依法依规予以答复。" + other), "TXT-NUMBERS")).isEmpty();
    }

    @Test
    void partsExceedingTheirTotal() throws IOException {
        assertThat(findings(audit("002"), "TXT-NUMBERS")).isEmpty(); // 1136+1627+2057 = 4820
        var r = auditEdited(tmp, "002", "政务动态类信息1136条", "政务动态类信息3136条");
        assertThat(findings(r, "TXT-NUMBERS")).singleElement().satisfies(f ->
                assertThat(f.message()).contains("共4820条", "3项合计6820条", "超过总数2000条"));
    }

    /** Report 003 with {@code text} added as a paragraph of its own after the application counts. */
    private List<Finding> withParagraph(String text) throws IOException {
        return findings(auditEdited(tmp, "003", "全部依法依规予以答复。", "全部依法依规予以答复。\n" + text + "\n"), "TXT-NUMBERS");
    }

    @Test
    void aCompleteListMustAddUpToItsTotal() throws IOException {
        // another wording: 累计发布…：其中…、…、其余…, items cut by 、
        String ok = "全年累计发布政府信息300条:其中政务动态120条、通知公告80条、人事信息40条、其余60条。";
        assertThat(withParagraph(ok)).isEmpty();
        List<Finding> bad = withParagraph(ok.replace("其余60条", "其余50条"));
        assertThat(bad).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("共300条", "4项", "其他", "120+80+40+50=290条", "相差10条", "其余50条");
            assertThat(f.evidence()).contains("全年累计发布政府信息300条");
        });
    }

    @Test
    void sharesRoundedToOneDecimalAndAddingToAHundredMakeTheListComplete() throws IOException {
        // 83/250 = 33.2 %, 167/250 = 66.8 %: consistent; in two sentences linked by their shares
        String ok = "本年度共公开文件250条,其中政策文件83条,占比33.2%。工作动态167条,占比66.8%。";
        assertThat(withParagraph(ok)).isEmpty();
        assertThat(NarrativeNumbers.of(List.of(line(1, ok)))).extracting(Statement::role).containsExactly("total", "part", "part");
        // 176 instead of 167: the parts claim the whole (33.2+66.8 = 100 %) but add up to 259, and 176/250 is 70.4 %
        List<Finding> bad = withParagraph(ok.replace("167条", "176条"));
        assertThat(bad).hasSize(2);
        assertThat(bad).extracting(Finding::message)
                .anyMatch(m -> m.contains("各项占比合计100%") && m.contains("83+176=259条") && m.contains("相差9条"))
                .anyMatch(m -> m.contains("占66.8%") && m.contains("176÷250=70.4%") && m.contains("相差3.6个百分点"));
    }

    @Test
    void aStatedShareIsCheckedAgainstTheFramedTotalWithinItsRounding() throws IOException {
        // "在…N条…中" frames the total; 33/120 = 27.5 %, stated 27 % (truncated) or 28 % (rounded) are both fine
        String frame = "在本机关门户网站发布的120条信息中,规划计划类33条,占27%;财政信息12条,占10%。";
        assertThat(withParagraph(frame)).isEmpty();
        assertThat(withParagraph(frame.replace("占27%", "占28%"))).isEmpty();
        assertThat(withParagraph(frame.replace("占10%", "占12.5%"))).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("财政信息12条", "12÷120=10%", "在本机关门户网站发布的120条信息中"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "全年主动公开信息300条,其中政务动态120条,通知公告80条。",                  // incomplete: no 其他, no shares
            "全年主动公开信息300条,其中政务动态120件,其他类80件。",                    // parts in 件 under a total in 条
            "全年主动公开信息300余条,其中政务动态120条,其他类80条。",                  // approximate total
            "全年主动公开信息300条,其中政务动态120条,其他类80条以上。",                // approximate part
            "全年主动公开信息300条,其中政务动态100-120条,其他类80条。",                // a range
            "全年主动公开信息300条,其中政策文件100条(含规章20条),其他类80条。",        // a sub-list in brackets
            "全年主动公开信息300条,其中政策文件100条,其中规章20条,其他类80条。",       // 其中…其中
            "全年主动公开信息300条。政务动态120条,其他类80条。",                       // other sentence, no 其中
            "全年主动公开信息300条。其中通过政府网站公开工作动态120条,其他信息80条。",   // a scoped subset
            "全年主动公开信息300条,其中政务动态120条,占40%;通知公告90条,占30%。",     // shares 70 %: incomplete, both right
            "全年主动公开信息300条,其中政务动态120条,占40%。全年办理建议提案12条,占比15%。" // a new count, not the next item
    })
    void listsThatDoNotClaimToBeTheWholeOrAreNotPlainCountsAreNotAccused(String text) throws IOException {
        assertThat(withParagraph(text)).isEmpty();
    }

    private static SourceLine line(int no, String text) {
        return new SourceLine(no, text, null, nianbao.parse.Normalizer.norm(text));
    }
}
