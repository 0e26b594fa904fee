package nianbao.batch;

import nianbao.report.JsonReport;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nianbao.model.Finding;
import nianbao.report.AtomicFiles;
import nianbao.score.Grading;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import nianbao.review.Decision;
import nianbao.review.Decisions;
import nianbao.review.Item;
import nianbao.review.Reviewed;
import nianbao.review.Verdict;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** The batch summary files: summary.json, summary.csv (UTF-8 with BOM), summary.xlsx, index.html. All written atomically. */
public final class Summary {
    /** Columns of the report rows, in the order of contract.md, then extras. */
    static final List<String> COLUMNS = List.of("source", "agency", "agencyLevel", "region", "reportYear", "format", "score", "grade",
            "critical", "major", "minor", "info", "error", "report", "substantiveRate", "correctionRate", "url");
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final int XLSX_CELL_MAX = 32_000;

    private Summary() {}

    private interface Render { byte[] bytes() throws IOException; }

    /** Chinese headers of the 报告 sheet, one per {@link #COLUMNS} entry (summary.csv and summary.json keep the English keys). */
    static final List<String> COLUMNS_ZH = List.of("文件", "发布机关", "机关层级", "地区", "报告年度", "格式", "得分", "等级",
            "严重", "重要", "一般", "提示", "错误", "审核报告", "实质公开率", "纠错率", "网址");
    /** Columns of the sheet 问题明细; 问题编号, 审核结论 and 审核意见 are what {@link Decisions#load} reads back. */
    static final List<String> FINDING_COLUMNS = List.of(Decisions.COL_FILE, "发布机关", "地区", Decisions.COL_ID, Decisions.COL_CODE,
            Decisions.COL_SEVERITY, "类别", "问题", Decisions.COL_POINTS, "行号", Decisions.COL_MESSAGE, "原文", Decisions.COL_VERDICT, Decisions.COL_REMARK);
    static final List<String> MANUAL_COLUMNS = List.of(Decisions.COL_FILE, Decisions.COL_CODE, Decisions.COL_SEVERITY, Decisions.COL_POINTS,
            Decisions.COL_MESSAGE, Decisions.COL_LOCATION, Decisions.COL_BASIS);
    static final List<String> ORPHAN_COLUMNS = List.of(Decisions.COL_ID, Decisions.COL_FILE, Decisions.COL_CODE, Decisions.COL_MESSAGE,
            Decisions.COL_VERDICT, Decisions.COL_REMARK, "原所在位置");

    /**
     * Makes an empty workbook and an empty summary page and throws them away: the spreadsheet library's first
     * workbook in a JVM loads its XML schema types (about a third of a second), and the page's template engine
     * initialises itself, which a batch otherwise pays at its end, when its other threads are done.
     */
    public static void warmUp() {
        try {
            xlsx(List.of(), List.of());
            IndexPage.bytes(List.of(), List.of(), new Grading(List.of(new Grading.Grade("合格", 0))));
        } catch (IOException | RuntimeException | LinkageError e) {
            // only a warm-up: the real workbook and page report their own errors
        }
    }

    public static void write(Path out, List<nianbao.batch.Row> rows, List<CrossFinding> cross, Grading grading) throws IOException {
        write(out, rows, cross, grading, Decisions.NONE, List.of());
    }

