package nianbao.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import nianbao.TestSupport;
import nianbao.pipeline.AuditResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thymeleaf.context.Context;

/**
 * Pages (the batch summary, the rule catalogue) are encoded while they are written ({@link Templates#render}); the bytes must be those of the page
 * rendered to a String and encoded afterwards, whatever the buffer size guessed, also for characters outside
 * the basic plane (a surrogate pair may fall across two writes of the engine).
 */
class TemplatesTest {
    /** A long page with report text: the report page's reference template (test resources). */
    private static final String TEMPLATE = "report-reference";

    @TempDir Path dir;

    private static void sameBytes(AuditResult a) {
        for (int guess : new int[] {0, 1000, 1 << 20}) {
            Context ctx = new Context();
            ctx.setVariable("page", new ReportPage(a, null));
            byte[] streamed = Templates.render(TEMPLATE, ctx, guess);
            Context again = new Context();
            again.setVariable("page", new ReportPage(a, null));
            byte[] viaString = Templates.ENGINE.process(TEMPLATE, again).getBytes(StandardCharsets.UTF_8);
            assertThat(streamed).as("buffer guess " + guess).isEqualTo(viaString);
        }
    }

    @Test
    void aSamplePageIsTheSameBytesEitherWay() {
        AuditResult a = TestSupport.audit("000");
        sameBytes(a);
    }

    @Test
    void charactersOutsideTheBasicPlaneAreEncodedAsBefore() throws Exception {
        String odd = "𠀀𪚥 𝟘 😀".repeat(400); // long enough to cross the writer's 8 KB buffer several times
        AuditResult a = TestSupport.auditEdited(dir, "000", "成安县2021年度政府信息公开年度报告", "成安县2021年度政府信息公开年度报告 " + odd);
        sameBytes(a);
        String html = new String(HtmlReport.bytes(a), StandardCharsets.UTF_8);
        assertThat(html).contains("𠀀𪚥 𝟘 😀");
    }

}
