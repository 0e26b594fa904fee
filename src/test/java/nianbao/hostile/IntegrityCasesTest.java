package nianbao.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import nianbao.TestSupport;
import nianbao.model.Finding;
import nianbao.pipeline.AuditResult;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the INT-SPAM cases in rules/tests/int-spam-*.case (the shared case format of the
 * briefing: base sample, literal replacements with "\n" for a line break, expect / expect-not,
 * or inline text after "---"), so they are checked on this branch before `rules test` lands.
 */
class IntegrityCasesTest {
    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> intSpamCases() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(TestSupport.RULES.resolve("tests"))) {
            files = s.filter(p -> p.getFileName().toString().matches("int-spam-.*\\.case")).sorted().toList();
        }
        assertThat(files.stream().map(p -> p.getFileName().toString()))
                .anyMatch(n -> n.endsWith("-fires.case")).anyMatch(n -> n.endsWith("-ok.case"));
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> run(f)));
    }

    private void run(Path file) throws IOException {
        String base = null;
        List<String[]> replaces = new ArrayList<>();
        List<String> expect = new ArrayList<>(), expectNot = new ArrayList<>();
        String[] lines = Files.readString(file, StandardCharsets.UTF_8).split("\r?\n", -1);
        int i = 0;
        for (; i < lines.length && !lines[i].strip().equals("---"); i++) {
            String l = lines[i].strip();
            if (l.isEmpty() || l.startsWith("#")) continue;
            int colon = l.indexOf(':');
            String key = l.substring(0, colon).strip(), value = l.substring(colon + 1).strip();
            switch (key) {
                case "name" -> { }
                case "base" -> base = value;
                case "replace" -> {
                    int arrow = value.indexOf("=>");
                    replaces.add(new String[] {value.substring(0, arrow).strip().replace("\\n", "\n"),
                            value.substring(arrow + 2).strip().replace("\\n", "\n")});
                }
                case "expect" -> expect.add(value);
                case "expect-not" -> expectNot.add(value);
                default -> throw new AssertionError(file + ": unknown key " + key);
            }
        }
        StringBuilder inline = new StringBuilder();
        for (i++; i < lines.length; i++) inline.append(lines[i]).append('\n');
        String text = base != null ? Files.readString(TestSupport.SAMPLES.resolve(base), StandardCharsets.UTF_8) : inline.toString();
        for (String[] r : replaces) {
            assertThat(text).as("replace target in " + file).contains(r[0]);
            text = text.replace(r[0], r[1]);
        }
        Path report = tmp.resolve(file.getFileName() + ".txt");
        Files.writeString(report, text, StandardCharsets.UTF_8);
        AuditResult r = TestSupport.auditor().audit(report);
        assertThat(r.failed()).as(r.errorMessage()).isFalse();
        List<String> codes = r.findings().stream().map(Finding::code).toList();
        assertThat(expect.size() + expectNot.size()).as("expectations in " + file).isPositive();
        for (String e : expect) assertThat(codes).as(file.getFileName() + " expects " + e).contains(e);
        for (String e : expectNot) {
            assertThat(codes).as(file.getFileName() + " must not report " + e + ": "
                    + r.findings().stream().filter(f -> f.code().equals(e)).map(Finding::message).toList()).doesNotContain(e);
        }
    }
}
