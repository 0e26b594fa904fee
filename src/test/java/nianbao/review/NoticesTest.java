package nianbao.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nianbao.TestSupport;
import nianbao.pipeline.AuditResult;
import nianbao.score.Grading;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Word documents, written from real audits with a non-default configuration and read back with POI. */
class NoticesTest {
    @TempDir
    Path tmp;

    private static final List<String> GRADES = List.of("优秀", "良好", "合格", "不合格");

    private NoticeConfig config(String extra) throws IOException {
        Path p = tmp.resolve("notices.properties");
        Files.writeString(p, "office=某市人民政府办公室\nnotice.prefix=某政公开\nbulletin.prefix=某政通报\nbulletin.number=7\n"
                + "rectify.days=30\ndate=2026-03-10\ncontact=张三\nphone=0351-1234567\nfont.title=黑体\nfont.body=仿宋\n"
                + "rectify.INT-SPAM=立即清理植入内容并报告网站整改情况。\n" + extra, StandardCharsets.UTF_8);
        return NoticeConfig.load(p);
    }

    private static Notices.Subject subject(String prefix, Reviewed rv) {
        AuditResult r = TestSupport.audit(prefix);
        String stem = Path.of(r.source()).getFileName().toString().replaceFirst("\\.txt$", "");
        return new Notices.Subject(stem, r.source(), r.report().agency(), r.report().reportYear(), rv.score(), rv.grade(), rv, null);
    }

