package nianbao.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nianbao.TestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --resume after an interrupted batch, manifest overrides, and per-file limits. */
class ResumeAndIsolationTest {
    @TempDir
    Path tmp;

    private static List<Path> outputs(Path out) throws Exception {
        try (Stream<Path> s = Files.list(out)) {
            return s.filter(p -> p.getFileName().toString().matches("\\d{3}_.*\\.(json|html)")).sorted().toList();
        }
    }

    @Test
    void resumeRedoesOnlyWhatAnInterruptedBatchLeftUndone() throws Exception {
        Path in = BatchTestSupport.samplesCopy(tmp);
        Path out = tmp.resolve("out");
        BatchRunner.Result first = BatchTestSupport.run(in, out, false);
        assertThat(first.audited()).isEqualTo(5);
        Map<String, Integer> scores = new HashMap<>();
        for (Row r : first.rows()) scores.put(r.stem(), r.score());

        // Simulate a kill after three files: the last two have no state, one of them no HTML either, and an
        // atomic write was cut short (its temporary file is left, the target never appeared).
        List<String> undone = List.of("003_a649cb153f94700b", "004_75957690f29c90b5");
        Path log = out.resolve(BatchState.DIR).resolve(BatchState.LOG);
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(5);
        List<String> kept = lines.stream().filter(l -> undone.stream().noneMatch(l::contains)).toList();
        assertThat(kept).hasSize(3);
        // the kill also cut the line being appended short
        Files.writeString(log, String.join("\n", kept) + "\n{\"stem\":\"003_a649cb153f94700b\",\"sour", StandardCharsets.UTF_8);
        Files.delete(out.resolve("004_75957690f29c90b5.html"));
        Files.writeString(out.resolve(".004_75957690f29c90b5.html.123.tmp"), "<html><body>half", StandardCharsets.UTF_8);
        // Outputs of completed files get an old timestamp, so a rewrite would show.
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        for (Path p : outputs(out)) Files.setLastModifiedTime(p, old);

        BatchRunner.Result second = BatchTestSupport.run(in, out, true);
        assertThat(second.audited()).isEqualTo(2);
        assertThat(second.skipped()).isEqualTo(3);
        assertThat(second.rows()).hasSize(5).noneMatch(Row::failed);
        for (Row r : second.rows()) {
            assertThat(r.skipped()).isEqualTo(!undone.contains(r.stem()));
            assertThat(r.score()).isEqualTo(scores.get(r.stem()));   // read back from JSON, same as audited
            assertThat(r.findings()).hasSize(first.rows().stream().filter(x -> x.stem().equals(r.stem())).findFirst().orElseThrow().findings().size());
        }
        for (Path p : outputs(out)) {
            String stem = p.getFileName().toString().replaceFirst("\\.(json|html)$", "");
            if (undone.contains(stem)) assertThat(Files.getLastModifiedTime(p)).isNotEqualTo(old);
            else assertThat(Files.getLastModifiedTime(p)).isEqualTo(old);
            // no output is truncated: every JSON parses, every HTML is complete
            if (p.toString().endsWith(".json")) assertThat(BatchTestSupport.json(p).path("score").isInt()).isTrue();
            else assertThat(Files.readString(p, StandardCharsets.UTF_8)).contains("</html>");
        }
        assertThat(outputs(out)).hasSize(10);
        assertThat(BatchTestSupport.json(out.resolve("summary.json")).path("reports")).hasSize(5);

        // A changed input, or a damaged output, is audited again.
        Files.writeString(in.resolve("000_30f21ffa1848b77a.txt"), TestSupport.text("000") + "\n补充说明。\n", StandardCharsets.UTF_8);
        Files.writeString(out.resolve("001_b199cdbee76e2a89.json"), "{\"sco", StandardCharsets.UTF_8);
        BatchRunner.Result third = BatchTestSupport.run(in, out, true);
        assertThat(third.audited()).isEqualTo(2);
        assertThat(BatchTestSupport.json(out.resolve("001_b199cdbee76e2a89.json")).path("score").isInt()).isTrue();
    }

    @Test
    void manifestOverridesApplyBeforeTheRulesAndGroupByRegion() throws Exception {
        Path in = BatchTestSupport.samplesCopy(tmp);
        Path manifest = tmp.resolve("manifest.csv");
        Files.writeString(manifest, "\uFEFFfile,agency,level,region,published_on,url\n"
                + "002_dfcf094cd729cac8.txt,繁峙县人民政府,GOVERNMENT,忻州市,2022-05-10,https://example.gov.cn/2022/1.html\n"
                + "001_b199cdbee76e2a89.txt,,,晋城市,,\n", StandardCharsets.UTF_8);
        Path out = tmp.resolve("out");
        BatchRunner.Result r = nianbao.batch.BatchTestSupport.run(in, out, false, Manifest.load(manifest), Duration.ofSeconds(60));
        Row fanshi = r.rows().stream().filter(x -> x.stem().startsWith("002_")).findFirst().orElseThrow();
        assertThat(fanshi.agency()).isEqualTo("繁峙县人民政府");
        assertThat(fanshi.region()).isEqualTo("忻州市");
        assertThat(fanshi.url()).isEqualTo("https://example.gov.cn/2022/1.html");
        // the date from the manifest reached the deadline rule: a 2021 report published in May 2022 is late
        assertThat(fanshi.findings()).anyMatch(f -> f.code().equals("DL-LATE")).noneMatch(f -> f.code().equals("DL-UNKNOWN"));
        JsonNode json = BatchTestSupport.json(out.resolve("002_dfcf094cd729cac8.json"));
        assertThat(json.path("publishedOn").asText()).isEqualTo("2022-05-10");
        Row lingchuan = r.rows().stream().filter(x -> x.stem().startsWith("001_")).findFirst().orElseThrow();
        assertThat(lingchuan.region()).isEqualTo("晋城市");
        assertThat(lingchuan.agency()).isEqualTo("陵川县人民政府");   // empty manifest cells override nothing
        String index = Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8);
        assertThat(index).contains("忻州市", "晋城市", "（未注明地区）");

