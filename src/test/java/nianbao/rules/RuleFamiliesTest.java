package nianbao.rules;

import static nianbao.TestSupport.audit;
import static nianbao.TestSupport.auditEdited;
import static nianbao.TestSupport.findings;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import nianbao.model.Finding;
import nianbao.model.Severity;
import nianbao.pipeline.AuditResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each rule family on real text: a sample that passes, and an edited copy of a real sample that
 * fails, asserting the code, its metadata and where it points.
 */
class RuleFamiliesTest {
    @TempDir
    Path tmp;

    @Test
    void fmtOutdated_a2021ReportOnThe2019Format() throws IOException {
        assertThat(findings(audit("003"), "FMT-OUTDATED")).isEmpty();
        AuditResult r = auditEdited(tmp, "003", "自2020年1月1日起,至2020年12月31日止", "自2021年1月1日起,至2021年12月31日止");
        Finding f = findings(r, "FMT-OUTDATED").get(0);
        assertThat(f.severity()).isEqualTo(Severity.MAJOR);
        assertThat(f.message()).contains("2021", "GB_2021", "GB_2019");
        assertThat(f.location().line()).isEqualTo(23); // the first 2019-format column header
        // no title: the year comes from the stated period
        assertThat(r.report().reportYear()).isEqualTo(2021);
    }

    @Test
    void fmtMixed_aColumnOfThe2019FormatInA2021Table() throws IOException {
        assertThat(findings(audit("000"), "FMT-MIXED")).isEmpty();
        AuditResult r = auditEdited(tmp, "000", "本年制发件数", "本年新制作数量");
        Finding f = findings(r, "FMT-MIXED").get(0);
        assertThat(f.location().line()).isEqualTo(51);
        assertThat(f.evidence()).contains("本年新制作数量");
    }

    @Test
    void fmtUnknown_whenNoMarkerOfAnyFormatRemains() throws IOException {
        assertThat(findings(audit("001"), "FMT-UNKNOWN")).isEmpty();
        AuditResult r = auditEdited(tmp, "001", "一、概述", "一、工作回顾", "四、依申请公开政府信息情况", "四、申请办理情况",
                "五、咨询处理情况", "五、答复情况");
        assertThat(r.report().formatDetected()).isEqualTo(nianbao.model.Format.UNKNOWN);
        assertThat(findings(r, "FMT-UNKNOWN")).hasSize(1);
    }

    @Test
    void yearUnknown_whenNoYearIsStatedAnywhere() throws IOException {
        assertThat(findings(audit("002"), "YEAR-UNKNOWN")).isEmpty();
        AuditResult r = auditEdited(tmp, "002", "2021年", "本年", "2022年1月24日", "一月二十四日");
        assertThat(r.report().reportYear()).isNull();
        assertThat(findings(r, "YEAR-UNKNOWN")).hasSize(1);
    }

    @Test
    void yearMismatchAndPeriodMismatch_whenThePeriodIsAnotherYear() throws IOException {
        AuditResult ok = audit("001");
        assertThat(findings(ok, "YEAR-MISMATCH")).isEmpty();
        assertThat(findings(ok, "PER-MISMATCH")).isEmpty();
        AuditResult r = auditEdited(tmp, "001", "自2017年1月1日起至2017年12月31日止", "自2016年1月1日起至2016年12月31日止");
        Finding y = findings(r, "YEAR-MISMATCH").get(0);
        assertThat(y.message()).contains("2017", "2016");
        assertThat(y.location().line()).isEqualTo(7);
        Finding p = findings(r, "PER-MISMATCH").get(0);
        assertThat(p.evidence()).contains("2016年1月1日");
        assertThat(p.location().line()).isEqualTo(7);
    }

    @Test
    void secMissing_oneFindingPerAbsentSection() throws IOException {
        AuditResult r = auditEdited(tmp, "002", "六、其他需要报告的事项", "");
        assertThat(findings(r, "SEC-MISSING")).singleElement()
                .satisfies(f -> assertThat(f.location().section()).isEqualTo("S6"))
                .satisfies(f -> assertThat(f.points()).isEqualTo(5));
    }

    @Test
    void secOrder_sectionsFiveAndSixSwapped() throws IOException {
        assertThat(findings(audit("003"), "SEC-ORDER")).isEmpty();
        AuditResult r = auditEdited(tmp, "003", "五、存在的主要问题及改进情况", "@@", "六、其他需要报告的事项", "五、存在的主要问题及改进情况",
                "@@", "六、其他需要报告的事项");
        assertThat(findings(r, "SEC-ORDER")).singleElement()
                .satisfies(f -> assertThat(f.location().section()).isEqualTo("S5"))
                .satisfies(f -> assertThat(f.location().line()).isEqualTo(640));
    }

    @Test
    void secHeading_aKnownVariantIsNotedAsInfo() {
        assertThat(findings(audit("002"), "SEC-HEADING")).isEmpty();
        Finding f = findings(audit("000"), "SEC-HEADING").get(0);
        assertThat(f.severity()).isEqualTo(Severity.INFO);
        assertThat(f.location().section()).isEqualTo("S5");
        assertThat(f.location().line()).isEqualTo(609);
        assertThat(f.evidence()).isEqualTo("五、 存在的问题及改进情况");
    }