    /** 003's findings: the first dismissed, the second confirmed, the rest undecided. */
    private static Reviewed decided003() throws IOException {
        AuditResult r = TestSupport.audit("003");
        List<String> ids = FindingIds.assign(r.report(), r.findings());
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            Decision d = i == 0 ? new Decision(ids.get(i), Verdict.DISMISSED, "模板链接", "", "", "", "")
                    : i == 1 ? new Decision(ids.get(i), Verdict.CONFIRMED, "", "", "", "", "") : null;
            items.add(new Item(ids.get(i), r.findings().get(i), d, false));
        }
        Grading g = Grading.load(TestSupport.RULES);
        Grading.Score s = g.score(items.stream().filter(i -> !i.dismissed()).map(Item::finding).toList());
        return new Reviewed(List.copyOf(items), s.value(), s.grade(), s.cap());
    }

    private static String text(byte[] docx) throws IOException {
        try (XWPFDocument d = new XWPFDocument(new ByteArrayInputStream(docx)); XWPFWordExtractor x = new XWPFWordExtractor(d)) {
            return x.getText();
        }
    }

    @Test
    void aNoticeWithPendingProblemsIncludedFollowsTheConfiguration() throws Exception {
        Reviewed rv = decided003();
        Notices n = new Notices(config("notice.include.pending=true\n"), GRADES);
        byte[] bytes = n.notice(subject("003", rv), 4);
        String text = text(bytes);
        assertThat(text).contains("某政公开〔2026〕4号", "整改通知书", "2026年4月9日前完成整改", "联系人：张三，联系电话：0351-1234567",
                "某市人民政府办公室", "2026年3月10日", "立即清理植入内容并报告网站整改情况。", rv.items().get(1).id(), "【待定】" + rv.items().get(2).finding().title())
                .doesNotContain(rv.items().get(0).id());
        try (XWPFDocument d = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            XWPFParagraph title = d.getParagraphs().stream().filter(p -> p.getText().startsWith("关于")).findFirst().orElseThrow();
            XWPFRun run = title.getRuns().get(0);
            assertThat(run.getFontFamily(XWPFRun.FontCharRange.eastAsia)).isEqualTo("黑体");
            assertThat(run.getFontSizeAsDouble()).isEqualTo(22.0);
            XWPFParagraph body = d.getParagraphs().stream().filter(p -> p.getText().startsWith("问题：")).findFirst().orElseThrow();
            assertThat(body.getRuns().get(0).getFontFamily(XWPFRun.FontCharRange.eastAsia)).isEqualTo("仿宋");
            assertThat(body.getRuns().get(0).getFontSizeAsDouble()).isEqualTo(16.0);
            // page numbers in the footer, A4 with the official margins
            assertThat(d.getFooterList()).isNotEmpty();
            assertThat(d.getFooterList().get(0).getParagraphs().get(0).getCTP().getFldSimpleList())
                    .anySatisfy(f -> assertThat(f.getInstr()).isEqualTo("PAGE"));
            var sect = d.getDocument().getBody().getSectPr();
            assertThat(((java.math.BigInteger) sect.getPgSz().getW()).intValue()).isEqualTo(11906);
            assertThat(((java.math.BigInteger) sect.getPgMar().getTop()).intValue()).isEqualTo(2098);
        }
        // by default only the confirmed problem is listed
        String strict = text(new Notices(config(""), GRADES).notice(subject("003", rv), 1));
        assertThat(strict).contains(rv.items().get(1).id()).doesNotContain(rv.items().get(2).id()).doesNotContain("【待定】");
    }

    @Test
    void theBulletinRanksCountsAndNamesTheCommonProblems() throws Exception {
        Grading g = Grading.load(TestSupport.RULES);
        List<Notices.Subject> subjects = new ArrayList<>();
        for (String p : List.of("000", "001", "002", "004")) {
            AuditResult r = TestSupport.audit(p);
            subjects.add(subject(p, Decisions.NONE.apply(r, null, g)));
        }
        subjects.add(subject("003", decided003()));
        subjects.add(new Notices.Subject("broken", "in/broken.pdf", null, null, null, null, null, "NEEDS_OCR"));
        Path out = tmp.resolve("out");
        Notices.Written w = new Notices(config(""), GRADES).write(out, subjects);
        assertThat(w.notices()).extracting(p -> p.getFileName().toString()).containsExactly("003_a649cb153f94700b-整改通知书.docx");
        byte[] bytes = Files.readAllBytes(w.bulletin());
        String text = text(bytes);
        assertThat(text).contains("某政通报〔2026〕7号", "审核情况的通报", "本次共审核年度报告6份，其中1份无法审核", "不合格", "合格率", "驳回误报1项",
                "得分排名", "主要问题", "表现较好的报告", "某市人民政府办公室");
        try (XWPFDocument d = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            XWPFTable t = d.getTables().get(0);
            assertThat(t.getRows()).hasSize(6);   // header + the five audited reports
            assertThat(t.getRow(0).getCell(1).getText()).isEqualTo("单位");
            List<Integer> scores = new ArrayList<>();
            for (int i = 1; i < t.getRows().size(); i++) scores.add(Integer.parseInt(t.getRow(i).getCell(3).getText()));
            assertThat(scores).isSortedAccordingTo((a, b) -> b - a);
        }
        // a re-run where nothing is confirmed any more removes the stale notice
        List<Notices.Subject> none = subjects.stream().map(s -> s.review() == null ? s
                : new Notices.Subject(s.stem(), s.source(), s.agency(), s.reportYear(), s.score(), s.grade(),
                        Decisions.NONE.apply(TestSupport.audit(s.stem().substring(0, 3)), null, g), null)).toList();
        assertThat(new Notices(config(""), GRADES).write(out, none).notices()).isEmpty();
        assertThat(out.resolve("notices/003_a649cb153f94700b-整改通知书.docx")).doesNotExist();
    }

    @Test
    void settingsAreCheckedAndDefaultsMakeSense() throws Exception {
        NoticeConfig d = NoticeConfig.load(tmp.resolve("missing.properties"));
        assertThat(d.office()).isEqualTo("政务公开工作主管部门");
        assertThat(d.rectifyDays()).isEqualTo(15);
        assertThat(d.date()).isEqualTo(LocalDate.now());
        assertThat(d.includePending()).isFalse();
        assertThat(d.rectify("SEC-THIN")).contains("更正后重新公开");
        // the shipped file loads
        assertThat(NoticeConfig.load(TestSupport.RULES.resolve("notices.properties")).rectify("INT-SPAM")).contains("博彩");
        Path bad = tmp.resolve("bad.properties");
        Files.writeString(bad, "rectify.days=十五\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> NoticeConfig.load(bad)).hasMessageContaining("rectify.days").hasMessageContaining("bad.properties");
        Files.writeString(bad, "date=3月10日\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> NoticeConfig.load(bad)).hasMessageContaining("date=3月10日");
        assertThat(Notices.chineseNumber(1)).isEqualTo("一");
        assertThat(Notices.chineseNumber(10)).isEqualTo("十");
        assertThat(Notices.chineseNumber(21)).isEqualTo("二十一");
    }
}
