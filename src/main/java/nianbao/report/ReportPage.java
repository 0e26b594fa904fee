package nianbao.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nianbao.model.Finding;
import nianbao.model.Report;
import nianbao.model.Section;
import nianbao.model.Severity;
import nianbao.model.SourceLine;
import nianbao.parse.tables.TableGrid;
import nianbao.pipeline.AuditResult;
import nianbao.review.Decisions;
import nianbao.review.Item;
import nianbao.review.Reviewed;
import nianbao.review.Verdict;

/**
 * What the report page shows, worked out in Java; {@link PageMarkup} writes it. The page's specification is the
 * Thymeleaf template {@code report-reference.html} in the tests, which reads these JavaBean properties
 * ({@code ${page.agency}}) and renders what PageMarkup must write.
 *
 * <p>Optional labels are null when absent and serve as their own condition; they are built here, never report
 * text (the template's th:if would read a text "false", "off" or "no" as false). Other conditions are boolean
 * properties.
 */
public final class ReportPage {
    private final AuditResult a;
    private final Report r;
    private final Reviewed rv;
    private final List<GroupView> groups = new ArrayList<>();
    private final List<String> counts = new ArrayList<>();
    private final List<SectionView> sections = new ArrayList<>();
    private final List<LineView> lines = new ArrayList<>();
    private final List<TableGrid.Grid> tables;

    ReportPage(AuditResult a) { this(a, null); }

    ReportPage(AuditResult a, Reviewed review) {
        this.a = a;
        this.r = a.report();
        this.rv = review != null ? review : Decisions.NONE.apply(a, null, null);
        this.tables = r == null ? List.of() : TableGrid.of(r, a.findings());
        if (r == null) return;
        for (Severity s : Severity.values()) {
            List<FindingView> fs = new ArrayList<>();
            for (Item i : rv.items()) if (i.finding().severity() == s) fs.add(new FindingView(i));
            long live = fs.stream().filter(f -> !f.i.dismissed()).count();
            counts.add(s.chinese() + " " + live + " 项　");
            if (!fs.isEmpty()) groups.add(new GroupView(s.chinese() + "（" + live + "）", fs));
        }
        long dismissed = rv.count(Verdict.DISMISSED);
        if (dismissed > 0) counts.add("已驳回 " + dismissed + " 项　");
        for (Section s : r.sections()) sections.add(new SectionView(s));
        listLines();
    }

    /** The source listing: headings and lines that findings point at are marked. */
    private void listLines() {
        Set<Integer> flagged = new HashSet<>();
        for (Finding f : a.findings()) if (f.location().line() != null) flagged.add(f.location().line());
        Set<Integer> headings = new HashSet<>();
        for (Section s : r.sections()) headings.add(s.line());
        for (SourceLine l : r.lines()) {
            // Blank lines carry nothing to read or link to; line numbers keep the gaps visible.
            if (l.text().isBlank()) continue;
            String css = headings.contains(l.no()) ? "head" : flagged.contains(l.no()) ? "flag" : null;
            String label = l.place() == null ? String.valueOf(l.no()) : l.no() + " " + l.place();
            lines.add(new LineView("L" + l.no(), css, label, l.text()));
        }
    }

