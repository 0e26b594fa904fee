package nianbao.parse.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nianbao.parse.tables.NarrativeFigures.Figure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The reader of narrative figures that break ties in flattened tables: sentences of our own (in no corpus file),
 * taken when they clearly state one cell for the whole body and the report year, ignored otherwise.
 */
class NarrativeFiguresTest {

    private static List<String> read(String text, int year) {
        return NarrativeFigures.ofText(7, text, year).stream()
                .map(f -> f.table() + "/" + String.join("+", f.rows()) + "/" + String.join("+", f.cols()) + "=" + f.value().toPlainString())
                .toList();
    }

    @Test
    void applicationsReceivedConcludedAndCarriedOver() {
        assertThat(read("本年度我局共收到公民、法人或其他组织提交的政府信息公开申请25件，上年结转3件，办结26件，结转下年度继续办理2件。", 2022))
                .containsExactly("T3/1/total=25", "T3/2/total=3", "T3/3.7/total=26", "T3/4/total=2");
        assertThat(read("本局收到信息公开申请8件；办理完结7件，结转到下一年度办理1件。", 2024))
                .containsExactly("T3/1/total=8", "T3/3.7/total=7", "T3/4/total=1");
        // the results of the applications, also when a 其中 introduces them
        assertThat(read("2022年新收政府信息公开申请12件，其中予以公开7件、部分公开3件。", 2022))
                .containsExactly("T3/1/total=12", "T3/3.1/total=7", "T3/3.2/total=3");
        Figure f = NarrativeFigures.ofText(7, "　　全年收到政府信息公开申请12件，均按时答复。　　二、主动公开", 2022).get(0);
        assertThat(f.line()).isEqualTo(7);
        assertThat(f.sentence()).isEqualTo("全年收到政府信息公开申请12件，均按时答复。");
    }

    @Test
    void documentsIssuedRepealedAndInForce() {
        // a list whose later items take the verb or the documents of the item before
        assertThat(read("全年印发本局行政规范性文件3件、废止2件，现行有效规范性文件15件。", 2022))
                .containsExactly("T2/normative/issued=3", "T2/normative/repealed=2", "T2/normative/in_force=15");
        assertThat(read("本年度制定规章1件、规范性文件4件。", 2023))
                .containsExactly("T2/regulation/issued=1", "T2/normative/issued=4");
    }

    @Test
    void reviewsAndLawsuitsAboutDisclosure() {
        assertThat(read("2021年因政府信息公开工作被申请行政复议1件、被提起行政诉讼2件。", 2021))
                .containsExactly("T4/review/total=1", "T4/suit_direct+suit_after_review/total+total=2");
        assertThat(read("全年发生涉及信息公开的行政复议案件3起。", 2021)).containsExactly("T4/review/total=3");
        // a justice bureau's own review caseload is no figure about disclosure
        assertThat(read("全年办理行政复议案件35件，行政诉讼12件。", 2021)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "全年收到政府信息公开申请约30件。",                       // approximate
            "全年收到政府信息公开申请30余件。",
            "全年收到政府信息公开申请30件以上。",
            "累计收到政府信息公开申请30件。",                         // cumulative
            "2017年以来收到政府信息公开申请30件。",
            "2021年收到政府信息公开申请30件。",                       // another year
            "全市共收到政府信息公开申请30件。",                       // the whole city, not the body
            "各乡镇收到政府信息公开申请30件。",                       // sub-units
            "局属事业单位收到政府信息公开申请30件。",
            "全年收到申请20件，其中，局机关收到政府信息公开申请30件。", // a part of the whole (the 20 is still taken)
            "全年收到政府信息公开申请较上年增加30件。",                 // a difference
            "收到自然人申请30件。",                                   // one kind of applicant, not the total
            "牵头起草省政府规范性文件30件。",                         // drafted for another body
            "门户网站发布规范性文件30件。",                           // published, not issued
            "全年收到政府信息公开申请30次。",                         // another unit
            "（其中收到政府信息公开申请30件）",                       // inside brackets
            "全年收到政府信息公开申请30件（含上年结转2件）。",         // takes in the year before's
            "全年主动公开信息500条（依申请公开方面：新收政府信息公开申请30件）。", // a bracket over two clauses
    })
    void statementsThatAreNotAboutTheCellAreIgnored(String sentence) {
        assertThat(read(sentence, 2022)).noneMatch(s -> s.endsWith("=30"));
    }

    @Test
    void aCellTheTextGivesTwoValuesIsGivenNone() {
        assertThat(read("全年收到政府信息公开申请12件。全年共收到信息公开申请14件，办结14件。", 2022))
                .containsExactly("T3/3.7/total=14");
        // the same value twice is one figure
        assertThat(read("全年收到政府信息公开申请12件。我局收到政府信息公开申请12件。", 2022)).containsExactly("T3/1/total=12");
    }
}
