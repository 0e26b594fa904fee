package nianbao.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as users and scripts see it: files written, JSON fields, exit codes, messages. */
class CliTest {
    @TempDir
    Path tmp;

    private String err = "";

    private int run(String... args) {
        PrintStream oldErr = System.err, oldOut = System.out;
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            return Main.run(args);
        } finally {
            System.setErr(oldErr);
            System.setOut(oldOut);
            err = e.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void auditWritesJsonAndHtmlPerContract() throws IOException {
        Path out = tmp.resolve("out");
        int code = run("audit", "samples/002_dfcf094cd729cac8.txt", "samples/003_a649cb153f94700b.txt", "-o", out.toString(), "--no-cache");
        assertThat(code).isZero();
        JsonNode j = new ObjectMapper().readTree(out.resolve("002_dfcf094cd729cac8.json").toFile());
        for (String field : new String[] {"source", "sha256", "title", "agency", "agencyLevel", "reportYear", "publishedOn", "period",
                "format", "sections", "cells", "score", "grade", "findings"}) {
            assertThat(j.has(field)).as(field).isTrue();
        }
        assertThat(j.get("agencyLevel").asText()).isEqualTo("DEPARTMENT");
        assertThat(j.get("publishedOn").asText()).isEqualTo("2022-01-24");
        assertThat(j.get("format").get("detected").asText()).isEqualTo("GB_2021");
        assertThat(j.get("sections").get(0).get("line").asInt()).isEqualTo(4);
        assertThat(j.has("error")).isFalse();
        JsonNode f = j.get("findings").get(0);
        assertThat(f.get("severity").asText()).isIn("critical", "major", "minor", "info");
        assertThat(f.has("location")).isTrue();

        String html = Files.readString(out.resolve("003_a649cb153f94700b.html"));
        assertThat(html).contains("Content-Security-Policy", "报告概况", "原文（带行号）", "id=\"L637\"");
        assertThat(html).doesNotContain("<script", "http://", "https://cdn");
    }

    @Test
    void reportTextIsEscapedInHtml() throws IOException {
        Path f = tmp.resolve("x.txt");
        Files.writeString(f, "某县2021年度政府信息公开工作年度报告\n一、总体情况\n<script>alert(1)</script><img src=x onerror=alert(2)>\n");
        run("audit", f.toString(), "-o", tmp.resolve("o").toString(), "--no-cache");
        String html = Files.readString(tmp.resolve("o/x.html"));
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;");
        assertThat(html).doesNotContain("<script>", "<img src=x");
    }

    @Test
    void badInputsExitOneWithAJsonErrorAndOneLineMessageWhileGoodOnesAreStillAudited() throws IOException {
        Path empty = Files.write(tmp.resolve("empty.txt"), new byte[0]);
        Path junk = Files.writeString(tmp.resolve("junk.txt"), "这是一段与年度报告无关的文字。\n今天天气很好。\n");
        Path out = tmp.resolve("out");
        int code = run("audit", empty.toString(), junk.toString(), "samples/001_b199cdbee76e2a89.txt", "-o", out.toString(), "--no-cache");
        assertThat(code).isEqualTo(1);
        JsonNode e = new ObjectMapper().readTree(out.resolve("empty.json").toFile());
        assertThat(e.get("error").get("code").asText()).isEqualTo("EMPTY");
        assertThat(e.get("source").asText()).isEqualTo(empty.toString());
        JsonNode j = new ObjectMapper().readTree(out.resolve("junk.json").toFile());
        assertThat(j.get("error").get("code").asText()).isEqualTo("NO_STRUCTURE");
        assertThat(Files.exists(out.resolve("001_b199cdbee76e2a89.json"))).isTrue();
        assertThat(err.lines().filter(l -> l.startsWith("错误 / error:"))).hasSize(2)
                .anySatisfy(l -> assertThat(l).contains(empty.toString(), "文件为空", "empty"));
        assertThat(err).doesNotContain("Exception", "\tat ");
    }

    @Test
    void rulesThatDoNotCompileExitTwoWithFileAndLine() throws IOException {
        Path rules = Files.createDirectories(tmp.resolve("rules"));
        Files.copy(Path.of("rules/scoring.properties"), rules.resolve("scoring.properties"));
        Files.writeString(rules.resolve("broken.drl"), "package t;\nrule \"x\"\nwhen\n  Foo(\nthen\nend\n");
        assertThat(run("rules", "check", "--rules", rules.toString(), "--no-cache")).isEqualTo(2);
        assertThat(err).contains("broken.drl:");
        assertThat(run("audit", "samples/000_30f21ffa1848b77a.txt", "--rules", rules.toString(), "-o", tmp.resolve("o").toString(), "--no-cache"))
                .isEqualTo(2);
        assertThat(err).contains("broken.drl:");
    }

    @Test
    void failUnderTurnsALowScoreIntoExitOne() {
        assertThat(run("audit", "samples/000_30f21ffa1848b77a.txt", "-o", tmp.toString(), "--no-cache", "--fail-under", "100")).isEqualTo(1);
        assertThat(run("audit", "samples/000_30f21ffa1848b77a.txt", "-o", tmp.toString(), "--no-cache", "--fail-under", "10")).isZero();
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(run("audit")).isEqualTo(2);
        assertThat(run("frobnicate")).isEqualTo(2);
    }

    @Test
    void anOutputThatCannotBeWrittenCostsThatInputOnly() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("out"));
        // a directory where the first input's JSON should go makes that one write fail
        Files.createDirectories(out.resolve("000_30f21ffa1848b77a.json"));
        int code = run("audit", "samples/000_30f21ffa1848b77a.txt", "samples/001_b199cdbee76e2a89.txt", "-o", out.toString(), "--no-cache");
        assertThat(code).isEqualTo(1);
        assertThat(err).contains("000_30f21ffa1848b77a.txt", "cannot write output");
        assertThat(Files.isRegularFile(out.resolve("001_b199cdbee76e2a89.json"))).isTrue();
        assertThat(Files.isRegularFile(out.resolve("001_b199cdbee76e2a89.html"))).isTrue();
    }
}
