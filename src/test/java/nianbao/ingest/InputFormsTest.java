package nianbao.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Input forms real reports come in, each on a variation of our own that no corpus file contains:
 * HTML fragments, whole saved pages of another site template, text with CR/LF/CRLF and with
 * paragraphs run together, CSV and XLSX crawler exports.
 */
class InputFormsTest {
    @TempDir
    Path tmp;

    private final Ingestor ingestor = new Ingestor();

    private static List<String> texts(Document d) {
        return d.blocks().stream().filter(b -> b instanceof TextBlock).map(b -> ((TextBlock) b).text()).toList();
    }

    private static String trim(String s) {
        return s.replaceAll("^[\\s\u00A0\u3000]+|[\\s\u00A0\u3000]+$", "");
    }

    private static List<Integer> lines(Document d) {
        return d.blocks().stream().map(Block::line).toList();
    }

    // ---- HTML fragments ----------------------------------------------------------------------

    @Test
    void gbkFragmentOnOneLineIsReadAsHtmlWithItsTable() throws Exception {
        String html = "<p>某镇人民政府2023年政府信息公开工作年度报告</p><p>一、总体情况</p><p>本年度主动公开信息120条。</p>"
                + "<table><tr><td>信息内容</td><td>本年制发件数</td></tr><tr><td>规章</td><td>3</td></tr></table><p>二、主动公开政府信息情况</p>";
        Path f = tmp.resolve("fragment.txt");
        Files.write(f, html.getBytes(Charset.forName("GBK")));
        Document d = ingestor.read(f);
        assertThat(d.kind()).isEqualTo("html");
        assertThat(d.charset()).isEqualTo("GB18030");
        assertThat(texts(d)).containsExactly("某镇人民政府2023年政府信息公开工作年度报告", "一、总体情况", "本年度主动公开信息120条。", "二、主动公开政府信息情况");
        TableBlock t = (TableBlock) d.blocks().get(3);
        assertThat(TableBlock.rowText(t.rows().get(1))).isEqualTo("规章 | 3");
        assertThat(d.notes()).isEmpty();   // nothing was cut from a fragment
    }

    @Test
    void paragraphsRunTogetherInsideOneHtmlElementAreSplit() throws Exception {
        String filler = "本年度我委主动公开政府信息，及时回应社会关切，持续提升政务公开质量和实效。".repeat(3);
        String html = "<div><span>某区发展和改革委员会2022年政府信息公开工作年度报告</span></div><div>一、总体情况\u3000\u3000" + filler
                + "\u3000\u3000二、主动公开政府信息情况\u3000\u3000" + filler + "\u3000\u3000三、收到和处理政府信息公开申请情况</div>";
        Document d = ingestor.read("body.html", html.getBytes(StandardCharsets.UTF_8));
        assertThat(texts(d)).containsExactly("某区发展和改革委员会2022年政府信息公开工作年度报告", "一、总体情况", filler,
                "二、主动公开政府信息情况", filler, "三、收到和处理政府信息公开申请情况");
        assertThat(lines(d)).containsOnly(1);
        assertThat(d.notes()).singleElement().asString().contains("全角空格");
    }

    @Test
    void markdownTableWithBreaksStaysText() throws Exception {
        String md = "# 某县2022年政府信息公开工作年度报告\n\n| 信息内容 | 本年制发件数<br>（件） |\n|---|---|\n| 规章 | 0 |\n| 行政规范性文件 | 2<br>（含转发） |\n";
        Path f = tmp.resolve("report.md");
        Files.writeString(f, md);
        assertThat(ingestor.read(f).kind()).isEqualTo("text");
        assertThat(Ingestor.isFragment("the text mentions <p> once")).isFalse();
        assertThat(Ingestor.isFragment("<div>一</div>")).isTrue();
    }

    // ---- whole saved pages ---------------------------------------------------------------------

