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
}
