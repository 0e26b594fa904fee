package nianbao.rules;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes a Drools decision table (.drl.xlsx) in the one layout the guide documents: a few Chinese
 * note rows, the RuleSet/Import block, then one RuleTable whose every cell physically exists and
 * none is merged (a merged object-type cell without physical cells silently regroups conditions,
 * stack-notes §6). Used to create the shipped tables once; policy staff then edit them in Excel/WPS.
 */
public final class DecisionTableWriter {

    /** One column: kind is ACTION, CONDITION, NAME or METADATA; snippet uses $param; label is the Chinese heading staff read. */
    public record Column(String kind, String objectType, String snippet, String label, int widthChars) {
        public static Column action(String snippet, String label, int width) {
            return new Column("ACTION", "", snippet, label, width);
        }
    }

    private DecisionTableWriter() {}

    public static void write(Path file, String pkg, String imports, String tableName, List<String> notes,
                             List<Column> columns, List<List<String>> rows) throws IOException {
        try (Workbook wb = new XSSFWorkbook()) {
            Sheet sh = wb.createSheet(tableName);
            CellStyle bold = wb.createCellStyle();
            Font f = wb.createFont();
            f.setBold(true);
            bold.setFont(f);
            CellStyle head = wb.createCellStyle();
            head.cloneStyleFrom(bold);
            head.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
            head.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            CellStyle grey = wb.createCellStyle();
            Font gf = wb.createFont();
            gf.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
            grey.setFont(gf);

            int r = 0;
            // Notes come before the RuleSet keyword, where the compiler does not look.
            for (String n : notes) set(sh.createRow(r++), 0, n, bold);
            r++;
            Row rs = sh.createRow(r++);
            set(rs, 0, "RuleSet", grey);
            rs.createCell(1).setCellValue(pkg);
            Row imp = sh.createRow(r++);
            set(imp, 0, "Import", grey);
            imp.createCell(1).setCellValue(imports);
            // Reference data must be in place before any judging rule fires (as in the DRL files).
            Row pr = sh.createRow(r++);
            set(pr, 0, "PRIORITY", grey);
            pr.createCell(1).setCellValue(1000);
            r++;
            set(sh.createRow(r++), 0, "RuleTable " + tableName, grey);
            Row kinds = sh.createRow(r++), types = sh.createRow(r++), snippets = sh.createRow(r++), labels = sh.createRow(r++);
            for (int c = 0; c < columns.size(); c++) {
                Column col = columns.get(c);
                set(kinds, c, col.kind(), grey);
                set(types, c, col.objectType(), grey); // blank but physically present
                set(snippets, c, col.snippet(), grey);
                set(labels, c, col.label(), head);
                sh.setColumnWidth(c, Math.min(255, col.widthChars()) * 256);
            }
            for (List<String> data : rows) {
                Row row = sh.createRow(r++);
                for (int c = 0; c < columns.size(); c++) {
                    String v = c < data.size() ? data.get(c) : "";
                    // Whole numbers are written as numbers, as staff would type them in Excel.
                    if (v != null && v.matches("-?\\d{1,9}")) row.createCell(c).setCellValue(Integer.parseInt(v));
                    else row.createCell(c).setCellValue(v == null ? "" : v);
                }
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                wb.write(out);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private static Row set(Row row, int c, String v, CellStyle style) {
        var cell = row.createCell(c);
        cell.setCellValue(v);
        cell.setCellStyle(style);
        return row;
    }
}