    public String getPageTitle() { return (r != null && r.title() != null ? r.title() : a.source()) + " — 年报审核报告"; }
    public String getHeading() { return r != null && r.title() != null ? r.title() : "（未识别出标题）"; }
    public String getSource() { return a.source(); }
    public String getSha256() { return a.sha256(); }
    /** How the input was read (e.g. where a web page's report body was found); empty for a plain file. */
    public List<String> getNotes() { return r == null ? List.of() : r.notes(); }
    public boolean isHashed() { return a.sha256() != null; }
    public boolean isFailed() { return a.failed(); }
    public String getErrorCode() { return a.errorCode(); }
    public String getErrorMessage() { return a.errorMessage(); }
    /** A report was read (it may still have findings); false when the input failed. */
    public boolean isAudited() { return r != null; }
    public int getScore() { return rv.score(); }
    public String getGrade() { return rv.grade(); }
    public String getGradeCss() { return "grade g-" + rv.grade(); }
    /** Why the grade is lower than the score gives (a critical finding); null when it is not capped. */
    public String getCap() { return rv.cap() == null ? null : "等级封顶：" + rv.cap(); }
    /** The machine's score when reviewers' decisions changed it; null otherwise. */
    public String getReviewNote() {
        if (rv.score() == a.score()) return null;
        return "经审核人员复核后的得分（机器审核得分 " + a.score() + " 分，已驳回的问题不扣分）";
    }
    public List<String> getCounts() { return counts; }
    public String getAgency() { return r.agency() != null ? r.agency() : "未识别"; }
    public String getLevel() {
        return switch (r.agencyLevel()) {
            case GOVERNMENT -> "人民政府";
            case DEPARTMENT -> "政府部门";
            case TOWNSHIP -> "乡镇（街道）";
            default -> "未识别";
        };
    }
    public String getYear() { return r.reportYear() != null ? r.reportYear() + "年" : "未识别"; }
    public String getPublished() { return r.publishedOn() != null ? r.publishedOn().toString() : "未找到"; }
    public String getPeriod() { return r.period() != null ? r.period().from() + " 至 " + r.period().to() : "未说明"; }
    public String getFormat() { return "识别为 " + r.formatDetected() + "，应为 " + r.formatExpected(); }
    public boolean isClean() { return rv.items().isEmpty(); }
    public List<GroupView> getGroups() { return groups; }
    public List<SectionView> getSections() { return sections; }
    public List<LineView> getLines() { return lines; }
    /** The statistical tables redrawn; null when the report has none. */
    public List<TableGrid.Grid> getTables() { return tables.isEmpty() ? null : tables; }
    /** The legacy statistics table (统计表 of a 2008-style report); null when there is none. */
    public LegacyTableView getLegacy() { return r == null ? null : LegacyTableView.of(r.legacyTable()); }

    /** A source line as the listing shows it. */
    public static final class LineView {
        private final String id, css, label, text;

        LineView(String id, String css, String label, String text) {
            this.id = id;
            this.css = css;
            this.label = label;
            this.text = text;
        }

        public String getId() { return id; }
        public String getCss() { return css; }
        public String getLabel() { return label; }
        public String getText() { return text; }
    }

    /** Findings of one severity. */
    public static final class GroupView {
        private final String heading;
        private final List<FindingView> findings;

        GroupView(String heading, List<FindingView> findings) {
            this.heading = heading;
            this.findings = findings;
        }

        public String getHeading() { return heading; }
        public List<FindingView> getFindings() { return findings; }
    }

    public static final class FindingView {
        private final Item i;
        private final Finding f;

        FindingView(Item i) {
            this.i = i;
            this.f = i.finding();
        }

        public String getCss() { return "finding " + f.severity().id() + (i.dismissed() ? " dismissed" : ""); }
        public String getId() { return i.id(); }
        public String getCode() { return f.code(); }
        public String getTitle() { return f.title(); }
        public String getPoints() {
            if (i.dismissed()) return f.points() > 0 ? "不扣分（原扣 " + f.points() + " 分）" : null;
            return f.points() > 0 ? "扣 " + f.points() + " 分" : null;
        }
        /** 已确认 / 已驳回 / 待定, 人工补充 for a manual finding; null when undecided. */
        public String getVerdict() {
            String v = i.verdict() == null ? null : switch (i.verdict()) {
                case CONFIRMED -> "已确认";
                case DISMISSED -> "已驳回";
                case PENDING -> "待定";
            };
            if (i.manual()) return v == null ? "人工补充" : "人工补充 · " + v;
            return v;
        }
        public String getVerdictCss() {
            return i.verdict() == null ? "verdict" : "verdict v-" + i.verdict().id();
        }
        public String getRemark() { return i.remark().isEmpty() ? null : "审核意见：" + i.remark(); }
        public String getSection() { return f.location().section() != null ? "章节 " + f.location().section() : null; }
        public String getHref() { return f.location().line() != null ? "#L" + f.location().line() : null; }
        public String getLineText() { return f.location().line() != null ? "第 " + f.location().line() + " 行" : null; }
        public String getMessage() { return f.message(); }
        public boolean isQuoted() { return f.evidence() != null && !f.evidence().isEmpty(); }
        public String getEvidence() { return f.evidence(); }
        public String getBasis() { return f.basis() != null ? "依据：" + f.basis() : null; }
    }

    public static final class SectionView {
        private final Section s;

        SectionView(Section s) { this.s = s; }

        public String getId() { return s.id(); }
        public String getHeading() { return s.heading(); }
        public String getHref() { return "#L" + s.line(); }
        public String getLines() { return "第 " + s.line() + "–" + s.endLine() + " 行"; }
    }
}
