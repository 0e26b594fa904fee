package nianbao.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.OldWordFileFormatException;
import org.apache.poi.hwpf.usermodel.HWPFList;
import org.apache.poi.hwpf.usermodel.Paragraph;
import org.apache.poi.hwpf.usermodel.Range;
import org.apache.poi.hwpf.usermodel.Table;
import org.apache.poi.hwpf.usermodel.TableCell;
import org.apache.poi.hwpf.usermodel.TableRow;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Word 97–2003 (.doc) with POI HWPF. Only the main text range is read, so headers, footers,
 * footnotes and text boxes (separate sub-documents in the file) stay out of the body. Table
 * columns come from the cells' edges, so a wide cell spans the narrow ones below it.
 */
final class DocReader {
    private DocReader() {}

    static Document read(String source, String sha256, byte[] bytes) throws IngestException {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(bytes))) {
            DirectoryNode root = fs.getRoot();
            if (!root.hasEntry("WordDocument")) throw notWord(root);
            try (HWPFDocument doc = new HWPFDocument(fs)) {
                return walk(doc).document(source, sha256, "doc");
            }
        } catch (IngestException e) {
            throw e;
        } catch (EncryptedDocumentException e) {
            throw new IngestException("ENCRYPTED", "Word文件受密码保护，无法读取", "the DOC file is password-protected");
        } catch (OldWordFileFormatException e) {
            throw new IngestException("UNSUPPORTED_TYPE", "这是Word 6/95格式的旧文件，请另存为.docx", "Word 6/95 files are not supported; save as .docx");
        } catch (IOException | RuntimeException e) {
            // HWPF reports damaged records with assorted runtime exceptions.
            String why = String.valueOf(e.getMessage()).lines().findFirst().orElse("").strip();
            if (why.length() > 160) why = why.substring(0, 160) + "…";
            throw new IngestException("CORRUPT", "Word(.doc)文件已损坏，无法读取",
                    "the DOC file is damaged: " + e.getClass().getSimpleName() + (why.isEmpty() ? "" : " " + why));
        }
    }

    private static IngestException notWord(DirectoryNode root) {
        if (root.hasEntry("EncryptionInfo") || root.hasEntry("EncryptedPackage")) {
            return new IngestException("ENCRYPTED", "Office文件受密码保护，无法读取", "the Office file is password-protected");
        }
        if (root.hasEntry("Workbook") || root.hasEntry("Book")) {
            return new IngestException("NOT_WORD", "这是Excel表格（.xls），不是Word文档", "the file is an Excel workbook (.xls), not a Word document");
        }
        if (root.hasEntry("PowerPoint Document")) {
            return new IngestException("NOT_WORD", "这是PowerPoint文件（.ppt），不是Word文档", "the file is a PowerPoint file (.ppt), not a Word document");
        }
        return new IngestException("NOT_WORD", "OLE复合文件不是Word文档（.doc）", "the OLE compound file is not a Word document (.doc)");
    }

    private static PlacedBlocks walk(HWPFDocument doc) {
        PlacedBlocks out = new PlacedBlocks();
        WordNumbering numbering = new WordNumbering();
        Range range = doc.getRange();
        int paragraphs = 0;
        for (int i = 0; i < range.numParagraphs(); i++) {
            Paragraph p = range.getParagraph(i);
            if (p.isInTable()) {
                Table t = range.getTable(p);
                out.table(grid(t), (table, row) -> "表" + table + "第" + row + "行");
                i += Math.max(1, t.numParagraphs()) - 1;
                continue;
            }
            paragraphs++;
            out.text(number(p, numbering) + text(p), "第" + paragraphs + "段");
        }
        return out;
    }

    private static String text(Range r) {
        // Field codes ({ PAGE }, hyperlinks) keep only their shown result; \u0007 ends a cell.
        return Range.stripFields(r.text()).replace('\u0007', ' ').replace('\r', '\n');
    }

    private static String number(Paragraph p, WordNumbering numbering) {
        try {
            if (!p.isInList()) return "";
            HWPFList list = p.getList();
            int level = p.getIlvl();
            if (list == null || level < 0 || level > 8) return "";
            WordNumbering.Format[] formats = new WordNumbering.Format[9];
            int[] starts = new int[9];
            for (int l = 0; l <= level; l++) {
                formats[l] = WordNumbering.nfc(list.getNumberFormat((char) l));
                starts[l] = list.getStartAt((char) l);
            }
            StringBuilder levelText = new StringBuilder();
            for (char c : list.getNumberText((char) level).toCharArray()) {
                if (c < 9) levelText.append('%').append((char) ('1' + c));
                else levelText.append(c);
            }
            return numbering.next(Integer.toString(list.getLsid()), level, levelText.toString(), formats, starts);
        } catch (RuntimeException e) {
            return ""; // a damaged list table costs the number, not the paragraph
        }
    }

    /** Columns are the distinct cell edges of all rows; a cell spans the columns between its edges. */
    private static List<List<PlacedBlocks.Slot>> grid(Table t) {
        TreeSet<Integer> edges = new TreeSet<>();
        for (int r = 0; r < t.numRows(); r++) {
            TableRow row = t.getRow(r);
            for (int c = 0; c < row.numCells(); c++) {
                TableCell cell = row.getCell(c);
                edges.add(cell.getLeftEdge());
                edges.add(cell.getLeftEdge() + cell.getWidth());
            }
        }
        List<Integer> cols = snap(edges);
        List<List<PlacedBlocks.Slot>> grid = new ArrayList<>();
        for (int r = 0; r < t.numRows(); r++) {
            TableRow row = t.getRow(r);
            List<PlacedBlocks.Slot> slots = new ArrayList<>();
            for (int c = 0; c < row.numCells(); c++) {
                TableCell cell = row.getCell(c);
                int from = index(cols, cell.getLeftEdge()), to = index(cols, cell.getLeftEdge() + cell.getWidth());
                while (slots.size() < from) slots.add(new PlacedBlocks.Slot("", true));
                int span = Math.max(1, to - from);
                boolean hMergedCopy = cell.isMerged() && !cell.isFirstMerged();
                boolean vMergedCopy = cell.isVerticallyMerged() && !cell.isFirstVerticallyMerged();
                String text;
                if (vMergedCopy) text = above(grid, slots.size());
                else if (hMergedCopy) text = slots.isEmpty() ? "" : slots.get(slots.size() - 1).text();
                else text = text(cell).strip();
                for (int k = 0; k < span; k++) slots.add(new PlacedBlocks.Slot(text, k == 0 && !vMergedCopy && !hMergedCopy));
            }
            grid.add(slots);
        }
        return grid;
    }

    /** Edges closer than 1/20 inch (72 twips) are the same column line drawn a little off. */
    private static List<Integer> snap(TreeSet<Integer> edges) {
        List<Integer> out = new ArrayList<>();
        for (int e : edges) if (out.isEmpty() || e - out.get(out.size() - 1) > 72) out.add(e);
        return out;
    }

    private static int index(List<Integer> cols, int x) {
        int best = 0;
        for (int i = 0; i < cols.size(); i++) if (Math.abs(cols.get(i) - x) < Math.abs(cols.get(best) - x)) best = i;
        return best;
    }

    private static String above(List<List<PlacedBlocks.Slot>> grid, int col) {
        for (int r = grid.size() - 1; r >= 0; r--) {
            List<PlacedBlocks.Slot> row = grid.get(r);
            if (col < row.size() && row.get(col).origin()) return row.get(col).text();
        }
        return "";
    }
}
