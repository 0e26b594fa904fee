package nianbao.rules;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
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
import org.drools.drl.extensions.DecisionTableFactory;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.DecisionTableConfiguration;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.builder.DecisionTableInputType;
import org.kie.internal.io.ResourceFactory;

/**
 * Helpers for the .drl.xlsx decision tables: their DRL, converted once; where a compile error sits in the sheet;
 * merged-cell traps.
 *
 * <p>Drools builds a decision table by converting the workbook to DRL text (POI reads the sheet) and parsing that
 * text. Loading POI and the spreadsheet compiler costs a fresh JVM more than the conversion itself, so the DRL of
 * each table is kept: for the shipped tables in the application jar (converted at build time, {@link Precompile}),
 * for an edited table in the cache folder. Either is found by the SHA-256 of the table's bytes, its input type and
 * the Drools version, and the rule build is given the DRL text instead of the workbook.
 */
final class DecisionTables {
    private static final Pattern VALUES_AT = Pattern.compile("// rule values at ([A-Z]+)(\\d+)");
    /** Where the build stores the DRL of the shipped tables, under {@link #key}. */
    static final String BUNDLED = BundledRules.DIR + "dtables/";
    /** The cache folder's subfolder for the DRL of edited tables. */
    static final String CACHED = "dtables";

    private DecisionTables() {}

    /** Whether a rule file is a decision table ({@code *.drl.xlsx}, {@code *.drl.xls}, {@code *.drl.csv}). */
    static boolean isTable(Path file) {
        return RuleSet.resourceType(file.getFileName().toString()) == ResourceType.DTABLE;
    }

    private static boolean isCsv(String fileName) {
        return fileName.toLowerCase(Locale.ROOT).endsWith(".csv");
    }

    /** How Drools reads the table: its default configuration, CSV input for {@code .csv}. */
    static DecisionTableConfiguration configuration(String fileName) {
        DecisionTableConfiguration conf = KnowledgeBuilderFactory.newDecisionTableConfiguration();
        if (isCsv(fileName)) conf.setInputType(DecisionTableInputType.CSV);
        return conf;
    }

    /** The name a table's DRL is kept under: the SHA-256 of its bytes, its input type and the Drools version. */
    static String key(String fileName, byte[] bytes) {
        try {
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            return sha + "-" + (isCsv(fileName) ? "csv" : "xls") + "-drools-" + RuleSet.DROOLS_VERSION + ".drl";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The DRL Drools generates from a table, as its own build does ({@code KnowledgeBuilderImpl} for a
     * {@code DTABLE} resource: the provider behind {@link DecisionTableFactory}, default configuration, CSV for
     * {@code .csv}). Throws what the conversion throws.
     */
    static String convert(String fileName, byte[] bytes) {
        DecisionTableConfiguration conf = configuration(fileName);
        Resource r = ResourceFactory.newByteArrayResource(bytes);
        // The provider caches conversions by source path: the content key makes that cache right for edited tables.
        r.setSourcePath(key(fileName, bytes) + "/" + fileName);
        return DecisionTableFactory.loadFromResource(r, conf);
    }

    /**
     * The DRL of a table: from the jar (shipped tables), else from {@code cacheDir} (may be null), else converted
     * now and, with a cache folder, written there (temporary file, then rename; failures only cost the next run
     * the conversion). Null when the table does not convert: the build then reads the workbook and reports why.
     */
    static String drl(String fileName, byte[] bytes, ClassLoader cl, Path cacheDir) {
        String key = key(fileName, bytes);
        try (InputStream in = cl.getResourceAsStream(BUNDLED + key)) {
            if (in != null) return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            // converted below
        }
        Path cached = cacheDir == null ? null : cacheDir.resolve(CACHED).resolve(key);
        if (cached != null && Files.isRegularFile(cached)) {
            try {
                return Files.readString(cached, StandardCharsets.UTF_8);
            } catch (IOException e) {
                // converted again below
            }
        }
        String drl;
        try {
            drl = convert(fileName, bytes);
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
        if (drl == null) return null;
        if (cached != null) write(cached, drl);
        return drl;
    }

    /** Writes a table's DRL atomically (temporary file, then rename); false when it could not. */
    static boolean write(Path target, String drl) {
        try {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), "dtable-", ".tmp");
            try {
                Files.writeString(tmp, drl, StandardCharsets.UTF_8);
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** {@link #cellOf(Path, int)} from the table's generated DRL text. */
    static String cellOf(String drl, int drlLine) {
        if (drlLine <= 0 || drl == null) return "";
        String[] lines = drl.split("\n");
        for (int i = Math.min(drlLine, lines.length) - 1; i >= 0; i--) {
            Matcher m = VALUES_AT.matcher(lines[i]);
            if (m.find()) return "（表格第" + m.group(2) + "行 / sheet row " + m.group(2) + "）";
        }
        return "";
    }

    /**
     * Drools reports a table's error at a line of the DRL it generated; the generated DRL names the
     * sheet cell each rule came from, so the error can point at the row staff edited.
     */
    static String cellOf(Path table, int drlLine) {
        if (drlLine <= 0) return "";
        try (InputStream in = Files.newInputStream(table)) {
            return cellOf(new SpreadsheetCompiler().compile(in, InputType.XLS), drlLine);
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