    /** A page of another CMS template: layout tables, a menu of links, breadcrumb, share bar, sidebar of related reports, footer. */
    private static String page(String head, String dateLine) {
        StringBuilder rows = new StringBuilder();
        for (int i = 1; i <= 12; i++) rows.append("<li><a href=\"/n").append(i).append(".html\">某县人民政府关于印发第").append(i).append("批工作要点的通知</a></li>\n");
        return """
                <!DOCTYPE html>
                <html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
                %s
                </head><body>
                <table width="100%%"><tr><td class="topbg"><a href="/">首页</a> <a href="/zwgk">政务公开</a> <a href="/hdjl">互动交流</a> <a href="/bsfw">办事服务</a></td></tr></table>
                <div class="weizhi">您现在的位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; <a href="/nb">年度报告</a></div>
                <table width="1000"><tr>
                <td class="leftbar" width="240"><div class="lm">相关年报</div><ul>
                %s</ul></td>
                <td class="rightbar">
                <h2 class="bt">某县交通运输局2023年政府信息公开工作年度报告</h2>
                %s
                <div class="fx">分享到：<a href="#">微信</a> <a href="#">微博</a> 【字体：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】</div>
                <div id="zoom">
                <p>本报告依据《中华人民共和国政府信息公开条例》编制，所列数据的统计期限自2023年1月1日起至2023年12月31日止。</p>
                <p>一、总体情况</p>
                <p>2023年，我局认真落实政务公开工作要求，主动公开各类信息356条，及时回应社会关切，公开质量稳步提升。</p>
                <p>二、主动公开政府信息情况</p>
                <table border="1"><tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
                <tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr><tr><td>行政规范性文件</td><td>2</td><td>1</td><td>9</td></tr></table>
                <p>六、其他需要报告的事项</p><p>本年度未收取信息处理费。</p>
                </div>
                <div class="xgwz">相关链接：<a href="/a">某县2022年报告</a> <a href="/b">某县2021年报告</a></div>
                </td></tr></table>
                <div class="bottom">主办：某县人民政府办公室　承办：某县大数据中心　网站标识码：1234567890　某ICP备12345678号-1　版权所有 某县人民政府</div>
                </body></html>
                """.formatted(head, rows, dateLine);
    }

    @Test
    void savedPageOfAnotherTemplateKeepsOnlyTheReportBodyWithMetadata() throws Exception {
        String html = page("<title>某县交通运输局2023年政府信息公开工作年度报告_年度报告_某县人民政府</title>\n"
                + "<meta name=\"publishdate\" content=\"2024-01-26 10:30:00\">", "<div class=\"info\">来源：某县交通运输局</div>");
        Path f = tmp.resolve("page.htm");
        Files.writeString(f, html);
        Document d = ingestor.read(f);
        List<String> texts = texts(d);
        assertThat(texts.get(0)).isEqualTo("某县交通运输局2023年政府信息公开工作年度报告");
        assertThat(texts.get(1)).isEqualTo("发布日期：2024-01-26");
        assertThat(texts).contains("一、总体情况", "二、主动公开政府信息情况", "本年度未收取信息处理费。");
        assertThat(String.join("\n", texts)).doesNotContain("您现在的位置", "工作要点的通知", "版权所有", "分享到", "相关链接", "来源");
        assertThat(d.blocks()).filteredOn(b -> b instanceof TableBlock).hasSize(1);
        TableBlock t = (TableBlock) d.blocks().stream().filter(b -> b instanceof TableBlock).findFirst().orElseThrow();
        assertThat(TableBlock.rowText(t.rows().get(2))).isEqualTo("行政规范性文件 | 2 | 1 | 9");
        assertThat(d.notes()).anySatisfy(n -> assertThat(n).contains("正文取自网页中的 <div id=\"zoom\">"))
                .anySatisfy(n -> assertThat(n).contains("网页标题"))
                .anySatisfy(n -> assertThat(n).contains("publishdate"));
        // The title and date lines carry the source lines of their elements; the body keeps its own.
        assertThat(d.blocks().get(0).line()).isEqualTo(3);
        assertThat(d.blocks().get(1).line()).isEqualTo(4);
    }

