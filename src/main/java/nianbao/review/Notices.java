package nianbao.review;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import nianbao.model.Finding;
import nianbao.model.Location;
import nianbao.report.AtomicFiles;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

/**
 * The Word documents of a review (Apache POI XWPF): a 整改通知书 per report listing its confirmed
 * problems (and, when configured, the undecided ones marked 待定) with location, quoted evidence,
 * basis, what to rectify and the deadline; and the 通报 for the batch (overview, grade counts,
 * ranking, common problems with examples, the best reports). Laid out as official documents after
 * GB/T 9704: A4, margins 37/35/28/26 mm, 标题 二号 in the title font, body 三号 仿宋 on a 28 pt line,
 * page numbers "— n —" in the footer. Fonts come from {@link NoticeConfig}; Word/WPS substitute
 * similar ones where they are missing.
 */
public final class Notices {
    /** One audited input as the documents need it; {@code review} null and {@code error} set when it could not be audited. */
    public record Subject(String stem, String source, String agency, Integer reportYear, Integer score, String grade,
                          Reviewed review, String error) {}

    /** What was written: the notices (one per report with something to rectify) and the 通报. */
    public record Written(List<Path> notices, Path bulletin) {}

    public static final String NOTICES_DIR = "notices", NOTICE_SUFFIX = "-整改通知书.docx", BULLETIN = "通报.docx";

    private static final double TITLE_PT = 22, BODY_PT = 16, TABLE_PT = 12;   // 二号, 三号, 小四
    private static final Map<String, String> SECTION_NAMES = sectionNames();
    private static final Map<String, String> TABLE_NAMES = Map.of("T1", "表一", "T2", "表二", "T3", "表三", "T4", "表四");

    private final NoticeConfig config;
    private final List<String> gradeOrder;

    /** @param gradeOrder grade names from best to worst (scoring.properties) */
    public Notices(NoticeConfig config, List<String> gradeOrder) {
        this.config = config;
        this.gradeOrder = gradeOrder;
    }

