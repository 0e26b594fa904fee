package nianbao.ingest.office;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import nianbao.cli.Main;
import nianbao.ingest.Ingestor;
import nianbao.model.Report;
import nianbao.parse.ReportParser;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken or unsuitable Word/PDF inputs end in a one-line error (exit 1, JSON error), never a stack trace. */
class OfficeErrorsTest {
    @TempDir Path tmp;

    private record Run(int exit, String stderr, JsonNode json) {}

    private Run audit(Path file) throws Exception {
        Path out = tmp.resolve("out-" + file.getFileName());
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            exit = Main.run("audit", file.toString(), "-o", out.toString());
        } finally {
            System.setErr(saved);
        }
        Path json;
        try (var s = Files.list(out)) {
            json = s.filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow();
        }
        return new Run(exit, err.toString(StandardCharsets.UTF_8), new ObjectMapper().readTree(json.toFile()));
    }

    private void assertClearError(Run r, String code, String chinese) {
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.json().path("error").path("code").asText()).isEqualTo(code);
        String message = r.json().path("error").path("message").asText();
        assertThat(message).contains(chinese).contains(" / ").doesNotContain("\n");
        assertThat(r.stderr()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void truncatedDocx() throws Exception {
        byte[] full = Files.readAllBytes(OfficeFormsTest.DIR.resolve("004.docx"));
        Path f = tmp.resolve("cut.docx");
        Files.write(f, Arrays.copyOf(full, full.length * 6 / 10));
        assertClearError(audit(f), "CORRUPT", "不完整");
    }

    @Test
    void zipThatIsNotADocx() throws Exception {
        Path f = tmp.resolve("report.docx");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(f))) {
            z.putNextEntry(new ZipEntry("readme.txt"));
            z.write("不是Word文档".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        assertClearError(audit(f), "NOT_WORD", "不是Word文档");
    }

    @Test
    void zipBombIsRefusedByPoiLimits() throws Exception {
        Path f = tmp.resolve("bomb.docx");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(f))) {
            z.putNextEntry(new ZipEntry("[Content_Types].xml"));
            z.write(("<Types xmlns='http://schemas.openxmlformats.org/package/2006/content-types'>"
                    + "<Default Extension='xml' ContentType='application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml'/>"
                    + "</Types>").getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
            z.putNextEntry(new ZipEntry("word/document.xml"));
            byte[] blanks = new byte[1 << 20];
            Arrays.fill(blanks, (byte) ' ');
            for (int i = 0; i < 40; i++) z.write(blanks); // 40 MB that deflates about 1000:1
            z.closeEntry();
        }
        assertThat(Files.size(f)).isLessThan(200_000);
        assertClearError(audit(f), "ZIP_BOMB", "压缩炸弹");
    }

    @Test
    void damagedPdfGivesNoLibraryStackTrace() throws Exception {
        byte[] b = Files.readAllBytes(OfficeFormsTest.DIR.resolve("003.pdf"));
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 60; i++) b[512 + random.nextInt(b.length - 512)] ^= (byte) (1 + random.nextInt(255));
        Path f = tmp.resolve("scrambled.pdf");
        Files.write(f, b);
        Run r = audit(f);
        assertThat(r.stderr()).doesNotContain("\tat ").doesNotContain("Exception:");
    }

    @Test
    void excelFilesAreNotWord() throws Exception {
        Path xlsx = tmp.resolve("table.docx"), xls = tmp.resolve("table.doc");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream o = Files.newOutputStream(xlsx)) {
            wb.createSheet("年报").createRow(0).createCell(0).setCellValue("2021年度");
            wb.write(o);
        }
        try (HSSFWorkbook wb = new HSSFWorkbook(); OutputStream o = Files.newOutputStream(xls)) {
            wb.createSheet("年报").createRow(0).createCell(0).setCellValue("2021年度");
            wb.write(o);
        }
        // An .xlsx is read as a crawler export (one report per row); without such a header it is refused clearly.
        assertClearError(audit(xlsx), "NOT_REPORT_TABLE", "Excel");
        assertClearError(audit(xls), "NOT_WORD", "Excel");
    }

    @Test
    void scannedPdfNeedsOcr() throws Exception {
        Path f = tmp.resolve("scan.pdf");
        try (PDDocument pdf = new PDDocument()) {
            PDPage page = new PDPage();
            pdf.addPage(page);
            BufferedImage img = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
            img.getGraphics().drawString("2021", 20, 50);
            try (PDPageContentStream cs = new PDPageContentStream(pdf, page)) {
                cs.drawImage(LosslessFactory.createFromImage(pdf, img), 50, 500, 400, 200);
            }
            pdf.save(f.toFile());
        }
        Run r = audit(f);
        assertClearError(r, "NO_TEXT", "OCR");
    }

    @Test
    void pdfWithOpenPasswordIsRefusedAndOwnerOnlyPasswordOpens() throws Exception {
        Path locked = tmp.resolve("locked.pdf"), ownerOnly = tmp.resolve("owner.pdf");
        Path src = OfficeFormsTest.DIR.resolve("003.pdf");
        protect(src, locked, "secret");
        protect(src, ownerOnly, "");
        assertClearError(audit(locked), "ENCRYPTED", "密码");
        Report opened = new ReportParser().parse(new Ingestor().read(ownerOnly));
        Report plain = new ReportParser().parse(new Ingestor().read(src));
        assertThat(opened.reportYear()).isEqualTo(plain.reportYear()).isNotNull();
        assertThat(opened.sections()).hasSameSizeAs(plain.sections()).isNotEmpty();
    }

    private static void protect(Path src, Path dst, String userPassword) throws Exception {
        try (PDDocument pdf = Loader.loadPDF(src.toFile())) {
            AccessPermission perms = new AccessPermission();
            perms.setCanExtractContent(false);
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-pw", userPassword, perms);
            policy.setEncryptionKeyLength(128);
            pdf.protect(policy);
            pdf.save(dst.toFile());
        }
    }
}