    @Test
    void savedPageWithoutMetaTakesTheVisibleDateNearTheTitle() throws Exception {
        String html = page("<title>年度报告</title>", "<div class=\"info\">发布时间：2024年01月29日 &nbsp; 浏览次数：88</div>");
        Path f = tmp.resolve("page2.html");
        Files.writeString(f, html);
        Document d = ingestor.read(f);
        assertThat(texts(d)).contains("发布日期：2024-01-29");
        assertThat(d.notes()).anySatisfy(n -> assertThat(n).contains("发布时间"));
    }

    // ---- line ends and run-together paragraphs --------------------------------------------------

    @Test
    void crLfCrlfAndMixedLineEndsGiveTheSameLines() throws Exception {
        List<String> body = List.of("某区2021年政府信息公开工作年度报告", "一、总体情况", "", "本年度主动公开信息52条。", "二、主动公开政府信息情况");
        List<String> expected = null;
        for (String sep : List.of("\n", "\r", "\r\n")) {
            Document d = ingestor.read("x.txt", String.join(sep, body).getBytes(StandardCharsets.UTF_8));
            assertThat(texts(d)).containsExactlyElementsOf(body);
            assertThat(lines(d)).containsExactly(1, 2, 3, 4, 5);
            expected = texts(d);
        }
        // LF then CR is two line ends (CR then LF would be one CRLF).
        String mixed = body.get(0) + "\r\n" + body.get(1) + "\n" + body.get(2) + "\r" + body.get(3) + "\r\n" + body.get(4);
        Document d = ingestor.read("mixed.txt", mixed.getBytes(StandardCharsets.UTF_8));
        assertThat(texts(d)).isEqualTo(expected);
        assertThat(lines(d)).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void longLinesAreSplitAtFullWidthOrNoBreakSpaceRunsButNotInsideDigitsOrShortLines() throws Exception {
        String filler = "我局坚持以公开为常态、不公开为例外，持续推进决策、执行、管理、服务、结果公开，回应社会关切，公开质效稳步提升".repeat(2);
        // Another spacing than the corpus: no-break spaces mixed with a full-width space, and a tab.
        String sep = "\u00A0\u3000\t\u00A0";
        String para = "前言：本报告统计期限为2022年1月1日至2022年12月31日。" + sep + "一、总体情况" + sep + filler + "。" + sep
                + "二、主动公开政府信息情况" + sep + "规章 0 0 5 行政规范性文件 131849" + sep + "三、收到和处理政府信息公开申请情况";
        String text = "某市统计局2022年政府信息公开工作年度报告\n" + para + "\n某市统计局　　2023年1月20日\n";
        Document d = ingestor.read("flat.txt", text.getBytes(StandardCharsets.UTF_8));
        List<String> t = texts(d);
        assertThat(t.get(1)).isEqualTo("前言：本报告统计期限为2022年1月1日至2022年12月31日。");
        assertThat(trim(t.get(2))).isEqualTo("一、总体情况");
        assertThat(trim(t.get(5))).isEqualTo("规章 0 0 5 行政规范性文件 131849");   // digits kept together
        assertThat(trim(t.get(6))).isEqualTo("三、收到和处理政府信息公开申请情况");
        assertThat(String.join("", t.subList(1, 7))).isEqualTo(para);        // nothing lost, nothing added
        assertThat(t.get(7)).isEqualTo("某市统计局　　2023年1月20日");        // a short line stays whole
        // Consecutive numbers; the pieces and every later line name their physical line.
        assertThat(lines(d)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(d.places()).containsEntry(3, "原文第2行").containsEntry(7, "原文第2行").containsEntry(8, "原文第3行")
                .doesNotContainKey(2);
        assertThat(d.notes()).singleElement().asString().contains("全角空格");
    }

    // ---- crawler exports -----------------------------------------------------------------------

    @Test
    void csvExportWithQuotedCommasAndLineBreaksGivesOneReportPerRow() throws Exception {
        String csv = "题目,发布日期,正文,栏目,url\r\n"
                + "\"甲镇人民政府2022年政府信息公开工作年度报告\",2023/1/18 09:12,\"一、总体情况\r\n本年度，我镇主动公开信息，共计88条，\"\"政务公开\"\"专栏更新及时。\r\n二、主动公开政府信息情况\",年报,http://example.gov.cn/a.html\r\n"
                + "乙镇人民政府2022年政府信息公开工作年度报告,2023年01月30日,\"一、总体情况　　" + "本年度主动公开信息41条，依申请公开2件，均按时办结，无行政复议和诉讼，群众满意度较高，工作成效明显。".repeat(3) + "　　二、主动公开政府信息情况　　规章　　0　　0　　1" + "　　三、收到和处理政府信息公开申请情况".repeat(3) + "\",年报,http://example.gov.cn/b.html\r\n"
                + "丙镇2022年度报告,,,年报,\r\n";
        Path f = tmp.resolve("export.csv");
        Files.writeString(f, csv);
        List<Document> docs = ingestor.readAll(f);
        assertThat(docs).hasSize(2);   // the row without content is no report
        Document a = docs.get(0), b = docs.get(1);
        assertThat(a.source()).isEqualTo(f + "#r1");
        assertThat(b.source()).isEqualTo(f + "#r2");
        assertThat(a.kind()).isEqualTo("export");
        assertThat(texts(a)).containsExactly("甲镇人民政府2022年政府信息公开工作年度报告", "发布日期：2023-01-18", "一、总体情况",
                "本年度，我镇主动公开信息，共计88条，\"政务公开\"专栏更新及时。", "二、主动公开政府信息情况");
        assertThat(lines(a)).containsExactly(2, 2, 2, 3, 4);   // the file's own lines
        assertThat(a.notes()).singleElement().asString().contains("共2行", "第1行", "“发布日期”列", "http://example.gov.cn/a.html");
        assertThat(texts(b).subList(0, 2)).containsExactly("乙镇人民政府2022年政府信息公开工作年度报告", "发布日期：2023-01-30");
        assertThat(texts(b)).contains("　　二、主动公开政府信息情况", "　　0", "　　1");
        assertThat(lines(b).get(0)).isEqualTo(5);
        // As one document (the Ingestor.read view) both rows follow each other.
        Document whole = ingestor.read(f);
        assertThat(texts(whole)).contains("甲镇人民政府2022年政府信息公开工作年度报告", "乙镇人民政府2022年政府信息公开工作年度报告");
        assertThat(whole.source()).isEqualTo(f.toString());
    }

    @Test
    void tabSeparatedExportWhoseContentIsHtmlKeepsItsTable() throws Exception {
        String tsv = "title\tpubdate\tcontent\n"
                + "某区民政局2023年政府信息公开工作年度报告\t2024-01-22\t<p>一、总体情况</p><p>二、主动公开政府信息情况</p>"
                + "<table><tr><td>信息内容</td><td>本年制发件数</td></tr><tr><td>规章</td><td>0</td></tr></table>\n";
        Document d = ingestor.read("export.tsv", tsv.getBytes(StandardCharsets.UTF_8));
        assertThat(d.kind()).isEqualTo("export");
        assertThat(texts(d)).containsExactly("某区民政局2023年政府信息公开工作年度报告", "发布日期：2024-01-22", "一、总体情况", "二、主动公开政府信息情况");
        TableBlock t = (TableBlock) d.blocks().get(4);
        assertThat(TableBlock.rowText(t.rows().get(1))).isEqualTo("规章 | 0");
        assertThat(t.line()).isEqualTo(2);
    }

    @Test
    void textWithCommasButNoExportHeaderStaysText() throws Exception {
        String text = "某县2021年政府信息公开工作年度报告,第一稿\n一、总体情况\n本年度，主动公开信息12条。\n";
        Document d = ingestor.read("a.txt", text.getBytes(StandardCharsets.UTF_8));
        assertThat(d.kind()).isEqualTo("text");
        assertThat(texts(d)).first().isEqualTo("某县2021年政府信息公开工作年度报告,第一稿");
        assertThat(Exports.columns(List.of("标题", "时间", "内容", "链接"))).isPresent();
        assertThat(Exports.columns(List.of("标题", "链接"))).isEmpty();
        assertThat(Exports.date("2023-01-31 12:19:21")).isEqualTo(LocalDate.of(2023, 1, 31));
    }

    @Test
    void xlsxExportMadeWithPoiGivesOneReportPerRowWithDateCells() throws Exception {
        Path f = tmp.resolve("导出.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream o = Files.newOutputStream(f)) {
            XSSFSheet s = wb.createSheet("数据");
            CellStyle dateStyle = wb.createCellStyle();
            dateStyle.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy/m/d"));
            Row h = s.createRow(1);   // an empty first row before the header
            String[] header = {"标题", "发布时间", "内容", "链接"};
            for (int i = 0; i < header.length; i++) h.createCell(i).setCellValue(header[i]);
            String longPara = "一、总体情况　　" + "本年度主动公开政府信息210条，政策解读15篇，回应关切8次，持续提升公开质量。".repeat(4)
                    + "　　二、主动公开政府信息情况　　三、收到和处理政府信息公开申请情况";
            Object[][] rows = {
                    {"丁街道办事处2023年政府信息公开工作年度报告", LocalDate.of(2024, 1, 15), longPara, "http://example.gov.cn/d"},
                    {"戊街道办事处2023年政府信息公开工作年度报告", "2024-01-31", "一、总体情况\n本年度主动公开信息9条。", ""}};
            for (int r = 0; r < rows.length; r++) {
                Row row = s.createRow(2 + r);
                row.createCell(0).setCellValue((String) rows[r][0]);
                if (rows[r][1] instanceof LocalDate ld) {
                    row.createCell(1).setCellValue(ld);
                    row.getCell(1).setCellStyle(dateStyle);
                } else {
                    row.createCell(1).setCellValue((String) rows[r][1]);
                }
                row.createCell(2).setCellValue((String) rows[r][2]);
                row.createCell(3).setCellValue((String) rows[r][3]);
            }
            wb.write(o);
        }
        List<Document> docs = ingestor.readAll(f);
        assertThat(docs).hasSize(2);
        Document d = docs.get(0);
        assertThat(d.kind()).isEqualTo("export");
        assertThat(texts(d).subList(0, 3)).containsExactly("丁街道办事处2023年政府信息公开工作年度报告", "发布日期：2024-01-15", "一、总体情况");
        assertThat(texts(d)).extracting(String::strip).contains("二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况");
        assertThat(lines(d)).startsWith(1, 2, 3, 4);
        assertThat(d.places()).containsEntry(1, "表格第3行");
        assertThat(texts(docs.get(1))).containsExactly("戊街道办事处2023年政府信息公开工作年度报告", "发布日期：2024-01-31", "一、总体情况", "本年度主动公开信息9条。");
        assertThat(docs.get(1).places()).containsEntry(1, "表格第4行");
    }

    @Test
    void xlsxWithoutExportHeaderIsRefusedClearly() throws Exception {
        Path f = tmp.resolve("plain.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream o = Files.newOutputStream(f)) {
            wb.createSheet("表").createRow(0).createCell(0).setCellValue("统计数");
            wb.write(o);
        }
        assertThatThrownBy(() -> ingestor.read(f)).isInstanceOf(IngestException.class)
                .hasMessageContaining("Excel表格不是网站导出的年报").hasMessageContaining("not a report export");
    }
}