    /** The four files are independent; on a 10,000-report batch the workbook and the page each take seconds, so they are made in parallel. */
    public static void write(Path out, List<nianbao.batch.Row> rows, List<CrossFinding> cross, Grading grading,
                             Decisions decisions, List<Decision> orphans) throws IOException {
        Map<String, Render> files = new LinkedHashMap<>();
        files.put("summary.xlsx", () -> xlsx(rows, cross, decisions, orphans));
        files.put("index.html", () -> IndexPage.bytes(rows, cross, grading));
        files.put("summary.json", () -> json(rows, cross, orphans));
        files.put("summary.csv", () -> csv(rows));
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(files.size(), Math.max(1, Runtime.getRuntime().availableProcessors())));
        try {
            List<Future<?>> done = new ArrayList<>();
            for (var e : files.entrySet()) {
                done.add(pool.submit(() -> {
                    AtomicFiles.write(out.resolve(e.getKey()), e.getValue().bytes());
                    return null;
                }));
            }
            for (Future<?> f : done) {
                try {
                    f.get();
                } catch (ExecutionException ex) {
                    Throwable c = ex.getCause();
                    if (c instanceof IOException io) throw io;
                    throw new IOException(c.getClass().getSimpleName() + ": " + c.getMessage(), c);
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static List<Object> values(nianbao.batch.Row r) {
        List<Object> v = new ArrayList<>();
        v.add(r.source());
        v.add(r.agency());
        v.add(r.agencyLevel());
        v.add(r.region());
        v.add(r.reportYear());
        v.add(r.format());
        v.add(r.score());
        v.add(r.grade());
        v.add(r.getCritical());
        v.add(r.getMajor());
        v.add(r.getMinor());
        v.add(r.getInfo());
        v.add(r.getError());
        v.add(r.failed() && r.sha256() == null ? null : r.getHtml());
        v.add(r.substantiveRate());
        v.add(r.correctionRate());
        v.add(r.url());
        return v;
    }

    static byte[] json(List<nianbao.batch.Row> rows, List<CrossFinding> cross) throws IOException {
        return json(rows, cross, List.of());
    }

    /** Counts of the reviewers' verdicts over some findings: confirmed, dismissed, pending, undecided, manual. */
    static Map<String, Long> verdictCounts(List<Reviewed> reviews) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (Verdict v : Verdict.values()) m.put(v.id(), reviews.stream().mapToLong(rv -> rv.count(v)).sum());
        m.put("undecided", reviews.stream().mapToLong(Reviewed::undecided).sum());
        m.put("manual", reviews.stream().mapToLong(Reviewed::manual).sum());
        return m;
    }

    static byte[] json(List<nianbao.batch.Row> rows, List<CrossFinding> cross, List<Decision> orphans) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("inputs", rows.size());
        totals.put("failed", rows.stream().filter(nianbao.batch.Row::failed).count());
        totals.put("crossFindings", cross.size());
        totals.put("review", verdictCounts(rows.stream().map(nianbao.batch.Row::review).filter(java.util.Objects::nonNull).toList()));
        totals.put("orphanedDecisions", orphans.size());
        root.put("totals", totals);
        List<Map<String, Object>> reports = new ArrayList<>();
        for (var r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            List<Object> v = values(r);
            for (int i = 0; i < COLUMNS.size(); i++) m.put(COLUMNS.get(i), v.get(i));
            if (r.failed()) {
                // in a fixed order, as in the report's own JSON (Map.of's order varies from one JVM to the next)
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("code", r.errorCode());
                error.put("message", r.errorMessage());
                m.put("error", error);
            }
            if (r.review() != null) m.put("review", verdictCounts(List.of(r.review())));
            reports.add(m);
        }
        root.put("reports", reports);
        List<Map<String, Object>> os = new ArrayList<>();
        for (Decision d : orphans) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", d.id());
            m.put("file", d.file());
            m.put("code", d.code());
            m.put("message", d.message());
            m.put("verdict", d.verdict().id());
            m.put("remark", d.remark());
            m.put("where", d.where());
            os.add(m);
        }
        root.put("orphanedDecisions", os);
        List<Map<String, Object>> xs = new ArrayList<>();
        for (CrossFinding c : cross) {
            Map<String, Object> m = JsonReport.finding(c.finding());
            m.put("sources", c.sources());
            xs.add(m);
        }
        root.put("crossFindings", xs);
        return MAPPER.writeValueAsBytes(root);
    }