        // Changing a manifest value invalidates --resume for that input only.
        Files.writeString(manifest, "file,agency,level,region,published_on,url\n"
                + "002_dfcf094cd729cac8.txt,繁峙县人民政府,GOVERNMENT,忻州市,2022-01-20,\n"
                + "001_b199cdbee76e2a89.txt,,,晋城市,,\n", StandardCharsets.UTF_8);
        BatchRunner.Result again = BatchTestSupport.run(in, out, true, Manifest.load(manifest), Duration.ofSeconds(60));
        assertThat(again.audited()).isEqualTo(1);
        assertThat(again.rows().stream().filter(x -> x.stem().startsWith("002_")).findFirst().orElseThrow().findings())
                .noneMatch(f -> f.code().equals("DL-LATE"));
    }

    @Test
    void changedGradeThresholdsInvalidateResume() throws Exception {
        Path in = BatchTestSupport.samplesCopy(tmp);
        Path out = tmp.resolve("out");
        BatchTestSupport.run(in, out, false);
        nianbao.score.Grading strict = new nianbao.score.Grading(List.of(new nianbao.score.Grading.Grade("优秀", 99),
                new nianbao.score.Grading.Grade("不合格", 0)));
        BatchRunner.Result r = new BatchRunner(TestSupport.auditor(), strict).run(
                new BatchRunner.Options(in, out, 2, Duration.ofSeconds(60), null, true, false), Manifest.EMPTY,
                new java.io.PrintWriter(new java.io.StringWriter()));
        assertThat(r.skipped()).isZero();
        assertThat(r.audited()).isEqualTo(5);
    }

    @Test
    void aBadManifestIsRefusedWithItsLine() throws Exception {
        Path manifest = tmp.resolve("m.csv");
        Files.writeString(manifest, "file,published_on\na.txt,明天\n", StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Manifest.load(manifest))
                .isInstanceOf(Manifest.ManifestException.class).hasMessageContaining("m.csv:2").hasMessageContaining("明天");
    }

    @Test
    void anInputOverItsTimeLimitBecomesAnErrorRowAndTheBatchGoesOn() throws Exception {
        Path in = BatchTestSupport.samplesCopy(tmp);
        // A report 40 times over (25,000 lines) takes seconds to audit; the limit is 50 ms. (A zero
        // limit on the samples raced: a warm JVM could finish a small report before its limit was checked.)
        String one = Files.readString(TestSupport.sample("000"), StandardCharsets.UTF_8);
        Files.writeString(in.resolve("zz_long.txt"), one.repeat(40), StandardCharsets.UTF_8);
        BatchRunner.Result r = BatchTestSupport.run(in, tmp.resolve("out"), false, Manifest.EMPTY, Duration.ofMillis(50));
        assertThat(r.rows()).hasSize(6);
        var slow = r.rows().stream().filter(x -> x.stem().equals("zz_long")).findFirst().orElseThrow();
        assertThat(slow.errorCode()).isEqualTo("TIMEOUT");
        assertThat(slow.errorMessage()).contains("超时", "timed out");
        // the batch went on: every other input has its row, audited or over the limit itself
        assertThat(r.rows()).filteredOn(x -> !x.stem().equals("zz_long"))
                .hasSize(5).allMatch(x -> x.errorCode() == null || "TIMEOUT".equals(x.errorCode()));
        assertThat(BatchTestSupport.json(tmp.resolve("out/summary.json")).path("reports")).hasSize(6);
    }

    @Test
    void hiddenFilesAndTheOutputFolderInsideTheInputAreNotInputs() throws Exception {
        Path in = BatchTestSupport.samplesCopy(tmp);
        Files.writeString(in.resolve(".hidden.txt"), "x");
        Files.copy(TestSupport.sample("002"), in.resolve("index.txt"));   // would collide with the summary page
        Path out = in.resolve("out");
        BatchTestSupport.run(in, out, false);
        BatchRunner.Result again = BatchTestSupport.run(in, out, false);   // its own outputs are not read back as inputs
        assertThat(again.rows()).hasSize(6);
        assertThat(again.rows()).anyMatch(r -> r.stem().equals("index-2") && !r.failed());
        assertThat(Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8)).contains("批量审核汇总", "index-2.html");
    }
}