    @Test
    void secThin_aSectionWithAlmostNoText() throws IOException {
        assertThat(findings(audit("001"), "SEC-THIN")).isEmpty();
        AuditResult r = auditEdited(tmp, "001", "本年度未接到有关政府信息公开方面的行政复议、行政诉讼和行政申诉的案件。", "无。");
        assertThat(findings(r, "SEC-THIN")).singleElement()
                .satisfies(f -> assertThat(f.location().section()).isEqualTo("L4"))
                .satisfies(f -> assertThat(f.location().line()).isEqualTo(51));
        // "无" is an acceptable body for the other-matters section, but nothing at all is not
        assertThat(findings(audit("003"), "SEC-THIN")).isEmpty();
        AuditResult empty = auditEdited(tmp, "003", "六、其他需要报告的事项\n无。", "六、其他需要报告的事项\n");
        assertThat(findings(empty, "SEC-THIN")).singleElement().satisfies(f -> assertThat(f.location().section()).isEqualTo("S6"));
    }

    @Test
    void perMissing_isInfoOnly() {
        assertThat(findings(audit("001"), "PER-MISSING")).isEmpty();
        Finding f = findings(audit("000"), "PER-MISSING").get(0);
        assertThat(f.severity()).isEqualTo(Severity.INFO);
        assertThat(f.points()).isZero();
    }

    @Test
    void perMismatch_aPeriodEndingInJune() throws IOException {
        assertThat(findings(audit("004"), "PER-MISMATCH")).isEmpty();
        AuditResult r = auditEdited(tmp, "004", "1 2 月 31 日", "6 月 30 日");
        assertThat(findings(r, "PER-MISMATCH")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("2022-06-30"))
                .satisfies(f -> assertThat(f.location().line()).isEqualTo(3));
    }

    @Test
    void dlLate_aDepartmentPublishingAfterJanuary31() throws IOException {
        AuditResult r = auditEdited(tmp, "002", "2022年1月24日", "2022年2月24日");
        Finding f = findings(r, "DL-LATE").get(0);
        assertThat(f.message()).contains("逾期24天");
        assertThat(f.location().line()).isEqualTo(415);
    }

    @Test
    void dlLate_legacyReportsHaveUntilMarch31() throws IOException {
        assertThat(findings(auditEdited(tmp, "001", "发布时间: 2018-02-11", "发布时间: 2018-03-31"), "DL-LATE")).isEmpty();
        AuditResult late = auditEdited(tmp, "001", "发布时间: 2018-02-11", "发布时间: 2018-04-11");
        assertThat(findings(late, "DL-LATE")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("逾期11天"))
                .satisfies(f -> assertThat(f.location().line()).isEqualTo(5));
    }

    @Test
    void dlUnknown_whenNoDateIsGiven() {
        assertThat(findings(audit("000"), "DL-UNKNOWN")).isEmpty();
        assertThat(findings(audit("003"), "DL-UNKNOWN")).hasSize(1);
    }

    @Test
    void townshipsHaveNoNationalDeadline() throws IOException {
        AuditResult r = auditEdited(tmp, "004", "六、其他需要报告的事项", "六、其他需要报告的事项\n\n2023年6月30日");
        assertThat(r.report().publishedOn()).hasToString("2023-06-30");
        assertThat(findings(r, "DL-LATE")).isEmpty();
    }

    @Test
    void txtOverall_namesEachMissingSubArea() {
        assertThat(findings(audit("002"), "TXT-OVERALL")).isEmpty();
        assertThat(findings(audit("004"), "TXT-OVERALL")).extracting(Finding::message)
                .anySatisfy(m -> assertThat(m).contains("政府信息管理"))
                .allSatisfy(m -> assertThat(m).startsWith("总体情况中没有"));
    }

    @Test
    void txtGov504_aGovernmentReportSilentOnAssessment() throws IOException {
        assertThat(findings(audit("000"), "TXT-GOV-50-4")).hasSize(1);
        AuditResult fixed = auditEdited(tmp, "000", "一、总体情况\n", "一、总体情况\n本年度开展了政务公开工作考核和社会评议。\n");
        assertThat(findings(fixed, "TXT-GOV-50-4")).isEmpty();
        // departments are not bound by article 50(4)
        assertThat(findings(audit("002"), "TXT-GOV-50-4")).isEmpty();
    }

    @Test
    void txtFee_otherMattersShouldMentionTheProcessingFee() throws IOException {
        Finding f = findings(audit("000"), "TXT-FEE").get(0);
        assertThat(f.location().section()).isEqualTo("S6");
        AuditResult fixed = auditEdited(tmp, "000", "六、其他需要报告的事项:无。", "六、其他需要报告的事项:本年度未收取信息处理费。");
        assertThat(findings(fixed, "TXT-FEE")).isEmpty();
        // only the 2021 format asks for it
        assertThat(findings(audit("003"), "TXT-FEE")).isEmpty();
    }
}
