package nianbao.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import nianbao.TestSupport;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A crawler export in a batch folder: each of its rows is a report with its own outputs and summary row. */
class BatchExportTest {
    @TempDir
    Path tmp;

    @Test
    void everyRowOfAnExportIsAReportOfTheBatch() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.copy(TestSupport.sample("000"), in.resolve("单独一份.txt"));
        StringWriter w = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader("题目", "发布日期", "正文", "链接").get())) {
            p.printRecord("2022年政府信息公开工作年度报告", "2023-01-20", TestSupport.text("002"), "http://example.gov.cn/a");
            p.printRecord("2021年政府信息公开工作年度报告", "2022/01/25", TestSupport.text("004"), "http://example.gov.cn/b");
        }
        Files.writeString(in.resolve("年报栏目.csv"), w.toString(), StandardCharsets.UTF_8);
        Path out = tmp.resolve("out");

        BatchRunner.Result r = BatchTestSupport.run(in, out, false);

        assertThat(r.rows()).extracting(Row::stem).containsExactlyInAnyOrder("单独一份", "年报栏目-r1", "年报栏目-r2");
        assertThat(r.failed()).isZero();
        for (String stem : new String[] {"年报栏目-r1", "年报栏目-r2"}) {
            assertThat(out.resolve(stem + ".html")).exists();
            assertThat(BatchTestSupport.json(out.resolve(stem + ".json")).path("source").asText()).endsWith("年报栏目.csv#r" + stem.charAt(stem.length() - 1));
        }
        assertThat(BatchTestSupport.json(out.resolve("年报栏目-r1.json")).path("publishedOn").asText()).isEqualTo("2023-01-20");
        assertThat(Files.readString(out.resolve("summary.csv"), StandardCharsets.UTF_8)).contains("年报栏目.csv#r1", "年报栏目.csv#r2");
        assertThat(out.resolve("年报栏目.json")).doesNotExist();

        // --resume audits the export again (one state entry per file) and keeps both rows.
        BatchRunner.Result again = BatchTestSupport.run(in, out, true);
        assertThat(again.rows()).hasSize(3);
        assertThat(again.skipped()).isEqualTo(1);
    }
}
