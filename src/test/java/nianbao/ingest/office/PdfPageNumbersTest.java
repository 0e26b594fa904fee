package nianbao.ingest.office;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import nianbao.ingest.Ingestor;
import nianbao.ingest.TextBlock;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A page number sits in the top or bottom margin, centred or outside; a table flattened to one
 * cell per line can put a bare value like "11" in the same band, flush with the text. Only the
 * page number is page furniture.
 */
class PdfPageNumbersTest {

    @Test
    void aBareNumberFlushWithTheTextIsKeptAndACentredPageNumberIsDropped(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("flat-table.pdf");
        try (PDDocument pdf = new PDDocument()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (int p = 1; p <= 2; p++) {
                PDPage page = new PDPage(PDRectangle.A4);
                pdf.addPage(page);
                float h = page.getMediaBox().getHeight();
                try (PDPageContentStream cs = new PDPageContentStream(pdf, page)) {
                    // top-down baselines: 40 (in the top band, flush left), body 100..760, 790 (bottom band, flush left)
                    line(cs, font, 57, h - 40, p == 1 ? "Annual report on government information disclosure, tables flattened to one cell per line" : "22");
                    for (int i = 0; i < 20; i++) line(cs, font, 57, h - 100 - 32 * i, "Row " + p + "." + i);
                    line(cs, font, 57, h - 790, "11");
                    line(cs, font, 295, h - 820, String.valueOf(p)); // the page number, centred
                }
            }
            pdf.save(f.toFile());
        }
        List<String> texts = new Ingestor().read(f).blocks().stream()
                .filter(b -> b instanceof TextBlock).map(b -> ((TextBlock) b).text().strip()).toList();
        assertThat(texts).contains("Row 1.19", "Row 2.0");
        assertThat(texts.stream().filter(t -> t.equals("11"))).as(texts.toString()).hasSize(2);
        assertThat(texts).as("a value at the top of page 2").contains("22");
        assertThat(texts).as("centred page numbers").doesNotContain("1", "2");
    }

    private static void line(PDPageContentStream cs, PDType1Font font, float x, float y, String text) throws Exception {
        cs.beginText();
        cs.setFont(font, 10);
        cs.newLineAtOffset(x, y);
        cs.showText(text);
        cs.endText();
    }
}
