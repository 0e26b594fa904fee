package nianbao.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationshipCollection;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNum;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFSDT;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.apache.xmlbeans.XmlCursor;
import org.apache.xmlbeans.XmlObject;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTNumPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTP;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTrPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/**
 * Word 2007+ (.docx) with POI XWPF: body paragraphs and tables in document order. Headers,
 * footers and text boxes are page furniture or side notes and stay out of the body (the
 * body's paragraph text never includes a text box's content). Table grids honour gridSpan,
 * gridBefore and vMerge; spanned slots are non-origin copies.
 */
final class DocxReader {
    private DocxReader() {}

    static Document read(String source, String sha256, byte[] bytes) throws IngestException {
        if (!Zips.complete(bytes)) {
            throw new IngestException("CORRUPT", "Word文件不完整（已截断或损坏）", "the DOCX/ZIP file is truncated or damaged");
        }
        if (Zips.mentions(bytes, "application/vnd.oasis.opendocument.text")) {
            throw new IngestException("UNSUPPORTED_TYPE", "暂不支持OpenDocument文本（.odt），请另存为.docx", "OpenDocument text (.odt) is not supported; save as .docx");
        }
        if (!Zips.mentions(bytes, "[Content_Types].xml")) throw notWord();
        // OPCPackage.open(InputStream) reads through ZipSecureFile's limits (zip-bomb ratio and entry size).
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(bytes))) {
            requireWord(pkg);
            try (XWPFDocument doc = new XWPFDocument(pkg)) {
                return new DocxReader.Walk(doc).run().document(source, sha256, "docx");
            }
        } catch (IngestException e) {
            throw e;
        } catch (org.apache.poi.UnsupportedFileFormatException e) {
            throw notWord();
        } catch (IOException | OpenXML4JException | POIXMLException | OpenXML4JRuntimeException e) {
            throw corrupt(e);
        } catch (RuntimeException e) {
            // POI signals bad XML and zip-bomb limits with assorted runtime exceptions.
            throw corrupt(e);
        }
    }

    private static IngestException notWord() {
        return new IngestException("NOT_WORD", "压缩文件不是Word文档（.docx）", "the ZIP file is not a Word document (.docx)");
    }

    private static IngestException corrupt(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (String.valueOf(t.getMessage()).contains("Zip bomb")) {
                return new IngestException("ZIP_BOMB", "文件解压后异常膨胀（疑似压缩炸弹），拒绝读取", "refused: the file expands suspiciously (zip bomb?)");
            }
            if (String.valueOf(t.getMessage()).contains("DOCTYPE is disallowed")) {
                return new IngestException("XML_DOCTYPE", "Word文件含有被禁止的DOCTYPE声明（可能是XXE攻击），拒绝读取",
                        "refused: the DOCX declares a DOCTYPE (possible XXE attack)");
            }
        }
        // The cause in plain words: library class names mean nothing to a reviewer.
        String why = String.valueOf(e.getMessage()).lines().findFirst().orElse("").replaceAll("[\\w.$]*(Exception|Error):\\s*", "").strip();
        if (why.length() > 160) why = why.substring(0, 160) + "…";
        return new IngestException("CORRUPT", "Word文件已损坏，无法读取", "the DOCX file is damaged" + (why.isEmpty() ? "" : ": " + why));
    }

    /** The package's main part must be a WordprocessingML document, not a workbook or slides. */
    private static void requireWord(OPCPackage pkg) throws IngestException, InvalidFormatException {
        PackageRelationshipCollection rels = pkg.getRelationshipsByType(PackageRelationshipTypes.CORE_DOCUMENT);
        if (rels.size() == 0) rels = pkg.getRelationshipsByType(PackageRelationshipTypes.STRICT_CORE_DOCUMENT);
        if (rels.size() == 0) throw notWord();
        PackagePart main = pkg.getPart(rels.getRelationship(0));
        String type = main == null ? "" : main.getContentType();
        if (type.contains("spreadsheetml")) {
            throw new IngestException("NOT_WORD", "这是Excel表格（.xlsx），不是Word文档", "the file is an Excel workbook (.xlsx), not a Word document");
        }
        if (type.contains("presentationml")) {
            throw new IngestException("NOT_WORD", "这是PowerPoint文件（.pptx），不是Word文档", "the file is a PowerPoint file (.pptx), not a Word document");
        }
        if (!type.contains("wordprocessingml")) throw notWord();
    }

    private static final String TEXT_BOX =
            "declare namespace w='http://schemas.openxmlformats.org/wordprocessingml/2006/main' .//w:txbxContent";

    private static final class Walk {
        private final XWPFDocument doc;
        private final PlacedBlocks out = new PlacedBlocks();
        private final WordNumbering numbering = new WordNumbering();
        private int paragraphs;

        Walk(XWPFDocument doc) { this.doc = doc; }

        PlacedBlocks run() {
            for (IBodyElement e : doc.getBodyElements()) element(e);
            return out;
        }

        private void element(IBodyElement e) {
            if (e instanceof XWPFParagraph p) {
                paragraphs++;
                String text = number(p) + bodyText(p);
                out.text(text, "第" + paragraphs + "段");
            } else if (e instanceof XWPFTable t) {
                out.table(grid(t), (table, row) -> "表" + table + "第" + row + "行");
            } else if (e instanceof XWPFSDT sdt) {
                paragraphs++;
                out.text(sdt.getContent().getText(), "第" + paragraphs + "段");
            }
        }

        /** Run text without text-box content (w:txbxContent), which XWPF would otherwise inline. */
        private static String bodyText(XWPFParagraph p) {
            XmlObject[] boxes = p.getCTP().selectPath(TEXT_BOX);
            if (boxes.length == 0) return p.getText();
            CTP copy = (CTP) p.getCTP().copy();
            for (XmlObject box : copy.selectPath(TEXT_BOX)) {
                try (XmlCursor c = box.newCursor()) {
                    c.removeXml();
                }
            }
            return new XWPFParagraph(copy, p.getBody()).getText();
        }

        /** The automatic list number of a paragraph, as Word shows it ("一、"). */
        private String number(XWPFParagraph p) {
            BigInteger numId = p.getNumID();
            BigInteger level = p.getNumIlvl();
            if (numId == null) {
                // Heading styles often carry the numbering ("标题 1" numbered 一、二、三).
                CTNumPr inherited = styleNumbering(p.getStyleID());
                if (inherited != null && inherited.getNumId() != null) {
                    numId = inherited.getNumId().getVal();
                    level = inherited.getIlvl() == null ? null : inherited.getIlvl().getVal();
                }
            }
            if (numId == null || numId.signum() == 0) return "";
            int ilvl = level == null ? 0 : Math.max(0, Math.min(8, level.intValue()));
            XWPFNumbering defs = doc.getNumbering();
            if (defs == null) return "";
            XWPFNum num = defs.getNum(numId);
            if (num == null || num.getCTNum().getAbstractNumId() == null) return "";
            BigInteger absId = num.getCTNum().getAbstractNumId().getVal();
            XWPFAbstractNum abs = defs.getAbstractNum(absId);
            if (abs == null) return "";
            WordNumbering.Format[] formats = new WordNumbering.Format[9];
            int[] starts = new int[9];
            String levelText = null;
            for (CTLvl lvl : abs.getCTAbstractNum().getLvlList()) {
                int l = lvl.getIlvl() == null ? 0 : lvl.getIlvl().intValue();
                if (l < 0 || l > 8) continue;
                formats[l] = WordNumbering.ooxml(lvl.getNumFmt() == null ? null : lvl.getNumFmt().getVal().toString());
                starts[l] = lvl.getStart() == null ? 1 : lvl.getStart().getVal().intValue();
                if (l == ilvl) levelText = lvl.getLvlText() == null ? null : lvl.getLvlText().getVal();
            }
            if (formats[ilvl] == WordNumbering.Format.NONE && (levelText == null || !levelText.contains("%"))) return "";
            return numbering.next(absId.toString(), ilvl, levelText, formats, starts);
        }

        /** The numbering of a paragraph style or of the styles it is based on (at most 10 deep). */
        private CTNumPr styleNumbering(String styleId) {
            XWPFStyles styles = doc.getStyles();
            for (int depth = 0; styles != null && styleId != null && depth < 10; depth++) {
                XWPFStyle style = styles.getStyle(styleId);
                if (style == null) return null;
                CTPPrGeneral ppr = style.getCTStyle().getPPr();
                if (ppr != null && ppr.getNumPr() != null) return ppr.getNumPr();
                styleId = style.getBasisStyleID();
            }
            return null;
        }

        private static List<List<PlacedBlocks.Slot>> grid(XWPFTable t) {
            List<List<PlacedBlocks.Slot>> grid = new ArrayList<>();
            for (XWPFTableRow row : t.getRows()) {
                List<PlacedBlocks.Slot> slots = new ArrayList<>();
                CTTrPr trPr = row.getCtRow().getTrPr();
                int before = trPr == null || trPr.sizeOfGridBeforeArray() == 0 ? 0 : trPr.getGridBeforeArray(0).getVal().intValue();
                for (int i = 0; i < Math.min(before, 63); i++) slots.add(new PlacedBlocks.Slot("", true));
                for (XWPFTableCell cell : row.getTableCells()) {
                    CTTcPr pr = cell.getCTTc().getTcPr();
                    int span = pr == null || pr.getGridSpan() == null ? 1 : Math.max(1, Math.min(63, pr.getGridSpan().getVal().intValue()));
                    boolean continued = pr != null && pr.getVMerge() != null
                            && (pr.getVMerge().getVal() == null || pr.getVMerge().getVal() == STMerge.CONTINUE);
                    int col = slots.size();
                    String text = continued ? above(grid, col) : cellText(cell);
                    for (int k = 0; k < span; k++) slots.add(new PlacedBlocks.Slot(text, !continued && k == 0));
                }
                grid.add(slots);
            }
            return grid;
        }

        /** The text of the merge origin above (vMerge="continue" cells are empty in the file). */
        private static String above(List<List<PlacedBlocks.Slot>> grid, int col) {
            for (int r = grid.size() - 1; r >= 0; r--) {
                List<PlacedBlocks.Slot> row = grid.get(r);
                if (col < row.size() && row.get(col).origin()) return row.get(col).text();
                if (col < row.size() && !row.get(col).text().isEmpty()) return row.get(col).text();
            }
            return "";
        }

        private static String cellText(XWPFTableCell cell) {
            StringBuilder sb = new StringBuilder();
            for (XWPFParagraph p : cell.getParagraphs()) {
                String s = bodyText(p).strip();
                if (s.isEmpty()) continue;
                if (sb.length() > 0) sb.append(' ');
                sb.append(s);
            }
            for (XWPFTable nested : cell.getTables()) {
                for (XWPFTableRow r : nested.getRows()) {
                    for (XWPFTableCell c : r.getTableCells()) {
                        String s = cellText(c);
                        if (!s.isEmpty()) sb.append(sb.length() > 0 ? " " : "").append(s);
                    }
                }
            }
            return sb.toString();
        }
    }

}