    /** Writes OUT/notices/&lt;stem&gt;-整改通知书.docx per report with problems to list, and OUT/通报.docx; stale notices of earlier runs are removed. */
    public Written write(Path out, List<Subject> subjects) throws IOException {
        Path dir = out.resolve(NOTICES_DIR);
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        int number = 0;
        for (Subject s : subjects) {
            if (s.review() == null || listed(s.review()).isEmpty()) continue;
            Path file = dir.resolve(s.stem() + NOTICE_SUFFIX);
            AtomicFiles.write(file, notice(s, ++number));
            written.add(file);
        }
        Set<Path> keep = new HashSet<>(written);
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                if (p.getFileName().toString().endsWith(NOTICE_SUFFIX) && !keep.contains(p)) Files.deleteIfExists(p);
            }
        }
        Path bulletin = out.resolve(BULLETIN);
        AtomicFiles.write(bulletin, bulletin(subjects));
        return new Written(written, bulletin);
    }

    /** The problems a notice lists: confirmed ones, and with notice.include.pending the pending and undecided ones. */
    public List<Item> listed(Reviewed r) {
        return r.items().stream()
                .filter(i -> i.confirmed() || config.includePending() && !i.dismissed())
                .toList();
    }

    // ---- 整改通知书 ------------------------------------------------------------------------------

    public byte[] notice(Subject s, int number) throws IOException {
        try (XWPFDocument doc = newDocument()) {
            boolean known = s.agency() != null && !s.agency().isBlank();
            // A report whose body was not recognised (e.g. a defaced page) is addressed by its file.
            String agency = known ? s.agency() : "";
            String addressee = known ? s.agency() : "报告发布单位（来源文件：" + fileName(s.source()) + "）";
            String year = s.reportYear() != null ? s.reportYear() + "年" : "";
            para(doc, config.noticePrefix() + "〔" + config.date().getYear() + "〕" + number + "号", config.bodyFont(), BODY_PT, false, ParagraphAlignment.CENTER, false);
            blank(doc);
            para(doc, "关于" + agency + year + "政府信息公开工作年度报告", config.titleFont(), TITLE_PT, false, ParagraphAlignment.CENTER, false);
            para(doc, "存在问题的整改通知书", config.titleFont(), TITLE_PT, false, ParagraphAlignment.CENTER, false);
            blank(doc);
            para(doc, addressee + "：", config.bodyFont(), BODY_PT, false, ParagraphAlignment.LEFT, false);
            List<Item> items = listed(s.review());
            long pending = items.stream().filter(i -> !i.confirmed()).count();
            body(doc, "根据《中华人民共和国政府信息公开条例》第五十条和国务院办公厅关于政府信息公开工作年度报告格式的要求，我们对你单位发布的"
                    + year + "政府信息公开工作年度报告（" + fileName(s.source()) + "）进行了审核，审核得分" + s.review().score() + "分，等级为"
                    + s.review().grade() + "。经复核，报告存在以下" + items.size() + "个问题" + (pending > 0 ? "（其中" + pending + "个尚待核定，标注“待定”）" : "")
                    + "，现通知如下，请于" + NoticeConfig.chineseDate(config.deadline()) + "前完成整改。");
            heading(doc, "一、需要整改的问题");
            int n = 0;
            for (Item i : items) {
                Finding f = i.finding();
                para(doc, "（" + chineseNumber(++n) + "）" + (i.confirmed() ? "" : "【待定】") + nz(f.title()) + "（问题编号：" + i.id() + "）",
                        config.bodyFont(), BODY_PT, true, ParagraphAlignment.LEFT, true);
                body(doc, "问题：" + nz(f.message()));
                String where = location(f.location());
                if (!where.isEmpty()) body(doc, "位置：" + where);
                if (f.evidence() != null && !f.evidence().isBlank()) body(doc, "原文：“" + f.evidence().strip() + "”");
                if (f.basis() != null && !f.basis().isBlank()) body(doc, "依据：" + f.basis());
                body(doc, "整改要求：" + config.rectify(f.code()));
                if (!i.remark().isEmpty()) body(doc, "审核意见：" + i.remark());
            }
            heading(doc, "二、整改时限和要求");
            body(doc, "请你单位于" + NoticeConfig.chineseDate(config.deadline()) + "前完成上述问题的整改，在原发布位置更正后重新公开，并将整改情况书面报送"
                    + config.office() + "。逾期未完成整改的，将在政务公开工作通报中予以说明。");
            contactAndSignature(doc);
            return bytes(doc);
        }
    }

    // ---- 通报 ------------------------------------------------------------------------------------

    public byte[] bulletin(List<Subject> subjects) throws IOException {
        List<Subject> audited = subjects.stream().filter(s -> s.review() != null && s.score() != null).toList();
        List<Subject> failed = subjects.stream().filter(s -> s.review() == null).toList();
        String year = commonYear(audited);
        try (XWPFDocument doc = newDocument()) {
            para(doc, config.bulletinPrefix() + "〔" + config.date().getYear() + "〕" + config.bulletinNumber() + "号", config.bodyFont(), BODY_PT, false,
                    ParagraphAlignment.CENTER, false);
            blank(doc);
            para(doc, "关于" + year + "政府信息公开工作年度报告", config.titleFont(), TITLE_PT, false, ParagraphAlignment.CENTER, false);
            para(doc, "审核情况的通报", config.titleFont(), TITLE_PT, false, ParagraphAlignment.CENTER, false);
            blank(doc);
            para(doc, config.recipients() + "：", config.bodyFont(), BODY_PT, false, ParagraphAlignment.LEFT, false);
            body(doc, "根据《中华人民共和国政府信息公开条例》第五十条的规定，" + config.office() + "对" + subjects.size() + "份" + year
                    + "政府信息公开工作年度报告进行了审核。现将有关情况通报如下。");

            heading(doc, "一、总体情况");
            StringBuilder b = new StringBuilder("本次共审核年度报告" + subjects.size() + "份");
            if (!failed.isEmpty()) b.append("，其中").append(failed.size()).append("份无法审核（文件无法读取或不是年度报告）");
            b.append("。");
            if (!audited.isEmpty()) {
                double avg = audited.stream().mapToInt(Subject::score).average().orElse(0);
                int max = audited.stream().mapToInt(Subject::score).max().orElse(0), min = audited.stream().mapToInt(Subject::score).min().orElse(0);
                Map<String, Long> grades = audited.stream().collect(Collectors.groupingBy(Subject::grade, LinkedHashMap::new, Collectors.counting()));
                List<String> parts = new ArrayList<>();
                for (String g : gradeOrder) parts.add(g + grades.getOrDefault(g, 0L) + "份");
                String worst = gradeOrder.isEmpty() ? null : gradeOrder.get(gradeOrder.size() - 1);
                long pass = audited.stream().filter(s -> !Objects.equals(s.grade(), worst)).count();
                b.append("审核的").append(audited.size()).append("份报告平均得分").append(String.format("%.1f", avg)).append("分，最高").append(max)
                        .append("分，最低").append(min).append("分；").append(String.join("、", parts)).append("，合格率")
                        .append(String.format("%.1f", 100.0 * pass / audited.size())).append("%。");
                List<Reviewed> rs = audited.stream().map(Subject::review).toList();
                long confirmed = rs.stream().mapToLong(r -> r.count(Verdict.CONFIRMED)).sum();
                long dismissed = rs.stream().mapToLong(r -> r.count(Verdict.DISMISSED)).sum();
                long pending = rs.stream().mapToLong(r -> r.count(Verdict.PENDING)).sum();
                long undecided = rs.stream().mapToLong(Reviewed::undecided).sum();
                long manual = rs.stream().mapToLong(Reviewed::manual).sum();
                b.append("机器审核和人工复核共发现问题").append(rs.stream().mapToLong(r -> r.items().size()).sum()).append("项，其中经复核确认")
                        .append(confirmed).append("项（含审核人员补充").append(manual).append("项），驳回误报").append(dismissed).append("项，待定")
                        .append(pending).append("项，尚未复核").append(undecided).append("项。");
            }
            body(doc, b.toString());

            heading(doc, "二、得分排名");
            List<Subject> ranked = new ArrayList<>(audited);
            ranked.sort(Comparator.comparing(Subject::score).reversed().thenComparing(s -> nz(s.agency())));
            ranking(doc, ranked);

            heading(doc, "三、主要问题");
            List<Common> common = commonProblems(audited);
            if (common.isEmpty()) body(doc, "本次审核未发现需要通报的共性问题。");
            int n = 0;
            for (Common c : common.subList(0, Math.min(common.size(), config.commonProblems()))) {
                Subject ex = c.example().subject();
                Finding f = c.example().item().finding();
                String quote = f.evidence() != null && !f.evidence().isBlank() ? "原文“" + clip(f.evidence().strip(), 60) + "”，" : "";
                body(doc, "（" + chineseNumber(++n) + "）" + c.title() + "。共" + c.reports() + "份报告存在此问题（" + c.code() + "）。如"
                        + displayName(ex) + "：" + quote + clip(nz(f.message()), 120) + (f.message() != null && f.message().endsWith("。") ? "" : "。"));
            }

            heading(doc, "四、表现较好的报告");
            String best = gradeOrder.isEmpty() ? null : gradeOrder.get(0);
            List<Subject> good = ranked.stream().filter(s -> Objects.equals(s.grade(), best)).limit(config.bestReports()).toList();
            if (good.isEmpty()) {
                body(doc, "本次审核没有等级为" + (best == null ? "优秀" : best) + "的报告。");
            } else {
                body(doc, good.stream().map(s -> displayName(s) + "（" + s.score() + "分）").collect(Collectors.joining("、"))
                        + "的年度报告格式规范、内容完整、数据准确，可供各单位参考。");
            }

            heading(doc, "五、工作要求");
            body(doc, config.requirements());
            contactAndSignature(doc);
            return bytes(doc);
        }
    }

    private record Example(Subject subject, Item item) {}

    private record Common(String code, String title, int reports, Example example) {}

    /** Problems by code, counted in reports, dismissed ones left out; most frequent first. */
    private static List<Common> commonProblems(List<Subject> audited) {
        Map<String, List<Example>> byCode = new LinkedHashMap<>();
        for (Subject s : audited) {
            Map<String, Example> first = new LinkedHashMap<>();
            for (Item i : s.review().items()) {
                if (i.dismissed() || i.finding().points() <= 0 && !i.confirmed()) continue;
                first.putIfAbsent(i.finding().code(), new Example(s, i));
            }
            for (var e : first.entrySet()) byCode.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue());
        }
        List<Common> out = new ArrayList<>();
        for (var e : byCode.entrySet()) {
            List<Example> ex = e.getValue();
            // The example: a confirmed one if any, else the first.
            Example pick = ex.stream().filter(x -> x.item().confirmed()).findFirst().orElse(ex.get(0));
            out.add(new Common(e.getKey(), nz(pick.item().finding().title()), ex.size(), pick));
        }
        out.sort(Comparator.comparingInt(Common::reports).reversed().thenComparing(Common::code));
        return out;
    }

    private void ranking(XWPFDocument doc, List<Subject> ranked) {
        if (ranked.isEmpty()) {
            body(doc, "没有可以排名的报告。");
            return;
        }
        List<String> head = List.of("名次", "单位", "报告年度", "得分", "等级", "确认问题");
        XWPFTable t = doc.createTable(ranked.size() + 1, head.size());
        t.setTableAlignment(TableRowAlign.CENTER);
        t.setWidth("100%");
        for (int c = 0; c < head.size(); c++) cell(t.getRow(0).getCell(c), head.get(c), true);
        int rank = 0;
        for (int i = 0; i < ranked.size(); i++) {
            Subject s = ranked.get(i);
            if (i == 0 || !ranked.get(i - 1).score().equals(s.score())) rank = i + 1;
            XWPFTableRow row = t.getRow(i + 1);
            cell(row.getCell(0), String.valueOf(rank), false);
            cell(row.getCell(1), displayName(s), false);
            cell(row.getCell(2), s.reportYear() == null ? "" : String.valueOf(s.reportYear()), false);
            cell(row.getCell(3), String.valueOf(s.score()), false);
            cell(row.getCell(4), nz(s.grade()), false);
            cell(row.getCell(5), String.valueOf(s.review().count(Verdict.CONFIRMED)), false);
        }
    }

    private void cell(XWPFTableCell cell, String text, boolean bold) {
        XWPFParagraph p = cell.getParagraphs().get(0);
        p.setAlignment(ParagraphAlignment.CENTER);
        XWPFRun r = p.createRun();
        r.setText(text);
        r.setBold(bold);
        font(r, bold ? config.headingFont() : config.bodyFont(), TABLE_PT);
    }

    private void contactAndSignature(XWPFDocument doc) {
        if (!config.contact().isEmpty() || !config.phone().isEmpty()) {
            body(doc, "联系人：" + config.contact() + (config.phone().isEmpty() ? "" : "，联系电话：" + config.phone()) + "。");
        }
        blank(doc);
        para(doc, config.office(), config.bodyFont(), BODY_PT, false, ParagraphAlignment.RIGHT, false);
        para(doc, NoticeConfig.chineseDate(config.date()), config.bodyFont(), BODY_PT, false, ParagraphAlignment.RIGHT, false);
    }

    // ---- layout ----------------------------------------------------------------------------------

    private static XWPFDocument newDocument() {
        XWPFDocument doc = new XWPFDocument();
        CTSectPr sect = doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.addNewPgSz();
        size.setW(BigInteger.valueOf(11906));   // A4 in twips
        size.setH(BigInteger.valueOf(16838));
        CTPageMar mar = sect.addNewPgMar();
        mar.setTop(BigInteger.valueOf(mm(37)));
        mar.setBottom(BigInteger.valueOf(mm(35)));
        mar.setLeft(BigInteger.valueOf(mm(28)));
        mar.setRight(BigInteger.valueOf(mm(26)));
        XWPFFooter footer = doc.createFooter(HeaderFooterType.DEFAULT);
        XWPFParagraph p = footer.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        p.createRun().setText("— ");
        p.getCTP().addNewFldSimple().setInstr("PAGE");
        p.createRun().setText(" —");
        return doc;
    }

    private static long mm(double mm) { return Math.round(mm / 25.4 * 1440); }

    private XWPFParagraph para(XWPFDocument doc, String text, String font, double pt, boolean bold, ParagraphAlignment align, boolean indent) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(align);
        p.setSpacingBetween(pt > BODY_PT ? 36 : 28, LineSpacingRule.EXACT);
        if (indent) p.setIndentationFirstLine((int) (pt * 2 * 20));
        XWPFRun r = p.createRun();
        r.setText(text);
        r.setBold(bold);
        font(r, font, pt);
        return p;
    }

    private void body(XWPFDocument doc, String text) { para(doc, text, config.bodyFont(), BODY_PT, false, ParagraphAlignment.BOTH, true); }

    private void heading(XWPFDocument doc, String text) { para(doc, text, config.headingFont(), BODY_PT, false, ParagraphAlignment.LEFT, true); }

    private void blank(XWPFDocument doc) { para(doc, "", config.bodyFont(), BODY_PT, false, ParagraphAlignment.LEFT, false); }

    private static void font(XWPFRun r, String font, double pt) {
        r.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
        r.setFontFamily("Times New Roman", XWPFRun.FontCharRange.ascii);
        r.setFontFamily("Times New Roman", XWPFRun.FontCharRange.hAnsi);
        r.setFontSize(pt);
    }

    private static byte[] bytes(XWPFDocument doc) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        doc.write(b);
        return b.toByteArray();
    }

    // ---- wording ---------------------------------------------------------------------------------

    /** Where a finding points, in words: 第二部分“主动公开政府信息情况”、表三 行3.1 列自然人、第12行. */
    static String location(Location l) {
        List<String> parts = new ArrayList<>();
        if (l.section() != null) parts.add(SECTION_NAMES.getOrDefault(l.section(), "章节 " + l.section()));
        if (l.table() != null) {
            String t = TABLE_NAMES.getOrDefault(l.table(), l.table());
            if (l.row() != null) t += " 第" + l.row() + "行";
            if (l.col() != null) t += " " + l.col() + "列";
            parts.add(t);
        }
        if (l.line() != null) parts.add("原文第" + l.line() + "行");
        return String.join("，", parts);
    }

    private static Map<String, String> sectionNames() {
        Map<String, String> m = new HashMap<>();
        try (InputStream in = Notices.class.getResourceAsStream("/nianbao/sections.tsv")) {
            if (in == null) return m;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("#") || line.isBlank()) continue;
                String[] f = line.split("\t");
                if (f.length >= 4) m.put(f[0].strip(), "“" + f[3].strip() + "”部分");
            }
        } catch (IOException | RuntimeException e) {
            // names are a nicety; ids are shown instead
        }
        return m;
    }

    private static String commonYear(List<Subject> audited) {
        Map<Integer, Long> years = audited.stream().map(Subject::reportYear).filter(Objects::nonNull)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        return years.entrySet().stream().max(Map.Entry.<Integer, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> e.getKey() + "年度").orElse("");
    }

    private static String displayName(Subject s) {
        return s.agency() != null && !s.agency().isBlank() ? s.agency() : "未识别单位（" + fileName(s.source()) + "）";
    }

    private static String fileName(String source) {
        String s = source.replace('\\', '/');
        return s.substring(s.lastIndexOf('/') + 1);
    }

    private static String clip(String s, int max) { return s.length() <= max ? s : s.substring(0, max) + "……"; }

    private static String nz(String s) { return s == null ? "" : s; }

    /** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九; larger numbers in digits. */
    static String chineseNumber(int n) {
        String d = "〇一二三四五六七八九";
        if (n < 1 || n > 99) return String.valueOf(n);
        if (n < 10) return String.valueOf(d.charAt(n));
        int tens = n / 10, ones = n % 10;
        return (tens == 1 ? "" : String.valueOf(d.charAt(tens))) + "十" + (ones == 0 ? "" : String.valueOf(d.charAt(ones)));
    }
}
