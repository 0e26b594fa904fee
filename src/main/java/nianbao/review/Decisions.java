package nianbao.review;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nianbao.model.Finding;
import nianbao.model.Location;
import nianbao.model.Severity;
import nianbao.pipeline.AuditResult;
import nianbao.score.Grading;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * The reviewers' decisions, read from a {@code summary.xlsx} they edited: sheet 问题明细 (columns
 * 问题编号, 审核结论, 审核意见), sheet 失效结论 (decisions an earlier run could not match, carried
 * along) and sheet 补充问题 (problems the machine missed). The file is only read, never written.
 *
 * <p>Usage errors (not a workbook, missing sheet or columns, an unknown verdict, a bad manual row)
 * throw {@link DecisionsException} before anything is audited; things worth a warning (a verdict on
 * a row without an id, a duplicated id) are in {@link #warnings()}. Decisions whose finding is not
 * found are reported by {@link #orphans} after the run.
 */
public final class Decisions {
    public static final String SHEET_FINDINGS = "问题明细", SHEET_ORPHANS = "失效结论", SHEET_MANUAL = "补充问题";
    public static final String COL_FILE = "文件", COL_ID = "问题编号", COL_CODE = "问题代码", COL_VERDICT = "审核结论",
            COL_REMARK = "审核意见", COL_MESSAGE = "问题描述", COL_SEVERITY = "严重程度", COL_POINTS = "扣分",
            COL_LOCATION = "位置", COL_BASIS = "依据";
    public static final String MANUAL_CODE = "人工";
    public static final String MANUAL_TITLE = "审核人员补充的问题";

    /** A problem a reviewer added (one row of 补充问题). */
    public record Manual(String id, String file, Finding finding, String text, String locationText, String where) {}

    public static final Decisions NONE = new Decisions(null, Map.of(), List.of(), List.of(), "");

    private final Path file;
    private final Map<String, Decision> byId;
    private final List<Manual> manual;
    private final List<String> warnings;
    private final String fingerprint;

    private Decisions(Path file, Map<String, Decision> byId, List<Manual> manual, List<String> warnings, String fingerprint) {
        this.file = file;
        this.byId = byId;
        this.manual = manual;
        this.warnings = warnings;
        this.fingerprint = fingerprint;
    }

    public boolean isEmpty() { return byId.isEmpty() && manual.isEmpty(); }

    public Path file() { return file; }

    public Collection<Decision> all() { return byId.values(); }

    public Decision get(String id) { return byId.get(id); }

    public List<Manual> manual() { return manual; }

    /** One line each, Chinese / English. */
    public List<String> warnings() { return warnings; }

    /** SHA-256 of the workbook's bytes ("" without one): part of the --resume key. */
    public String fingerprint() { return fingerprint; }

    public static Decisions load(Path file) throws DecisionsException {
        String name = file.toString();
        if (!Files.isRegularFile(file)) throw new DecisionsException(name + ": 审核结论文件不存在 / decisions file not found");
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new DecisionsException(name + ": 审核结论文件无法读取 / cannot read the decisions file: " + e.getMessage());
        }
        Workbook wb;
        try {
            wb = WorkbookFactory.create(new java.io.ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            throw new DecisionsException(name + ": 不是Excel工作簿（应为 nianbao 生成的 summary.xlsx） / not an Excel workbook (expected the summary.xlsx nianbao wrote)");
        }
        try (wb) {
            List<String> warnings = new ArrayList<>();
            Sheet findings = wb.getSheet(SHEET_FINDINGS);
            if (findings == null) {
                throw new DecisionsException(name + ": 缺少工作表“" + SHEET_FINDINGS + "” / sheet " + SHEET_FINDINGS + " is missing");
            }
            Map<String, Decision> byId = new LinkedHashMap<>();
            readDecisions(name, findings, byId, warnings, true);
            Sheet orphans = wb.getSheet(SHEET_ORPHANS);
            if (orphans != null) readDecisions(name, orphans, byId, warnings, false);
            List<Manual> manual = new ArrayList<>();
            Sheet extra = wb.getSheet(SHEET_MANUAL);
            if (extra != null) readManual(name, extra, manual);
            return new Decisions(file, byId, List.copyOf(manual), List.copyOf(warnings), sha256(bytes));
        } catch (IOException e) {
            throw new DecisionsException(name + ": 审核结论文件无法读取 / cannot read the decisions file: " + e.getMessage());
        }
    }

    /** The sheet's header columns by name; a clear error when one of {@code required} is missing. */
    private static Map<String, Integer> columns(String name, Sheet sheet, String... required) throws DecisionsException {
        Map<String, Integer> cols = header(sheet);
        List<String> missing = new ArrayList<>();
        for (String c : required) if (!cols.containsKey(c)) missing.add(c);
        if (!missing.isEmpty()) {
            throw new DecisionsException(name + ": 工作表“" + sheet.getSheetName() + "”缺少列 " + String.join("、", missing)
                    + " / sheet " + sheet.getSheetName() + " lacks the columns " + String.join(", ", missing));
        }
        return cols;
    }

    private static void readDecisions(String name, Sheet sheet, Map<String, Decision> byId, List<String> warnings, boolean primary)
            throws DecisionsException {
        Map<String, Integer> cols = columns(name, sheet, COL_ID, COL_VERDICT, COL_REMARK);
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null) continue;
            String id = text(row, cols.get(COL_ID)), verdictText = text(row, cols.get(COL_VERDICT)), remark = text(row, cols.get(COL_REMARK));
            if (verdictText.isEmpty() && remark.isEmpty()) continue;
            String where = sheet.getSheetName() + "第" + (r + 1) + "行";
            Verdict v = verdictText.isEmpty() ? Verdict.PENDING : Verdict.parse(verdictText);
            if (v == null) {
                throw new DecisionsException(name + ": " + where + "的审核结论“" + verdictText + "”无效，只能填 确认、驳回 或 待定 / "
                        + sheet.getSheetName() + " row " + (r + 1) + ": unknown verdict \"" + verdictText + "\" (use 确认, 驳回 or 待定)");
            }
            if (id.isEmpty()) {
                warnings.add("警告 / warning: " + name + ": " + where + "有审核结论但没有问题编号，无法对应到问题（跨报告问题不计分，结论不保存） / "
                        + sheet.getSheetName() + " row " + (r + 1) + ": a verdict without a finding id cannot be applied");
                continue;
            }
            Decision d = new Decision(id, v, remark, text(row, cols.get(COL_FILE)), text(row, cols.get(COL_CODE)),
                    text(row, cols.get(COL_MESSAGE)), where);
            Decision old = byId.get(id);
            if (old == null) {
                byId.put(id, d);
            } else if (primary && (old.verdict() != v || !old.remark().equals(remark))) {
                warnings.add("警告 / warning: " + name + ": 问题编号 " + id + " 在" + old.where() + "和" + where + "都有审核结论，采用后者 / "
                        + "finding " + id + " is decided twice; the later row wins");
                byId.put(id, d);
            }
        }
    }

    private static final Pattern LINE = Pattern.compile("第?\\s*(\\d{1,7})\\s*行?");
    private static final Pattern SECTION = Pattern.compile("[SL][1-9]");
    private static final Pattern CELL = Pattern.compile("(T[1-9])[\\s/,，]+(\\S+)[\\s/,，]+(\\S+)");

    private static void readManual(String name, Sheet sheet, List<Manual> out) throws DecisionsException {
        Map<String, Integer> cols = columns(name, sheet, COL_FILE, COL_MESSAGE);
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null) continue;
            String fileCell = text(row, cols.get(COL_FILE)), message = text(row, cols.get(COL_MESSAGE));
            String code = text(row, cols.get(COL_CODE)), sev = text(row, cols.get(COL_SEVERITY)), pts = text(row, cols.get(COL_POINTS));
            String loc = text(row, cols.get(COL_LOCATION)), basis = text(row, cols.get(COL_BASIS));
            if (fileCell.isEmpty() && message.isEmpty() && code.isEmpty() && sev.isEmpty() && pts.isEmpty() && loc.isEmpty()) continue;
            String where = sheet.getSheetName() + "第" + (r + 1) + "行";
            String en = sheet.getSheetName() + " row " + (r + 1);
            if (fileCell.isEmpty() || message.isEmpty()) {
                throw new DecisionsException(name + ": " + where + "需要填写文件和问题描述 / " + en + ": 文件 and 问题描述 are required");
            }
            Severity severity = severity(sev);
            if (severity == null) {
                throw new DecisionsException(name + ": " + where + "的严重程度“" + sev + "”无效，只能填 严重、重要、一般、提示 / "
                        + en + ": unknown severity \"" + sev + "\" (critical, major, minor, info)");
            }
            int points;
            try {
                points = pts.isEmpty() ? 0 : (int) Math.round(Double.parseDouble(pts));
                if (points < 0 || points > 100) throw new NumberFormatException();
            } catch (NumberFormatException e) {
                throw new DecisionsException(name + ": " + where + "的扣分“" + pts + "”不是0到100的整数 / " + en + ": points \"" + pts + "\" is not an integer 0-100");
            }
            String c = code.isEmpty() ? MANUAL_CODE : code;
            Location location = location(loc);
            String msg = location.equals(Location.none()) && !loc.isEmpty() ? message + "（位置：" + loc + "）" : message;
            Finding f = new Finding(c, MANUAL_TITLE, severity, "人工审核", msg, points, basis.isEmpty() ? "审核人员补充" : basis, location, "");
            out.add(new Manual(FindingIds.manual(fileCell, c, message, loc), fileCell, f, message, loc, where));
        }
    }

    static Location location(String text) {
        String t = text.strip();
        Matcher m;
        if ((m = LINE.matcher(t)).matches()) return Location.line(Integer.parseInt(m.group(1)));
        if (SECTION.matcher(t).matches()) return new Location(t, null, null, null, null);
        if ((m = CELL.matcher(t)).matches()) return new Location(null, m.group(1), m.group(2), m.group(3), null);
        return Location.none();
    }

    private static Severity severity(String s) {
        if (s.isEmpty()) return Severity.MINOR;
        for (Severity v : Severity.values()) if (v.chinese().equals(s) || v.id().equalsIgnoreCase(s)) return v;
        return null;
    }

    private static Map<String, Integer> header(Sheet sheet) {
        Map<String, Integer> cols = new HashMap<>();
        Row h = sheet.getRow(sheet.getFirstRowNum());
        if (h == null) return cols;
        for (Cell c : h) {
            String t = Format.INSTANCE.formatCellValue(c).strip();
            if (!t.isEmpty()) cols.putIfAbsent(t, c.getColumnIndex());
        }
        return cols;
    }

    /** Made on first use: POI's formatter loads many classes, and most runs read no decisions file. */
    private static final class Format {
        static final DataFormatter INSTANCE = new DataFormatter();
    }

    private static String text(Row row, Integer col) {
        if (col == null) return "";
        Cell c = row.getCell(col);
        return c == null ? "" : Format.INSTANCE.formatCellValue(c).strip();
    }

    // ---- applying -------------------------------------------------------------------------------

    /**
     * The report's findings with ids and decisions, the manual findings for this input, and the score
     * and grade they give ({@code grading} null: the audit's own score and grade are kept).
     */
    public Reviewed apply(AuditResult r, String stem, Grading grading) {
        if (r.failed() || r.report() == null) return new Reviewed(List.of(), r.score(), r.grade(), null);
        List<String> ids = FindingIds.assign(r.report(), r.findings());
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) items.add(new Item(ids.get(i), r.findings().get(i), byId.get(ids.get(i)), false));
        for (Manual m : manual) {
            if (!matches(m.file(), r.source(), stem)) continue;
            Decision d = byId.get(m.id());
            if (d == null) d = new Decision(m.id(), Verdict.CONFIRMED, "", m.file(), m.finding().code(), m.finding().message(), m.where());
            items.add(new Item(m.id(), m.finding(), d, true));
        }
        if (grading == null) return new Reviewed(List.copyOf(items), r.score(), r.grade(), null);
        Grading.Score s = grading.score(items.stream().filter(i -> !i.dismissed()).map(Item::finding).toList());
        return new Reviewed(List.copyOf(items), s.value(), s.grade(), s.cap());
    }

    /** Whether the 文件 cell of a manual row names this input: its path, file name or output stem. */
    public static boolean matches(String fileCell, String source, String stem) {
        String f = fileCell.strip().replace('\\', '/');
        String s = source.replace('\\', '/');
        String name = s.substring(s.lastIndexOf('/') + 1);
        return f.equals(s) || f.equals(name) || stem != null && (f.equals(stem) || f.equals(stem + ".html"))
                || s.endsWith("/" + f);
    }

    /** Decisions (and manual rows) whose finding none of the reports has: listed, never dropped. */
    public List<Decision> orphans(Set<String> presentIds) {
        List<Decision> out = new ArrayList<>();
        for (Decision d : byId.values()) if (!presentIds.contains(d.id())) out.add(d);
        for (Manual m : manual) {
            if (!presentIds.contains(m.id()) && !byId.containsKey(m.id())) {
                out.add(new Decision(m.id(), Verdict.CONFIRMED, "补充问题未找到对应的文件", m.file(), m.finding().code(), m.finding().message(), m.where()));
            }
        }
        return out;
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
