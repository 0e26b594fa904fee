package nianbao;

import static nianbao.TestSupport.audit;
import static nianbao.TestSupport.findings;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import nianbao.model.AgencyLevel;
import nianbao.model.Format;
import nianbao.model.Report;
import nianbao.model.Section;
import nianbao.pipeline.AuditResult;
import org.junit.jupiter.api.Test;

/** The five bundled real reports, audited end to end: what the core issue says must be true of each. */
class SamplesAuditTest {

    private static Report report(AuditResult r) {
        assertThat(r.failed()).as(r.errorMessage()).isFalse();
        return r.report();
    }

    @Test
    void county2021OnTheNewFormat() {
        AuditResult r = audit("000");
        Report rep = report(r);
        assertThat(rep.formatDetected()).isEqualTo(Format.GB_2021);
        assertThat(rep.reportYear()).isEqualTo(2021);
        assertThat(rep.publishedOn()).isEqualTo(LocalDate.of(2022, 2, 21));
        assertThat(rep.agencyLevel()).isEqualTo(AgencyLevel.GOVERNMENT);
        assertThat(rep.sections()).extracting(Section::id).containsExactly("S1", "S2", "S3", "S4", "S5", "S6");
        assertThat(findings(r, "SEC-MISSING")).isEmpty();
        assertThat(findings(r, "DL-LATE")).isEmpty();
    }

    @Test
    void legacy2017MissesOnlyTheOtherMattersSection() {
        AuditResult r = audit("001");
        Report rep = report(r);
        assertThat(rep.formatDetected()).isEqualTo(Format.LEGACY_2008);
        assertThat(rep.reportYear()).isEqualTo(2017);
        assertThat(rep.publishedOn()).isEqualTo(LocalDate.of(2018, 2, 11));
        assertThat(rep.period().from()).isEqualTo(LocalDate.of(2017, 1, 1));
        assertThat(rep.period().to()).isEqualTo(LocalDate.of(2017, 12, 31));
        assertThat(findings(r, "SEC-MISSING")).singleElement()
                .satisfies(f -> assertThat(f.location().section()).isEqualTo("L6"))
                .satisfies(f -> assertThat(f.message()).contains("其他需要报告的事项"));
        assertThat(findings(r, "DL-LATE")).isEmpty();
    }

    @Test
    void departmentReportPublishedBeforeItsJanuaryDeadline() {
        AuditResult r = audit("002");
        Report rep = report(r);
        assertThat(rep.formatDetected()).isEqualTo(Format.GB_2021);
        assertThat(rep.reportYear()).isEqualTo(2021);
        assertThat(rep.agencyLevel()).isEqualTo(AgencyLevel.DEPARTMENT);
        assertThat(rep.agency()).isEqualTo("繁峙县人民政府办公室");
        assertThat(rep.publishedOn()).isEqualTo(LocalDate.of(2022, 1, 24));
        assertThat(findings(r, "DL-LATE")).isEmpty();
        assertThat(findings(r, "SEC-MISSING")).isEmpty();
    }

    @Test
    void city2020OnThe2019Format() {
        AuditResult r = audit("003");
        Report rep = report(r);
        assertThat(rep.formatDetected()).isEqualTo(Format.GB_2019);
        assertThat(rep.formatExpected()).isEqualTo(Format.GB_2019);
        assertThat(rep.reportYear()).isEqualTo(2020);
        assertThat(rep.period().from()).isEqualTo(LocalDate.of(2020, 1, 1));
        assertThat(rep.period().to()).isEqualTo(LocalDate.of(2020, 12, 31));
        assertThat(findings(r, "SEC-MISSING")).isEmpty();
        assertThat(findings(r, "FMT-OUTDATED")).isEmpty();
    }

    @Test
    void township2022FromPdfMarkdown() {
        AuditResult r = audit("004");
        Report rep = report(r);
        assertThat(rep.formatDetected()).isEqualTo(Format.GB_2021);
        assertThat(rep.reportYear()).isEqualTo(2022);
        assertThat(rep.agencyLevel()).isEqualTo(AgencyLevel.TOWNSHIP);
        // "2022 年 1 2 月 31 日": OCR spacing inside the date must not hide the period.
        assertThat(rep.period().to()).isEqualTo(LocalDate.of(2022, 12, 31));
        assertThat(rep.period().evidence()).contains("1 2 月");
    }

    @Test
    void everySampleScoresWithinRangeAndGradeMatchesScore() {
        for (String s : new String[] {"000", "001", "002", "003", "004"}) {
            AuditResult r = audit(s);
            int deducted = r.findings().stream().mapToInt(f -> f.points()).sum();
            assertThat(r.score()).as(s).isEqualTo(Math.max(0, 100 - deducted));
            boolean critical = r.findings().stream().anyMatch(f -> f.severity() == nianbao.model.Severity.CRITICAL);
            // A critical finding caps the grade at 不合格 (rules/scoring.properties), whatever the score.
            assertThat(r.grade()).as(s).isEqualTo(critical ? "不合格"
                    : r.score() >= 90 ? "优秀" : r.score() >= 75 ? "良好" : r.score() >= 60 ? "合格" : "不合格");
        }
    }

    @Test
    void theDefacedSampleGradesFailedByDefault() {
        AuditResult r = audit("003");
        assertThat(r.findings()).anyMatch(f -> f.code().equals("INT-SPAM"));
        assertThat(r.score()).isGreaterThanOrEqualTo(60);   // its points alone would pass it
        assertThat(r.grade()).isEqualTo("不合格");
    }
}
