package nianbao.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nianbao.TestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestorTest {
    @TempDir
    Path tmp;

    private final Ingestor ingestor = new Ingestor();

    private static List<String> texts(Document d) {
        return d.blocks().stream().filter(b -> b instanceof TextBlock).map(b -> ((TextBlock) b).text()).toList();
    }

    @Test
    void theSameReportInGbkUtf8BomAndUtf16ReadsTheSame() throws Exception {
        String text = TestSupport.text("002");
        Document utf8 = ingestor.read(TestSupport.sample("002"));
        Path gbk = tmp.resolve("gbk.txt");
        // GB18030 is the lossless superset a real GBK file decodes under; GBK itself cannot encode every character here.
        Files.write(gbk, text.getBytes(Charset.forName("GB18030")));
        Path bom = tmp.resolve("bom.txt");
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF; withBom[1] = (byte) 0xBB; withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        Files.write(bom, withBom);
        Path utf16 = tmp.resolve("utf16.txt");
        Files.write(utf16, ("\uFEFF" + text).getBytes(StandardCharsets.UTF_16LE));

        assertThat(ingestor.read(gbk).charset()).isEqualTo("GB18030");
        for (Path p : List.of(gbk, bom, utf16)) {
            assertThat(texts(ingestor.read(p))).as(p.toString()).isEqualTo(texts(utf8));
        }
    }

    @Test
    void aShortGbkTextIsNotMistakenForBig5() throws Exception {
        Path f = tmp.resolve("short.txt");
        Files.write(f, "政府信息公开工作年度报告".getBytes(Charset.forName("GBK")));
        assertThat(texts(ingestor.read(f))).containsExactly("政府信息公开工作年度报告");
    }

    @Test
    void textKeepsSourceLineNumbersAndBlankLines() throws Exception {
        Document d = ingestor.read(TestSupport.sample("000"));
        TextBlock first = (TextBlock) d.blocks().get(0);
        assertThat(first.line()).isEqualTo(1);
        assertThat(first.text()).isEqualTo("成安县2021年度政府信息公开年度报告");
        assertThat(((TextBlock) d.blocks().get(10)).line()).isEqualTo(11);
        assertThat(((TextBlock) d.blocks().get(10)).text()).isEqualTo("一、总体情况");
    }

    @Test
    void htmlHonoursMetaCharsetDropsFurnitureAndExpandsSpans() throws Exception {
        String html = """
                <html><head><meta charset="gbk"><title>t</title><script>var x = "不应出现";</script></head>
                <body><div class="nav">首页 &gt; 政务公开</div>
                <h1>某县2021年度政府信息公开工作年度报告</h1>
                <p>一、总体情况</p>
                <table>
                <tr><td rowspan="2">行政复议</td><td colspan="2">结果</td></tr>
                <tr><td>维持</td><td>纠正</td></tr>
                </table>
                <footer>版权所有 某县人民政府</footer></body></html>
                """;
        Path f = tmp.resolve("page.html");
        Files.write(f, html.getBytes(Charset.forName("GBK")));
        Document d = ingestor.read(f);
        assertThat(d.kind()).isEqualTo("html");
        assertThat(texts(d)).containsExactly("某县2021年度政府信息公开工作年度报告", "一、总体情况");
        TextBlock h1 = (TextBlock) d.blocks().get(0);
        assertThat(h1.line()).isEqualTo(3);
        TableBlock t = (TableBlock) d.blocks().get(2);
        assertThat(t.line()).isEqualTo(5);
        assertThat(t.rows()).hasSize(2);
        assertThat(t.rows().get(0)).extracting(GridCell::text).containsExactly("行政复议", "结果", "结果");
        assertThat(t.rows().get(1)).extracting(GridCell::text).containsExactly("行政复议", "维持", "纠正");
        assertThat(t.rows().get(1).get(0).origin()).isFalse();
        assertThat(t.rows().get(0).get(2).origin()).isFalse();
        assertThat(t.rows().get(1).get(1).line()).isEqualTo(7);
    }

    @Test
    void contentDecidesTheTypeNotTheExtension() throws Exception {
        Path f = tmp.resolve("report.doc");
        Files.writeString(f, "<html><body><p>某县2021年度政府信息公开工作年度报告</p></body></html>");
        assertThat(ingestor.read(f).kind()).isEqualTo("html");
    }

    @Test
    void badInputsGiveOneLineBilingualErrors() throws IOException {
        Path empty = Files.write(tmp.resolve("empty.txt"), new byte[0]);
        Path blank = Files.writeString(tmp.resolve("blank.txt"), "  \n\t\n ");
        byte[] noise = new byte[4096];
        new java.util.Random(7).nextBytes(noise);
        Path binary = Files.write(tmp.resolve("noise.txt"), noise);
        Path png = Files.write(tmp.resolve("image.txt"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0});
        assertError(empty, "EMPTY");
        assertError(blank, "EMPTY");
        assertError(binary, "NOT_TEXT");
        assertError(png, "NOT_TEXT");
        assertError(tmp.resolve("missing.txt"), "NOT_FOUND");
        assertThatThrownBy(() -> new Ingestor(10).read(TestSupport.sample("000")))
                .isInstanceOf(IngestException.class).extracting(e -> ((IngestException) e).code()).isEqualTo("TOO_LARGE");
    }

    private void assertError(Path p, String code) {
        assertThatThrownBy(() -> ingestor.read(p)).isInstanceOf(IngestException.class)
                .satisfies(e -> {
                    assertThat(((IngestException) e).code()).isEqualTo(code);
                    assertThat(e.getMessage()).doesNotContain("\n").contains(" / ").matches(".*[\\u4e00-\\u9fff].*");
                });
    }
}
