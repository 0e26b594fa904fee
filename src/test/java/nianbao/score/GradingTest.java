package nianbao.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import nianbao.model.Finding;
import nianbao.model.Location;
import nianbao.model.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GradingTest {
    private static List<Finding> points(int total) {
        return Collections.nCopies(total, new Finding("X", "t", Severity.MINOR, "c", "m", 1, "b", Location.none(), ""));
    }

    @Test
    void shippedThresholdsMatchTheCatalogue() throws IOException {
        Grading g = Grading.load(Path.of("rules"));
        assertThat(g.score(points(0))).isEqualTo(new Grading.Score(100, "优秀"));
        assertThat(g.score(points(10))).isEqualTo(new Grading.Score(90, "优秀"));
        assertThat(g.score(points(11))).isEqualTo(new Grading.Score(89, "良好"));
        assertThat(g.score(points(25))).isEqualTo(new Grading.Score(75, "良好"));
        assertThat(g.score(points(40))).isEqualTo(new Grading.Score(60, "合格"));
        assertThat(g.score(points(41))).isEqualTo(new Grading.Score(59, "不合格"));
        assertThat(g.score(points(250))).isEqualTo(new Grading.Score(0, "不合格"));
    }

    @Test
    void thresholdsComeFromTheRulesFolder(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("scoring.properties"), "grade.1.name=通过\ngrade.1.min=80\ngrade.2.name=不通过\ngrade.2.min=0\n");
        Grading g = Grading.load(tmp);
        assertThat(g.score(points(20)).grade()).isEqualTo("通过");
        assertThat(g.score(points(21)).grade()).isEqualTo("不通过");
    }

    private static Finding critical(String code, int points) {
        return new Finding(code, "严重问题", Severity.CRITICAL, "c", "m", points, "b", Location.none(), "");
    }

    @Test
    void aCriticalFindingCapsTheGradeByDefault() throws IOException {
        Grading g = Grading.load(Path.of("rules"));
        Grading.Score s = g.score(List.of(critical("INT-SPAM", 0)));
        assertThat(s.value()).isEqualTo(100);
        assertThat(s.grade()).isEqualTo("不合格");
        assertThat(s.cap()).contains("INT-SPAM", "不合格");
        // without a critical finding nothing is capped
        assertThat(g.score(points(5)).cap()).isNull();
    }

    @Test
    void theCapIsConfigurable(@TempDir Path tmp) throws IOException {
        String grades = "grade.1.name=优秀\ngrade.1.min=90\ngrade.2.name=合格\ngrade.2.min=60\ngrade.3.name=不合格\ngrade.3.min=0\n";
        Files.writeString(tmp.resolve("scoring.properties"), grades + "cap.critical.grade=合格\ncap.critical.codes=INT-SPAM， TAB-MISSING\n");
        Grading g = Grading.load(tmp);
        assertThat(g.score(List.of(critical("INT-SPAM", 0)))).isEqualTo(new Grading.Score(100, "合格", "INT-SPAM（严重问题）为严重问题，等级最高为合格"));
        assertThat(g.score(List.of(critical("TAB-MISSING", 0))).grade()).isEqualTo("合格");
        // a critical code not listed does not cap; a grade already below the cap stays
        assertThat(g.score(List.of(critical("BAL-T3-MAIN", 0))).grade()).isEqualTo("优秀");
        assertThat(g.score(List.of(critical("INT-SPAM", 50))).grade()).isEqualTo("不合格");

        Files.writeString(tmp.resolve("scoring.properties"), grades);
        assertThat(Grading.load(tmp).score(List.of(critical("INT-SPAM", 0))).grade()).isEqualTo("优秀");

        Files.writeString(tmp.resolve("scoring.properties"), grades + "cap.critical.grade=很差\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Grading.load(tmp))
                .isInstanceOf(IOException.class).hasMessageContaining("很差").hasMessageContaining("不是已定义的等级");
    }
}