    static byte[] csv(List<nianbao.batch.Row> rows) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});   // BOM: Excel and WPS then read UTF-8
        try (CSVPrinter p = new CSVPrinter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8),
                CSVFormat.DEFAULT.builder().setHeader(COLUMNS.toArray(String[]::new)).get())) {
            for (var r : rows) p.printRecord(values(r));
        }
        return bytes.toByteArray();
    }

    static byte[] xlsx(List<nianbao.batch.Row> rows, List<CrossFinding> cross) throws IOException {
        return xlsx(rows, cross, Decisions.NONE, List.of());
    }

    /**
     * The workbook reviewers work in: Chinese headers everywhere; 问题明细 carries each finding's 问题编号
     * and the editable 审核结论 (drop-down 确认/驳回/待定) and 审核意见, filled with the decisions given
     * so that the newest file carries them forward; 补充问题 repeats the manual problems given; 失效结论
     * lists the decisions whose finding is gone.
     */
    static byte[] xlsx(List<nianbao.batch.Row> rows, List<CrossFinding> cross, Decisions decisions, List<Decision> orphans) throws IOException {
        // Streaming workbook: a 10,000-report batch has hundreds of thousands of finding rows.
        SXSSFWorkbook wb = new SXSSFWorkbook(200);
        try {
            Sheet reports = wb.createSheet("报告");
            List<String> rcols = new ArrayList<>(COLUMNS_ZH);
            rcols.addAll(List.of("已确认", "已驳回", "待定", "未审核", "人工补充", "机器审核得分"));
            header(reports, rcols);
            int n = 1;
            for (var r : rows) {
                List<Object> v = new ArrayList<>(values(r));
                Reviewed rv = r.review();
                if (rv != null) {
                    v.addAll(List.of(rv.count(Verdict.CONFIRMED), rv.count(Verdict.DISMISSED), rv.count(Verdict.PENDING), rv.undecided(), rv.manual()));
                    int machine = 100 - rv.items().stream().filter(i -> !i.manual()).mapToInt(i -> i.finding().points()).sum();
                    v.add(Math.max(0, machine));
                }
                cells(reports.createRow(n++), v);
            }
            reports.createFreezePane(0, 1);

            List<String> fcols = FINDING_COLUMNS;
            int verdictCol = fcols.indexOf(Decisions.COL_VERDICT);
            Sheet findings = wb.createSheet(Decisions.SHEET_FINDINGS);
            header(findings, fcols);
            n = 1;
            Map<String, long[]> perCode = new TreeMap<>();
            Map<String, String> titles = new LinkedHashMap<>();
            for (var r : rows) {
                List<Item> items = r.review() != null ? r.review().items()
                        : r.findings().stream().map(f -> new Item("", f, null, false)).toList();
                for (Item i : items) {
                    Finding f = i.finding();
                    // Empty editable cells are left out (not written as ""), so that any editor, POI included, types into a fresh cell.
                    cells(findings.createRow(n++), java.util.Arrays.asList(r.source(), nz(r.agency()), nz(r.region()), i.id(), f.code(),
                            f.severity().chinese(), nz(f.category()), nz(f.title()), f.points(), f.location().line() == null ? "" : f.location().line(),
                            nz(f.message()), nz(f.evidence()), i.verdict() == null ? null : i.verdict().chinese(), i.remark().isEmpty() ? null : i.remark()));
                    if (i.dismissed()) continue;
                    long[] c = perCode.computeIfAbsent(f.code(), k -> new long[2]);
                    c[0]++;
                    titles.putIfAbsent(f.code(), f.title() + "\t" + f.severity().chinese());
                }
                for (String code : r.findings().stream().map(Finding::code).distinct().toList()) perCode.get(code)[1]++;
            }
            int lastFindingRow = n - 1;
            for (CrossFinding c : cross) {
                Finding f = c.finding();
                cells(findings.createRow(n++), List.of(String.join(" ; ", c.sources()), "", "", "", f.code(), f.severity().chinese(), nz(f.category()),
                        nz(f.title()), f.points(), "", nz(f.message()), nz(f.evidence())));
                long[] cnt = perCode.computeIfAbsent(f.code(), k -> new long[2]);
                cnt[0]++;
                cnt[1] += c.sources().size();
                titles.putIfAbsent(f.code(), f.title() + "\t" + f.severity().chinese());
            }
            findings.setAutoFilter(new CellRangeAddress(0, Math.max(0, n - 1), 0, fcols.size() - 1));
            findings.createFreezePane(0, 1);
            if (lastFindingRow >= 1) dropDown(findings, 1, lastFindingRow, verdictCol,
                    Verdict.CONFIRMED.chinese(), Verdict.DISMISSED.chinese(), Verdict.PENDING.chinese());
            ((SXSSFSheet) findings).setColumnWidth(fcols.indexOf(Decisions.COL_ID), 18 * 256);
            ((SXSSFSheet) findings).setColumnWidth(fcols.indexOf(Decisions.COL_MESSAGE), 60 * 256);
            ((SXSSFSheet) findings).setColumnWidth(fcols.indexOf(Decisions.COL_REMARK), 40 * 256);

            Sheet codes = wb.createSheet("问题统计");
            header(codes, List.of("问题代码", "问题", "严重程度", "问题数", "报告数"));
            n = 1;
            for (var e : perCode.entrySet()) {
                String[] ts = titles.get(e.getKey()).split("\t", 2);
                cells(codes.createRow(n++), List.of(e.getKey(), ts[0], ts[1], e.getValue()[0], e.getValue()[1]));
            }
            codes.setAutoFilter(new CellRangeAddress(0, Math.max(0, n - 1), 0, 4));

            Sheet manual = wb.createSheet(Decisions.SHEET_MANUAL);
            header(manual, MANUAL_COLUMNS);
            n = 1;
            for (Decisions.Manual m : decisions.manual()) {
                Finding f = m.finding();
                cells(manual.createRow(n++), List.of(m.file(), f.code(), f.severity().chinese(), f.points(),
                        m.text(),
                        m.locationText(), "审核人员补充".equals(f.basis()) ? "" : nz(f.basis())));
            }
            // Room to type: the drop-down covers the rows below the carried ones too.
            dropDown(manual, 1, n + 500, MANUAL_COLUMNS.indexOf(Decisions.COL_SEVERITY), "严重", "重要", "一般", "提示");
            manual.createFreezePane(0, 1);

            Sheet orphaned = wb.createSheet(Decisions.SHEET_ORPHANS);
            header(orphaned, ORPHAN_COLUMNS);
            n = 1;
            for (Decision d : orphans) {
                cells(orphaned.createRow(n++), List.of(d.id(), nz(d.file()), nz(d.code()), nz(d.message()), d.verdict().chinese(), nz(d.remark()), nz(d.where())));
            }
            for (Sheet s : List.of(reports, findings, codes, manual, orphaned)) ((SXSSFSheet) s).setColumnWidth(0, 40 * 256);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            wb.write(bytes);
            return bytes.toByteArray();
        } finally {
            wb.close();   // also deletes SXSSF's temporary files
        }
    }

    private static String nz(String s) { return s == null ? "" : s; }

    /** A list validation (drop-down) on one column: Excel and WPS refuse other values. */
    private static void dropDown(Sheet sheet, int firstRow, int lastRow, int col, String... values) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        DataValidation v = helper.createValidation(helper.createExplicitListConstraint(values), new CellRangeAddressList(firstRow, lastRow, col, col));
        v.setShowErrorBox(true);
        v.setErrorStyle(DataValidation.ErrorStyle.STOP);
        v.createErrorBox("输入有误", "请从下拉列表中选择：" + String.join("、", values));
        v.setSuppressDropDownArrow(true);   // POI: true shows the arrow for list validations in XSSF
        sheet.addValidationData(v);
    }

    private static void header(Sheet s, List<String> cols) {
        Row r = s.createRow(0);
        for (int i = 0; i < cols.size(); i++) r.createCell(i).setCellValue(cols.get(i));
    }

    private static void cells(Row row, List<?> values) {
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            if (v == null) continue;
            var c = row.createCell(i);
            if (v instanceof Number num) c.setCellValue(num.doubleValue());
            else {
                String s = v.toString();
                c.setCellValue(s.length() > XLSX_CELL_MAX ? s.substring(0, XLSX_CELL_MAX) + "…" : s);
            }
        }
    }
}
