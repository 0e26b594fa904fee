package nianbao.ingest.office;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import nianbao.TestSupport;
import nianbao.ingest.Block;
import nianbao.ingest.Document;
import nianbao.ingest.GridCell;
import nianbao.ingest.IngestException;
import nianbao.ingest.Ingestor;
import nianbao.ingest.TableBlock;
import nianbao.ingest.TextBlock;
import nianbao.model.Report;
import nianbao.model.Section;
import nianbao.parse.ReportParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The Word and PDF forms of the samples (made by make-fixtures.sh with LibreOffice) give the
 * same report as the sample's text: year, format, agency level and sections.
 */
class OfficeFormsTest {
    static final Path DIR = Path.of("src/test/resources/office");

    static Stream<String> fixtures() {
        return Stream.of("000.docx", "001.docx", "002.docx", "003.docx", "004.docx",
                "000.doc", "001.doc", "002.doc", "003.doc", "004.doc",
                "000.pdf", "001.pdf", "002.pdf", "003.pdf", "004.pdf", "004-noborders.pdf");
    }

    static Document read(String name) throws IngestException {
        return new Ingestor().read(DIR.resolve(name));
    }

    static Report parse(Document d) {
        return new ReportParser().parse(d);
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void sameReportAsTheTextForm(String name) throws Exception {
        Document doc = read(name);
        assertThat(doc.kind()).isEqualTo(name.substring(name.lastIndexOf('.') + 1));
        Report office = parse(doc);
        Report text = parse(new Ingestor().read(TestSupport.sample(name.substring(0, 3))));
        assertThat(office.reportYear()).as("year").isEqualTo(text.reportYear()).isNotNull();
        assertThat(office.formatDetected()).as("format").isEqualTo(text.formatDetected());
        assertThat(office.agencyLevel()).as("agency level").isEqualTo(text.agencyLevel());
        assertThat(office.sections()).extracting(Section::id).as("sections")
                .isNotEmpty().containsExactlyElementsOf(text.sections().stream().map(Section::id).toList());
        // every line has a place label for the evidence tooltip
        assertThat(office.lines()).allSatisfy(l -> assertThat(l.place()).isNotBlank());
    }

    /** Every T2/T3/T4 cell: the same ids, status and value as the text form (source lines differ by form). */
    @ParameterizedTest
    @MethodSource("fixtures")
    void sameCellsAsTheTextForm(String name) throws Exception {
        Report office = parse(read(name));
        Report text = parse(new Ingestor().read(TestSupport.sample(name.substring(0, 3))));
        assertThat(cellKeys(office)).as(name).isEqualTo(cellKeys(text));
    }

    private static List<String> cellKeys(Report r) {
        return r.cells().stream()
                .map(c -> c.table() + "/" + c.row() + "/" + c.col() + "=" + c.status() + ":" + (c.value() == null ? "" : c.value().stripTrailingZeros().toPlainString()))
                .sorted().toList();
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void sameFindingsAsTheTextForm(String name) {
        var office = TestSupport.auditor().audit(DIR.resolve(name));
        var text = TestSupport.audit(name.substring(0, 3));
        assertThat(office.failed()).as(office.errorMessage()).isFalse();
        assertThat(codes(office)).isEqualTo(codes(text));
    }

    private static List<String> codes(nianbao.pipeline.AuditResult r) {
        return r.findings().stream().map(f -> f.code()).sorted().toList();
    }

    @Test
    void docxKeepsMergedCellsOfT3AsGridCopies() throws Exception {
        Document doc = read("004.docx");
        List<List<GridCell>> rows = tables(doc).stream().flatMap(t -> t.rows().stream()).toList();
        // vMerge: the label "三、本年度办理结果" continues down as non-origin copies in column 0
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.get(0).origin()).isFalse();
            assertThat(r.get(0).text()).isEqualTo("三、 本年 度办理 结果");
            assertThat(r.get(2).text()).startsWith("3. 危及");
        });
        // gridSpan: "申请人情况" spans the applicant columns; only its first slot is the origin
        List<GridCell> head = rows.stream().filter(r -> r.stream().anyMatch(c -> c.text().equals("申请人情况"))).findFirst().orElseThrow();
        assertThat(head.stream().filter(c -> c.text().equals("申请人情况")).toList())
                .hasSizeGreaterThan(5).extracting(GridCell::origin).containsOnlyOnce(true);
        assertThat(doc.places().get(head.get(0).line())).matches("表\\d+第\\d+行");
        assertThat(doc.places().get(1)).isEqualTo("第1段");
    }

    @Test
    void docReadsTablesAndParagraphs() throws Exception {
        // 002 has its tables as one cell per line (as published), so its DOC form has paragraphs only
        assertThat(texts(read("002.doc"))).contains("一、本年新收政府信息公开申请数量");
        Document doc4 = read("004.doc");
        assertThat(rowTexts(doc4)).anyMatch(r -> r.startsWith("行政处罚 | 0"));
        assertThat(doc4.places().values()).anyMatch(p -> p.matches("第\\d+段")).anyMatch(p -> p.matches("表\\d+第\\d+行"));
    }

    @Test
    void ruledPdfTableBecomesOneGridAcrossThePageBreak() throws Exception {
        Document doc = read("003.pdf");
        TableBlock t3 = tables(doc).stream()
                .filter(t -> t.rows().stream().anyMatch(r -> TableBlock.rowText(r).startsWith("一、本年新收政府信息公开申请数量")))
                .findFirst().orElseThrow();
        List<String> rows = t3.rows().stream().map(TableBlock::rowText).toList();
        assertThat(rows).contains("一、本年新收政府信息公开申请数量 | 33 | 3 | 1 | 0 | 0 | 0 | 37 | ");
        assertThat(rows).anyMatch(r -> r.startsWith("(七)总计 | 33 | 3 | 1 | 0 | 0 | 0 | 37"));
        String first = doc.places().get(t3.line()), last = doc.places().get(t3.rows().get(t3.rows().size() - 1).get(0).line());
        assertThat(first).startsWith("第2页");
        assertThat(last).startsWith("第3页");
    }

    @Test
    void rotatedPdfPagesAreReadAsText(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path rotated = tmp.resolve("rotated.pdf");
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(DIR.resolve("003.pdf").toFile())) {
            for (var page : pdf.getPages()) page.setRotation(90);
            pdf.save(rotated.toFile());
        }
        Report r = parse(new Ingestor().read(rotated));
        Report text = parse(new Ingestor().read(TestSupport.sample("003")));
        assertThat(r.reportYear()).isEqualTo(text.reportYear());
        assertThat(r.sections()).extracting(Section::id).containsExactlyElementsOf(text.sections().stream().map(Section::id).toList());
    }

    @Test
    void unruledPdfTableComesOutAsPipeRows() throws Exception {
        Document doc = read("004-noborders.pdf");
        assertThat(tables(doc)).isEmpty();
        assertThat(texts(doc)).anyMatch(s -> s.startsWith("| ") && s.contains("属于国家秘密") && s.endsWith(" |"));
        // a label wrapped inside its (top-aligned) cell is joined again; narrow number columns stay apart
        assertThat(texts(doc)).contains("| 一、本年新收政府信息公开申请 数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |", "| 行政规范性文件 | 0 | 0 | 0 |");
        assertThat(tables(read("004.pdf"))).isNotEmpty();
    }

    @Test
    void pdfKeepsChineseWholeAndNamesPageAndLine() throws Exception {
        Document doc = read("004.pdf");
        TextBlock first = (TextBlock) doc.blocks().get(0);
        // the title as the source wrote it (its own spaces kept), no space put between CJK glyphs
        assertThat(first.text()).isEqualTo(TestSupport.text("004").lines().filter(l -> !l.isBlank()).findFirst().orElseThrow().strip());
        assertThat(doc.places().get(first.line())).isEqualTo("第1页第1行");
        assertThat(doc.places().values()).anyMatch(p -> p.startsWith("第3页"));
    }

    static List<TableBlock> tables(Document d) {
        return d.blocks().stream().filter(b -> b instanceof TableBlock).map(b -> (TableBlock) b).toList();
    }

    static List<String> texts(Document d) {
        return d.blocks().stream().filter(b -> b instanceof TextBlock).map(b -> ((TextBlock) b).text()).toList();
    }

    static List<String> rowTexts(Document d) {
        return tables(d).stream().flatMap(t -> t.rows().stream()).map(TableBlock::rowText).toList();
    }


}
