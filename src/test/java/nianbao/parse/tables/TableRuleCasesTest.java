package nianbao.parse.tables;

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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs the rule cases of the table and number rules (rules/tests/TAB-*, BAL-*, TXT-NUMBERS-*) through the real auditor. */
class TableRuleCasesTest {
    @TempDir
    static Path tmp;

    static Stream<Path> cases() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("rules", "tests"))) {
            return s.filter(p -> p.getFileName().toString().matches("(TAB-|BAL-|TXT-NUMBERS-).*\\.case")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void ruleCase(Path file) throws IOException {
        String base = null;
        List<String[]> replaces = new ArrayList<>();
        List<String> expect = new ArrayList<>(), expectNot = new ArrayList<>();
        StringBuilder inline = null;
        for (String line : Files.readString(file, StandardCharsets.UTF_8).split("\n", -1)) {
            if (inline != null) { inline.append(line).append('\n'); continue; }
            if (line.startsWith("#") || line.isBlank()) continue;
            if (line.strip().equals("---")) { inline = new StringBuilder(); continue; }
            int colon = line.indexOf(':');
            String key = line.substring(0, colon).strip(), value = line.substring(colon + 1).stripLeading();
            switch (key) {
                case "base" -> base = value.replaceAll("\\s+#.*$", "").strip();
                case "replace" -> {
                    int arrow = value.indexOf(" =>");
                    replaces.add(new String[] {value.substring(0, arrow), value.substring(arrow + 3).strip()});
                }
                case "expect" -> expect.add(value.strip());
                case "expect-not" -> expectNot.add(value.strip());
                default -> { }
            }
        }
        String text = base != null ? Files.readString(TestSupport.SAMPLES.resolve(base), StandardCharsets.UTF_8) : inline.toString();
        for (String[] r : replaces) {
            assertThat(text).as("replace target in " + file).contains(r[0]);
            text = text.replace(r[0], r[1]);
        }
        Path f = tmp.resolve(file.getFileName() + ".txt");
        Files.writeString(f, text, StandardCharsets.UTF_8);
        AuditResult a = TestSupport.auditor().audit(f);
        List<String> codes = a.findings().stream().map(Finding::code).toList();
        assertThat(expect.size() + expectNot.size()).as("case expects something").isPositive();
        assertThat(codes).as(file.toString()).containsAll(expect);
        for (String no : expectNot) assertThat(codes).as(file.toString()).doesNotContain(no);
    }
}
