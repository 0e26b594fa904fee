package nianbao.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nianbao.TestSupport;
import nianbao.model.Finding;
import nianbao.model.Location;
import nianbao.model.Severity;
import nianbao.pipeline.AuditResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding ids depend on the report's content and the finding's code, place and evidence — nothing else. */
class FindingIdsTest {
    @TempDir
    Path tmp;

    private static List<String> ids(AuditResult r) {
        assertThat(r.failed()).as(r.errorMessage()).isFalse();
        return FindingIds.assign(r.report(), r.findings());
    }

    @Test
    void aRenamedMovedReEncodedAndReWrappedCopyKeepsItsIds() throws Exception {
        AuditResult original = TestSupport.audit("003");
        List<String> ids = ids(original);
        assertThat(ids).hasSize(original.findings().size()).doesNotHaveDuplicates().allMatch(id -> id.matches("F-[0-9a-f]{12}(-\\d+)?"));
        // Another name, another folder, GB18030 with CRLF line breaks, a blank line first and after every line:
        // line numbers all move, bytes all change, the text does not.
        String text = TestSupport.text("003");
        String rewrapped = "\r\n" + String.join("\r\n\r\n", text.split("\n", -1));
        Path copy = Files.createDirectories(tmp.resolve("某市/2023年")).resolve("年报（重新上传）.txt");
        Files.write(copy, rewrapped.getBytes(Charset.forName("GB18030")));
        AuditResult moved = TestSupport.auditor().audit(copy);
        assertThat(moved.findings()).extracting(Finding::code).containsExactlyElementsOf(original.findings().stream().map(Finding::code).toList());
        assertThat(moved.findings().get(0).location().line()).isNotEqualTo(original.findings().get(0).location().line());
        assertThat(ids(moved)).isEqualTo(ids);
    }

    @Test
    void changedContentChangesTheIds() throws Exception {
        AuditResult original = TestSupport.audit("003");
        AuditResult edited = TestSupport.auditEdited(tmp, "003", "政府信息公开", "政务信息公开");
        List<String> before = ids(original), after = ids(edited);
        assertThat(after).doesNotContainAnyElementsOf(before);
    }

    @Test
    void theIdIgnoresWordingWeightAndSeverityButNotCodeOrPlace() throws Exception {
        AuditResult r = TestSupport.audit("003");
        Finding f = r.findings().get(0);
        String id = FindingIds.assign(r.report(), List.of(f)).get(0);
        Finding reworded = new Finding(f.code(), "另一个标题", Severity.INFO, "别的类别", "完全不同的消息", 99, "另一依据", f.location(), f.evidence());
        assertThat(FindingIds.assign(r.report(), List.of(reworded)).get(0)).isEqualTo(id);
        Finding otherCode = new Finding("X-OTHER", f.title(), f.severity(), f.category(), f.message(), f.points(), f.basis(), f.location(), f.evidence());
        assertThat(FindingIds.assign(r.report(), List.of(otherCode)).get(0)).isNotEqualTo(id);
        Finding otherCell = new Finding(f.code(), f.title(), f.severity(), f.category(), f.message(), f.points(), f.basis(),
                Location.cell("T3", "3.1", "natural", 0), f.evidence());
        assertThat(FindingIds.assign(r.report(), List.of(otherCell)).get(0)).isNotEqualTo(id);
        // the same key twice in one report: numbered in order, still unique
        assertThat(FindingIds.assign(r.report(), List.of(f, reworded))).containsExactly(id, id + "-2");
    }

    /** The rule before the ASCII/CJK shortcut, per code point: what normalise must still leave out. */
    private static boolean droppedByCodePoint(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)
                || c == 0x200B || c == 0x200C || c == 0x200D || c == 0xFEFF || c == 0x00AD;
    }

    @Test
    void theCharacterShortcutDropsExactlyWhatTheCodePointRuleDrops() {
        for (int c = 0; c <= 0xFFFF; c++) {
            assertThat(FindingIds.dropped((char) c)).as("U+%04X", c).isEqualTo(droppedByCodePoint(c));
        }
        // no supplementary character is dropped, so a surrogate pair is kept whole
        for (int c = 0x10000; c <= Character.MAX_CODE_POINT; c++) assertThat(droppedByCodePoint(c)).as("U+%X", c).isFalse();
        String text = "\uFEFF一、 总体情况\u3000\u200B\r\n𠀋（１）ABC\u00A0x\u00AD\u2028y\t𝐀";
        StringBuilder expected = new StringBuilder();
        java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC).codePoints()
                .filter(c -> !droppedByCodePoint(c)).forEach(expected::appendCodePoint);
        assertThat(FindingIds.normalise(text)).isEqualTo(expected.toString()).isEqualTo("一、总体情况𠀋(1)ABCxyA");
    }

    @Test
    void manualIdsComeFromWhatTheReviewerTyped() {
        String a = FindingIds.manual("a.txt", "人工", "链接失效", "S2");
        assertThat(a).matches("M-[0-9a-f]{12}");
        assertThat(FindingIds.manual(" a.txt", "人工", "链接 失效", "S2")).isEqualTo(a);   // spacing does not matter
        assertThat(FindingIds.manual("b.txt", "人工", "链接失效", "S2")).isNotEqualTo(a);
        assertThat(FindingIds.normalise("ＡＢ　c\u200Bd\r\n")).isEqualTo("ABcd");
        assertThat(FindingIds.contentHash(TestSupport.audit("000").report())).hasSize(64);
        assertThat(StandardCharsets.UTF_8).isNotNull();
    }
}
