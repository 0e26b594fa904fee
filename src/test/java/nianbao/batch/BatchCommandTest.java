package nianbao.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nianbao.cli.Main;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The batch command end to end, through the command line, on the real samples. */
class BatchCommandTest {
    @TempDir
    Path tmp;

    @Test
    void batchOfTheSamplesWritesEveryReportAndTheSummary() throws Exception {
        Path out = tmp.resolve("out");
        int code = Main.run("batch", "samples", "-o", out.toString(), "--no-cache");
        assertThat(code).isEqualTo(0);
        List<String> stems = new ArrayList<>();
        try (var s = Files.list(Path.of("samples"))) {
            for (Path p : s.sorted().toList()) stems.add(p.getFileName().toString().replaceFirst("\\.txt$", ""));
        }
        assertThat(stems).hasSize(5);
        String index = Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8);
        for (String stem : stems) {
            assertThat(out.resolve(stem + ".json")).isNotEmptyFile();
            assertThat(out.resolve(stem + ".html")).isNotEmptyFile();
            assertThat(index).contains("href=\"" + stem + ".html\"");   // the ranking links each report page
            assertThat(BatchTestSupport.json(out.resolve(stem + ".json")).path("score").isInt()).isTrue();
        }
        assertThat(index).contains("得分排名", "合格率", "<svg", "Content-Security-Policy").doesNotContain("<script");

        // summary.csv: UTF-8 with BOM, one row per input, read back with commons-csv
        byte[] csv = Files.readAllBytes(out.resolve("summary.csv"));
        assertThat(csv).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        List<CSVRecord> records;
        try (Reader r = Files.newBufferedReader(out.resolve("summary.csv"), StandardCharsets.UTF_8)) {
            r.read();   // the BOM
            records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
        assertThat(records).hasSize(5);
        assertThat(records.get(0).toMap()).containsKeys("source", "agency", "agencyLevel", "reportYear", "format", "score", "grade",
                "critical", "major", "minor", "info", "error");
        assertThat(records).allSatisfy(r -> assertThat(r.get("score")).matches("\\d+"));
        assertThat(records.stream().map(r -> r.get("agency"))).contains("陵川县人民政府");

        // summary.xlsx: reports, findings with an autofilter, per-code counts
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(out.resolve("summary.xlsx")))) {
            Sheet reports = wb.getSheet("报告");
            assertThat(reports.getLastRowNum()).isEqualTo(5);
            assertThat(reports.getRow(0).getCell(0).getStringCellValue()).isEqualTo("文件");   // Chinese headers for people
            XSSFSheet findings = wb.getSheet("问题明细");
            assertThat(findings.getCTWorksheet().isSetAutoFilter()).isTrue();
            int findingRows = findings.getLastRowNum();
            JsonNode summary = BatchTestSupport.json(out.resolve("summary.json"));
            int total = 0;
            for (JsonNode r : summary.path("reports")) total += r.path("critical").asInt() + r.path("major").asInt() + r.path("minor").asInt() + r.path("info").asInt();
            assertThat(findingRows).isEqualTo(total).isGreaterThan(0);
            Sheet codes = wb.getSheet("问题统计");
            long sum = 0;
            for (int i = 1; i <= codes.getLastRowNum(); i++) sum += (long) codes.getRow(i).getCell(3).getNumericCellValue();
            assertThat(sum).isEqualTo(total);
        }
        JsonNode summary = BatchTestSupport.json(out.resolve("summary.json"));
        assertThat(summary.path("reports")).hasSize(5);
        assertThat(summary.path("crossFindings").isArray()).isTrue();
    }

    @Test
    void corruptAndEmptyFilesAreRowsWithErrorsAndExitOne() throws Exception {
        Path in = BatchTestSupport.samplesCopy(tmp);
        Files.write(in.resolve("corrupt.doc"), new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 1, 2, 3, 0, 0, 0});
        Files.createDirectories(in.resolve("sub"));
        Files.write(in.resolve("sub/empty.txt"), new byte[0]);
        Path out = tmp.resolve("out");
        int code = Main.run("batch", in.toString(), "-o", out.toString(), "-j", "2", "--no-cache");
        assertThat(code).isEqualTo(1);
        JsonNode reports = BatchTestSupport.json(out.resolve("summary.json")).path("reports");
        assertThat(reports).hasSize(7);
        List<String> errors = new ArrayList<>();
        for (JsonNode r : reports) if (r.hasNonNull("error")) errors.add(r.path("source").asText() + " " + r.path("error").path("code").asText());
        assertThat(errors).hasSize(2).anyMatch(e -> e.contains("corrupt.doc")).anyMatch(e -> e.contains("empty.txt") && e.endsWith("EMPTY"));
        for (JsonNode r : reports) {
            // the same bytes from every run: code before message, as in the report's own JSON
            if (r.hasNonNull("error")) assertThat(r.path("error").fieldNames()).toIterable().containsExactly("code", "message");
        }
        // the failed inputs have their own pages too, and the summary page lists them
        assertThat(out.resolve("corrupt.json")).isNotEmptyFile();
        String index = Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8);
        assertThat(index).contains("corrupt.doc", "empty.txt", "文件为空");
    }

    @Test
    void failUnderTurnsLowScoresIntoExitOne() throws Exception {
        assertThat(Main.run("batch", "samples", "-o", tmp.resolve("o").toString(), "--fail-under", "101", "--no-cache")).isEqualTo(1);
    }

    @Test
    void missingInputFolderIsAUsageError() {
        assertThat(Main.run("batch", tmp.resolve("nope").toString(), "-o", tmp.resolve("o").toString())).isEqualTo(2);
    }

    @Test
    void benchWarmsUpThenTimesTheRunsAndKeepsWarmUpOutOfTheMedian() throws Exception {
        Path work = tmp.resolve("bench");
        nianbao.CliRun.Result r = nianbao.CliRun.run("bench", "-n", "12", "--warmup", "1", "--runs", "2", "-j", "2", "--dir", work.toString(), "--no-cache");
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).filteredOn(l -> l.startsWith("warm-up 1: 12 reports (0 failed)")).hasSize(1);
        assertThat(lines).filteredOn(l -> l.matches("run [12]: 12 reports \\(0 failed\\).*")).hasSize(2);
        assertThat(lines).filteredOn(l -> l.startsWith("median of 2: ")).hasSize(1);
        // every run wrote its outputs, kept until the end (the folder was given, so nothing is deleted)
        for (String dir : List.of("warmup-1", "out-1", "out-2")) {
            try (var s = Files.list(work.resolve(dir))) {
                assertThat(s.filter(p -> p.toString().endsWith(".html") && !p.endsWith("index.html")).count()).as(dir).isEqualTo(12);
            }
        }
        assertThat(nianbao.CliRun.run("bench", "-n", "2", "--runs", "0", "--dir", tmp.resolve("b2").toString()).code()).isNotZero();
    }
}
