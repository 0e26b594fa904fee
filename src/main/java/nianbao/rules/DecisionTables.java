package nianbao.rules;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;

/** Helpers for the .drl.xlsx decision tables: where a compile error sits in the sheet, and merged-cell traps. */
final class DecisionTables {
    private static final Pattern VALUES_AT = Pattern.compile("// rule values at ([A-Z]+)(\\d+)");

    private DecisionTables() {}

    /**
     * Drools reports a table's error at a line of the DRL it generated; the generated DRL names the
     * sheet cell each rule came from, so the error can point at the row staff edited.
     */
    static String cellOf(Path table, int drlLine) {
        if (drlLine <= 0) return "";
        try (InputStream in = Files.newInputStream(table)) {
            String drl = new SpreadsheetCompiler().compile(in, InputType.XLS);
            String[] lines = drl.split("\n");
            for (int i = Math.min(drlLine, lines.length) - 1; i >= 0; i--) {
                Matcher m = VALUES_AT.matcher(lines[i]);
                if (m.find()) return "（表格第" + m.group(2) + "行 / sheet row " + m.group(2) + "）";
            }
        } catch (Exception e) {
            // the position hint is optional; the error itself is reported anyway
        }
        return "";
    }

    /**
     * Merged regions whose covered cells do not physically exist: Drools then reads the later
     * columns without the merged object type and silently changes the conditions (stack-notes §6).
     */
    static List<String> mergedCellProblems(Path table) {
        List<String> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(table); Workbook wb = WorkbookFactory.create(in)) {
            for (Sheet sh : wb) {
                for (CellRangeAddress r : sh.getMergedRegions()) {
                    for (int row = r.getFirstRow(); row <= r.getLastRow(); row++) {
                        Row rw = sh.getRow(row);
                        for (int col = r.getFirstColumn(); col <= r.getLastColumn(); col++) {
                            if (rw == null || rw.getCell(col) == null) {
                                out.add("工作表“" + sh.getSheetName() + "”的合并单元格 " + r.formatAsString() + " 中 "
                                        + new CellReference(row, col).formatAsString() + " 没有实际单元格，条件会被悄悄拆开；请取消合并"
                                        + " / merged region " + r.formatAsString() + " lacks cell " + new CellReference(row, col).formatAsString());
                            }
                        }
                    }
                }
            }
        } catch (Exception e) {
            out.add("无法读取表格 / cannot read spreadsheet: " + e.getMessage());
        }
        return out;
    }
}
