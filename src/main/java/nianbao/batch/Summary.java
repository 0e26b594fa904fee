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
import org.apache.poi.ss.usermodel.Row;
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

    /** The four files are independent; on a 10,000-report batch the workbook and the page each take seconds, so they are made in parallel. */
    public static void write(Path out, List<nianbao.batch.Row> rows, List<CrossFinding> cross, Grading grading) throws IOException {
        Map<String, Render> files = new LinkedHashMap<>();
        files.put("summary.xlsx", () -> xlsx(rows, cross));
        files.put("index.html", () -> IndexPage.bytes(rows, cross, grading));
        files.put("summary.json", () -> json(rows, cross));
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
        Map<String, Object> root = new LinkedHashMap<>();
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("inputs", rows.size());
        totals.put("failed", rows.stream().filter(nianbao.batch.Row::failed).count());
        totals.put("crossFindings", cross.size());
        root.put("totals", totals);
        List<Map<String, Object>> reports = new ArrayList<>();
        for (var r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            List<Object> v = values(r);
            for (int i = 0; i < COLUMNS.size(); i++) m.put(COLUMNS.get(i), v.get(i));
            if (r.failed()) m.put("error", Map.of("code", r.errorCode(), "message", r.errorMessage()));
            reports.add(m);
        }
        root.put("reports", reports);
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
        // Streaming workbook: a 10,000-report batch has hundreds of thousands of finding rows.
        SXSSFWorkbook wb = new SXSSFWorkbook(200);
        try {
            Sheet reports = wb.createSheet("报告");
            header(reports, COLUMNS);
            int n = 1;
            for (var r : rows) cells(reports.createRow(n++), values(r));
            reports.createFreezePane(0, 1);

            List<String> fcols = List.of("source", "agency", "region", "code", "severity", "category", "title", "points", "line", "message", "evidence");
            Sheet findings = wb.createSheet("问题明细");
            header(findings, fcols);
            n = 1;
            Map<String, long[]> perCode = new TreeMap<>();
            Map<String, String> titles = new LinkedHashMap<>();
            for (var r : rows) {
                for (Finding f : r.findings()) {
                    cells(findings.createRow(n++), List.of(r.source(), nz(r.agency()), nz(r.region()), f.code(), f.severity().id(), nz(f.category()),
                            nz(f.title()), f.points(), f.location().line() == null ? "" : f.location().line(), nz(f.message()), nz(f.evidence())));
                    long[] c = perCode.computeIfAbsent(f.code(), k -> new long[2]);
                    c[0]++;
                    titles.putIfAbsent(f.code(), f.title() + "\t" + f.severity().id());
                }
                for (String code : r.findings().stream().map(Finding::code).distinct().toList()) perCode.get(code)[1]++;
            }
            for (CrossFinding c : cross) {
                Finding f = c.finding();
                cells(findings.createRow(n++), List.of(String.join(" ; ", c.sources()), "", "", f.code(), f.severity().id(), nz(f.category()),
                        nz(f.title()), f.points(), "", nz(f.message()), nz(f.evidence())));
                long[] cnt = perCode.computeIfAbsent(f.code(), k -> new long[2]);
                cnt[0]++;
                cnt[1] += c.sources().size();
                titles.putIfAbsent(f.code(), f.title() + "\t" + f.severity().id());
            }
            findings.setAutoFilter(new CellRangeAddress(0, Math.max(0, n - 1), 0, fcols.size() - 1));
            findings.createFreezePane(0, 1);

            Sheet codes = wb.createSheet("问题统计");
            header(codes, List.of("code", "title", "severity", "findings", "reports"));
            n = 1;
            for (var e : perCode.entrySet()) {
                String[] ts = titles.get(e.getKey()).split("\t", 2);
                cells(codes.createRow(n++), List.of(e.getKey(), ts[0], ts[1], e.getValue()[0], e.getValue()[1]));
            }
            codes.setAutoFilter(new CellRangeAddress(0, Math.max(0, n - 1), 0, 4));
            for (Sheet s : List.of(reports, findings, codes)) ((SXSSFSheet) s).setColumnWidth(0, 40 * 256);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            wb.write(bytes);
            return bytes.toByteArray();
        } finally {
            wb.close();   // also deletes SXSSF's temporary files
        }
    }

    private static String nz(String s) { return s == null ? "" : s; }

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
