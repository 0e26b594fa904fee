package nianbao.parse;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nianbao.ingest.Block;
import nianbao.ingest.Document;
import nianbao.ingest.TableBlock;
import nianbao.ingest.TextBlock;
import nianbao.model.AgencyLevel;
import nianbao.model.Cell;
import nianbao.model.Format;
import nianbao.model.Marker;
import nianbao.model.Period;
import nianbao.model.Report;
import nianbao.model.Section;
import nianbao.model.SourceLine;

/** Turns an ingested {@link Document} into the typed {@link Report} model. Finds; never judges. */
public final class ReportParser {
    private static final Pattern YEAR_IN_TITLE = Pattern.compile("((?:19|20)\\d{2})年");
    // compiled once (String.replaceAll/matches/split compile at every call; these run per line or per date)
    private static final Pattern EDGE_PUNCT = Pattern.compile("^[\\p{P}\\s]+|[\\p{P}\\s]+$"), PUNCT = Pattern.compile("[\\p{P}]"),
            PERIOD_WORD_FIRST = Pattern.compile("^(起|至|到|前|以来|止|期间).*"), RANGE_WORD = Pattern.compile(".*(至|到|-|~).*"),
            SENTENCE_SPLIT = Pattern.compile("(?<=[。；;!！?？])");
    private static final Pattern PUBLISHED = Pattern.compile("(发布日期|发布时间|成文日期|发文日期|印发日期|公开日期|发布于)[:：]?");
    /** A page header's bare "时间：" / "日期：" label, standing apart ("来源：某某 时间：2012-04-11 00:00"). */
    private static final Pattern TIME_LABEL = Pattern.compile("(?:^|[\\s\\u3000|｜丨])(?:时间|日期)\\s*[:：]\\s*");
    private static final Pattern AGENCY_LIKE = Pattern.compile(".{2,40}(人民政府|政府|办公室|办公厅|局|委员会|委|厅|院|中心|办|所|站|镇|乡|街道办事处|街道|管委会|公司|署|会|部)$");
    private static final Pattern PLACE = Pattern.compile(".{1,20}(省|市|县|区|旗|自治州|自治县|盟|地区)$");
    private static final Pattern TOWNSHIP = Pattern.compile(".*(镇|乡|街道)(人民政府|政府|办事处)?$|.*街道办事处$"
            // a 片区 administration: the 派出机构 that runs former towns and townships in a new district
            + "|.*片区(管理局|管委会|管理委员会|办事处|工作委员会)$");
    /** A zone's administrative committee acts as its local government (开发区、实验区、新区管委会). */
    private static final Pattern ZONE_GOVERNMENT = Pattern.compile(".*区(管委会|管理委员会)$");
    private static final Pattern TOP_HEADING = Pattern.compile("^#{0,6}([一二三四五六七八九十]{1,3})[、.,:]\\s*(.{2,40})$");
    private static final Pattern CELL_SEPARATOR = Pattern.compile("[|\t]");

    private final TableExtractor tables;

    public ReportParser() { this(new nianbao.parse.tables.SchemaTableExtractor()); }

    public ReportParser(TableExtractor tables) { this.tables = tables; }

    public Report parse(Document doc) {
        List<Line> lines = lines(doc);
        List<Line> content = segments(lines.stream().filter(Line::isContent).toList());
        CrawlerHeader header = CrawlerHeader.of(content);

        Title title = doc.title() != null ? given(doc.title(), content)
                : header.title() != null ? title(header) : title(content);
        String agency = title.agency != null ? title.agency : signatureAgency(content);
        if (agency == null && header.agency() != null) agency = header.agency();
        if (agency == null) agency = namedBody(content);
        Period period = period(content);
        Integer titleYear = title.year;
        Integer bodyYear = bodyYear(content);
        Integer reportYear = titleYear != null ? titleYear : period != null ? Integer.valueOf(period.to().getYear()) : bodyYear;
        Published published = header.date() != null
                ? new Published(header.date(), header.dateLine(), header.dateEvidence()) : published(content);

        List<Headings.Candidate> candidates = Headings.candidates(norms(content), texts(content));
        List<Marker> markers = markers(content, candidates);
        Format detected = detect(markers, content, reportYear);
        List<Section> sections = sections(content, candidates, Report.familyOf(detected, Format.expectedFor(reportYear)));
        List<Cell> cells = detected.isGb() ? tables.extract(doc.blocks(), detected, debrisTexts(lines)::contains, reportYear) : List.of();

        List<SourceLine> source = new ArrayList<>(lines.size());
        StringBuilder text = new StringBuilder();
        for (Line l : lines) {
            source.add(new SourceLine(l.no(), l.text(), doc.places().get(l.no()), l.matched()));
            if (l.isContent()) text.append(l.norm()).append(' ');
        }
        List<nianbao.model.Statement> statements = nianbao.parse.tables.NarrativeNumbers.of(source);
        // the local 统计表 of a 2008-style report (the national tables T2–T4 do not exist there)
        nianbao.model.LegacyTable legacy = detected.isGb() ? null : nianbao.parse.legacy.LegacyTableReader.read(source, statements);
        return new Report(doc.source(), doc.sha256(),
                title.text, title.line, agency, level(agency, content),
                reportYear, titleYear, bodyYear,
                published == null ? null : published.date, published == null ? 0 : published.line,
                published == null ? null : published.evidence,
                period, detected, Format.expectedFor(reportYear), markers,
                sections, cells, source, text.toString(), statements, doc.notes(), legacy);
    }

    /** The texts of the lines found to be page furniture (a function of the text alone). */
    private static java.util.Set<String> debrisTexts(List<Line> lines) {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (Line l : lines) if (l.debris()) out.add(l.text());
        return out;
    }

    static List<Line> lines(Document doc) {
        List<Line> out = new ArrayList<>();
        for (Block b : doc.blocks()) {
            if (b instanceof TextBlock t) {
                String matched = Normalizer.norm(t.text());
                String norm = Debris.strip(matched);
                // A flattened page (one huge line) is judged piece by piece in segments(), not as a whole.
                out.add(new Line(t.line(), t.text(), matched, norm, Debris.isDebris(norm) && !mixed(norm), false));
            } else if (b instanceof TableBlock tb) {
                for (var row : tb.rows()) {
                    String text = TableBlock.rowText(row);
                    int no = row.isEmpty() ? tb.line() : row.get(0).line();
                    String norm = Normalizer.norm(text);
                    out.add(new Line(no, text, norm, norm, false, true));
                }
            }
        }
        return out;
    }

    /** Lines longer than this (normalised) are flattened text: cut into segments, debris judged per segment. */
    private static final int LONG_LINE = 300;
    /** A segment of a long line longer than this is report text even when page furniture starts or ends it. */
    private static final int DEBRIS_SEGMENT = 150;
    /** Paragraph breaks inside a line: a run of ideographic spaces (the usual paragraph indent), or a CR. */
    private static final Pattern PARAGRAPH = Pattern.compile("\\u3000[\\s\\u3000]*\\u3000|\\s*\\r[\\s\\u3000]*"),
            // the same for a line without CR: the CR branch, tried at every position, can never match there
            IDEOGRAPHIC_BREAK = Pattern.compile("\\u3000[\\s\\u3000]*\\u3000");

    /**
     * Content lines cut into segments: at paragraph breaks inside a line (runs of ideographic spaces) and,
     * in long lines, after each sentence. Text crawled from web pages often has no line breaks at all; the
     * title, dates, period and headings are then found per segment. Segments keep their source line number.
     */
    /**
     * A line that page furniture starts or ends but that also holds report sentences (a flattened page:
     * "当前位置：首页 > … 本报告根据《条例》编制。一、总体情况…"): cut into segments, never dropped whole.
     */
    private static boolean mixed(String norm) {
        return norm.length() > LONG_LINE || norm.indexOf('。') > 30;
    }

    static List<Line> segments(List<Line> content) {
        List<Line> out = new ArrayList<>(content.size());
        for (Line l : content) {
            if (l.tableRow() || l.text().indexOf('\u3000') < 0 && l.text().indexOf('\r') < 0 && !mixed(l.norm())) {
                out.add(l);
                continue;
            }
            boolean longLine = mixed(l.norm());
            List<String> pieces = new ArrayList<>();
            for (String para : (l.text().indexOf('\r') >= 0 ? PARAGRAPH : IDEOGRAPHIC_BREAK).split(l.text())) {
                if (!longLine) { pieces.add(para); continue; }
                int from = 0;
                for (int i = 0; i < para.length(); i++) {
                    if (para.charAt(i) == '。' && i + 1 < para.length()) {
                        pieces.add(para.substring(from, i + 1));
                        from = i + 1;
                    }
                }
                pieces.add(para.substring(from));
            }
            if (pieces.size() == 1) {
                // a long line of furniture with no sentence in it (a footer of links) stays out
                if (l.norm().indexOf('。') >= 0 || !Debris.isDebris(l.norm())) out.add(l);
                continue;
            }
            for (String piece : pieces) {
                String matched = Normalizer.norm(piece);
                String norm = Debris.strip(matched);
                // Page furniture run together with the first sentence ("当前位置：首页…相关链接： 根据《条例》…")
                // keeps the sentence: only a segment short enough to be furniture alone, and not a sentence, is dropped.
                boolean sentence = norm.length() > 30 && norm.endsWith("。");
                Line seg = new Line(l.no(), piece, matched, norm,
                        !sentence && norm.length() <= DEBRIS_SEGMENT && Debris.isDebris(norm), false);
                if (seg.isContent()) out.add(seg);
            }
        }
        return out;
    }

    private static List<String> norms(List<Line> lines) {
        List<String> out = new ArrayList<>(lines.size());
        for (Line l : lines) out.add(l.tableRow() ? "" : l.norm());
        return out;
    }

    private static List<String> texts(List<Line> lines) {
        List<String> out = new ArrayList<>(lines.size());
        for (Line l : lines) out.add(l.text());
        return out;
    }

    // ---- title and agency ------------------------------------------------------------------

    private record Title(String text, int line, String agency, Integer year) {}

    /** What may follow a title that a crawler ran together with the report's first sentence or page metadata. */
    private static final Pattern AFTER_TITLE = Pattern.compile("^(?:\\s|根据|按照|依据|依照|本报告|发布)");

    /**
     * A title at the start of a longer line ("XX县2021年政府信息公开工作年度报告 根据《条例》…"): the text up to its
     * first 报告 when a space or the first sentence follows; null otherwise.
     */
    static String titleHead(String s) {
        int end = s.indexOf("报告") + 2;
        if (end < 2 || end > 80 || end >= s.length() || !AFTER_TITLE.matcher(s.substring(end)).find()) return null;
        return s.substring(0, end);
    }

    private static Title title(List<Line> content) {
        for (int i = 0; i < Math.min(content.size(), 25); i++) {
            Line l = content.get(i);
            String n = l.norm();
            String head = n.length() > 80 ? titleHead(n) : null;
            String rawHead = head == null ? null : titleHead(l.text().strip());
            if (head != null && rawHead != null) {
                l = new Line(l.no(), rawHead, head, head, false, false);
                n = head;
            }
            if (l.tableRow() || n.length() > 80 || !n.contains("报告") || !(n.contains("信息公开") || n.contains("政务公开"))
                    || n.startsWith("本") || n.startsWith("根据") || n.startsWith("关于印发")) {
                continue;
            }
            Matcher y = YEAR_IN_TITLE.matcher(n);
            Integer year = y.find() ? Integer.valueOf(y.group(1)) : null;
            String prefix = year == null ? "" : trimPunct(n.substring(0, y.start()).replaceFirst("^关于", ""));
            if (!prefix.isEmpty()) return new Title(l.text().strip(), l.no(), prefix, year);
            // The agency often stands alone on the line above the title ("XX县人民政府办公室" / "2021年度…报告").
            if (i > 0) {
                Line prev = content.get(i - 1);
                if (prev.no() >= l.no() - 3 && AGENCY_LIKE.matcher(prev.norm()).matches() && prev.norm().length() <= 30) {
                    return new Title(prev.text().strip() + l.text().strip(), prev.no(), prev.norm(), year);
                }
            }
            return new Title(l.text().strip(), l.no(), null, year);
        }
        return new Title(null, 0, null, null);
    }

    /**
     * The title the source states outright (an export row's title column): the report's title whatever it says —
     * never replaced by a sentence of the body, never rejected for lacking 报告. Its line is the first content line
     * that reads exactly so; the agency is what precedes the year when that names a body.
     */
    private static Title given(String text, List<Line> content) {
        int line = 0;
        for (Line l : content) {
            if (!l.tableRow() && l.text().strip().equals(text)) {
                line = l.no();
                break;
            }
        }
        String n = Normalizer.norm(text);
        Matcher y = YEAR_IN_TITLE.matcher(n);
        Integer year = y.find() ? Integer.valueOf(y.group(1)) : null;
        String prefix = year == null ? "" : trimPunct(n.substring(0, y.start()).replaceFirst("^关于", ""));
        boolean body = prefix.length() <= 40 && AGENCY_LIKE.matcher(prefix).matches();
        return new Title(text, line, body ? prefix : null, year);
    }

    /** The title a crawler header or export gives; the agency is what precedes the year ("关于" aside). */
    private static Title title(CrawlerHeader h) {
        String n = Normalizer.norm(h.title());
        Matcher y = YEAR_IN_TITLE.matcher(n);
        Integer year = y.find() ? Integer.valueOf(y.group(1)) : null;
        String prefix = year == null ? "" : trimPunct(n.substring(0, y.start()).replaceFirst("^关于", ""));
        return new Title(h.title(), h.titleLine(), prefix.isEmpty() ? null : prefix, year);
    }

    /** The signing body in the last lines, above or beside the date. */
    private static String signatureAgency(List<Line> content) {
        for (int i = content.size() - 1; i >= Math.max(0, content.size() - 8); i--) {
            String n = content.get(i).norm();
            List<ChineseDates.Found> dates = ChineseDates.findAll(n);
            if (n.length() <= 30 && AGENCY_LIKE.matcher(n).matches() && dates.isEmpty()) return n;
            // Flattened text: "…。河北省某某厅2023年1月29日" — the body right before the signature date.
            if (dates.size() == 1 && dates.get(0).start() > 0) {
                String before = n.substring(0, dates.get(0).start());
                if (before.length() <= 30 && AGENCY_LIKE.matcher(before).matches()) return before;
            }
        }
        return null;
    }

    /** A department's short name as it names itself in the text ("省人社厅", "市教育局"). */
    private static final Pattern BODY_MENTION = Pattern.compile("(?:省|市|县|区|州|旗)[\\p{IsHan}]{1,10}?(?:厅|局)(?!长)");
    // The self-reference patterns all start with 我 or 本 (count() relies on it to skip the other lines).
    private static final Pattern DEPT_SELF = Pattern.compile("[我本](?:厅|局|委|办|署)(?![长])|本机关");
    private static final Pattern TOWNSHIP_SELF = Pattern.compile("[我本](?:镇|乡|街道)");

    /** The body a report without title or signature keeps naming (at least three times), or null. */
    static String namedBody(List<Line> content) {
        Map<String, Integer> counts = new HashMap<>();
        for (Line l : content) {
            if (l.tableRow() || l.norm().indexOf('厅') < 0 && l.norm().indexOf('局') < 0) continue;   // every mention ends so
            Matcher m = BODY_MENTION.matcher(l.norm());
            while (m.find()) counts.merge(m.group(), 1, Integer::sum);
        }
        return counts.entrySet().stream().filter(e -> e.getValue() >= 3)
                .max(Map.Entry.<String, Integer>comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }

    private static final Pattern GOVERNMENT_OFFICE = Pattern.compile(".*(政府|管委会|管理委员会)办公(室|厅)$");
    // starts with 我 or 本, as DEPT_SELF (count() relies on it)
    private static final Pattern GOVERNMENT_SELF = Pattern.compile("[我本](?:县|区|市|州|旗|盟)(?!委|直|属)");

    /**
     * The level of the issuing body, read with the text: an unnamed body by how the text speaks of itself;
     * a government's general office (人民政府办公室, 管委会办公室) that speaks as the government ("我区…",
     * "我县…") publishes the government's own report, as the 条例 has the government's report published
     * by its office.
     */
    static AgencyLevel level(String agency, List<Line> content) {
        if (agency == null) return selfLevel(content);
        AgencyLevel level = level(agency);
        if (level == AgencyLevel.DEPARTMENT && GOVERNMENT_OFFICE.matcher(agency).matches()) {
            int gov = count(GOVERNMENT_SELF, content), dept = count(DEPT_SELF, content);
            if (gov >= 2 && gov > dept) return AgencyLevel.GOVERNMENT;
        }
        return level;
    }

    /** Matches of a self-reference pattern ({@link #DEPT_SELF}, …: every match starts with 我 or 本) in the text lines. */
    private static int count(Pattern p, List<Line> content) {
        int n = 0;
        for (Line l : content) {
            if (l.tableRow() || l.norm().indexOf('我') < 0 && l.norm().indexOf('本') < 0) continue;
            Matcher m = p.matcher(l.norm());
            while (m.find()) n++;
        }
        return n;
    }

    /** The level a report speaks as ("我厅", "本局" → a department; "我镇" → a township) when its body is unnamed. */
    static AgencyLevel selfLevel(List<Line> content) {
        int dept = count(DEPT_SELF, content), township = count(TOWNSHIP_SELF, content);
        if (dept >= 2 && dept > township) return AgencyLevel.DEPARTMENT;
        if (township >= 2) return AgencyLevel.TOWNSHIP;
        return AgencyLevel.UNKNOWN;
    }

    static AgencyLevel level(String agency) {
        if (agency == null || agency.isEmpty()) return AgencyLevel.UNKNOWN;
        if (TOWNSHIP.matcher(agency).matches()) return AgencyLevel.TOWNSHIP;
        if (agency.endsWith("人民政府") || agency.endsWith("政府") || PLACE.matcher(agency).matches()
                || ZONE_GOVERNMENT.matcher(agency).matches()) return AgencyLevel.GOVERNMENT;
        return AgencyLevel.DEPARTMENT;
    }

    private static String trimPunct(String s) {
        return EDGE_PUNCT.matcher(s).replaceAll("");
    }

    // ---- years, dates and period ---------------------------------------------------------------

    /** The year the body talks about, when one year clearly dominates. */
    private static Integer bodyYear(List<Line> content) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (Line l : content) {
            // (?<!\\d)((?:19|20)\\d{2})年 by hand (this runs over every line): each 年 behind 19xx/20xx, no digit before
            String n = l.norm();
            for (int at = n.indexOf('年', 4); at >= 0; at = n.indexOf('年', at + 1)) {
                int y = at - 4;
                boolean century = n.charAt(y) == '1' && n.charAt(y + 1) == '9' || n.charAt(y) == '2' && n.charAt(y + 1) == '0';
                if (century && digit(n.charAt(y + 2)) && digit(n.charAt(y + 3)) && (y == 0 || !digit(n.charAt(y - 1)))) {
                    counts.merge(Integer.valueOf(n.substring(y, at)), 1, Integer::sum);
                }
            }
        }
        var sorted = counts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).toList();
        if (sorted.isEmpty() || sorted.get(0).getValue() < 3) return null;
        if (sorted.size() > 1 && sorted.get(0).getValue() * 2 < sorted.get(1).getValue() * 3) return null;
        return sorted.get(0).getKey();
    }

    private static boolean digit(char c) { return c >= '0' && c <= '9'; }

    private record Published(LocalDate date, int line, String evidence) {}

    private static Published published(List<Line> content) {
        for (Line l : content) {
            // both patterns name 时间 or 日期 (or 发布于): most lines are passed over without a regex
            boolean timeWord = l.text().contains("时间") || l.text().contains("日期");
            Matcher t = timeWord ? TIME_LABEL.matcher(l.text()) : null;
            if (t != null && t.find()) {
                List<ChineseDates.Found> after = ChineseDates.findAll(Normalizer.norm(l.text().substring(t.end())));
                if (!after.isEmpty() && after.get(0).start() == 0) return new Published(after.get(0).date(), l.no(), l.text().strip());
            }
            String n = l.norm();
            if (!n.contains("时间") && !n.contains("日期") && !n.contains("发布于")) continue;
            Matcher m = PUBLISHED.matcher(n);
            if (!m.find()) continue;
            for (ChineseDates.Found f : ChineseDates.findAll(l.norm())) {
                if (f.start() >= m.end() && f.start() - m.end() <= 3) return new Published(f.date(), l.no(), l.text().strip());
            }
        }
        // The signature date at the end: a line holding only a date.
        for (int i = content.size() - 1; i >= Math.max(0, content.size() - 10); i--) {
            Line l = content.get(i);
            List<ChineseDates.Found> found = ChineseDates.findAll(l.norm());
            if (found.size() == 1 && PUNCT.matcher(l.norm()).replaceAll("").length() <= found.get(0).end() - found.get(0).start() + 1) {
                return new Published(found.get(0).date(), l.no(), l.text().strip());
            }
            // Flattened text: the signature runs on with the body before and page text after
            // ("河北省某某厅2023年1月29日更多信息请关注…"): a full date, with at most a body's name before it.
            if (found.size() == 1 && found.get(0).end() > 0 && l.norm().charAt(found.get(0).end() - 1) == '日') {
                String n = l.norm();
                String before = n.substring(0, found.get(0).start()), after = n.substring(found.get(0).end());
                boolean signed = before.isEmpty() || before.length() <= 30 && AGENCY_LIKE.matcher(before).matches();
                if (signed && after.length() <= 30 && !after.contains("。") && !PERIOD_WORD_FIRST.matcher(after).matches()) {
                    return new Published(found.get(0).date(), l.no(), sentence(l.text(), n.substring(found.get(0).start(), found.get(0).end())));
                }
            }
        }
        return null;
    }

    /** After the first date of a range: the link and a second date without its year ("至12月31日"). */
    private static final Pattern SAME_YEAR_END = Pattern.compile("(?:起)?(?:至|到|-|~)(\\d{1,2})月(\\d{1,2})日");

    /**
     * The statistics period: a date range the text introduces as the statistics period ("统计期限自…起至…止",
     * "统计期限为2022年1月1日至12月31日", the second date may omit its year) or as the period the report covers
     * ("内容涵盖2018年1月1日至2018年12月31日期间…").
     */
    private static Period period(List<Line> content) {
        for (Line l : content) {
            String n = l.norm();
            boolean stat = n.contains("统计"), during = n.contains("期间");
            if (!stat && !during) continue;
            List<ChineseDates.Found> dates = ChineseDates.findAll(n);
            for (int i = 0; i < dates.size(); i++) {
                ChineseDates.Found a = dates.get(i);
                int statAt = n.lastIndexOf("统计", a.start());
                boolean introduced = statAt >= 0 && a.start() - statAt <= 20;
                java.time.LocalDate to = null;
                int end = -1;
                if (i + 1 < dates.size()) {
                    ChineseDates.Found b = dates.get(i + 1);
                    String between = n.substring(a.end(), b.start());
                    if (between.length() <= 6 && RANGE_WORD.matcher(between).matches()) { to = b.date(); end = b.end(); }
                }
                if (to == null) {
                    Matcher m = SAME_YEAR_END.matcher(n).region(a.end(), n.length());
                    if (m.lookingAt()) {
                        try {
                            to = java.time.LocalDate.of(a.date().getYear(), Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
                            end = m.end();
                        } catch (java.time.DateTimeException e) {
                            to = null;
                        }
                    }
                }
                if (to == null) continue;
                boolean covers = n.startsWith("期间", end) || n.startsWith("止", end) && during;
                if (introduced || covers) {
                    return new Period(a.date(), to, l.no(), sentence(l.text(), n.substring(a.start(), end)));
                }
            }
        }
        return null;
    }

    /** The sentence of an original line whose normalised form contains {@code normPart}: a short quote for evidence. */
    static String sentence(String original, String normPart) {
        for (String s : SENTENCE_SPLIT.split(original)) {
            if (Normalizer.norm(s).contains(normPart)) return s.strip();
        }
        return original.strip();
    }

    // ---- format ----------------------------------------------------------------------------------

    private static final String[][] MARKERS = {
        {"GB_2019", "本年新制作数量"}, {"GB_2019", "本年新公开数量"}, {"GB_2019", "对外公开总数量"},
        {"GB_2019", "上一年项目数量"}, {"GB_2019", "本年增/减"}, {"GB_2019", "其他对外管理服务事项"},
        {"GB_2019", "=政府集中采购"}, {"GB_2019", "第二十条第(九)项"},
        {"GB_2021", "本年制发件数"}, {"GB_2021", "本年废止件数"}, {"GB_2021", "现行有效件数"},
        {"GB_2021", "本年处理决定数量"}, {"GB_2021", "本年收费金额"}, {"GB_2021", "=行政规范性文件"},
        {"GB_2021", "申请人无正当理由逾期不补正"},
    };
    private static final Pattern LEGACY_HEADING = Pattern.compile(".*(概述|依申请公开政府信息(的)?情况|收费(及|和)减免|不予公开政府信息|咨询(处理)?情况).*");

    /**
     * Distinct format markers, each with the first line it was seen on. Table-cell markers match cell text;
     * in flattened text, where cells run together, a cell marker also counts when digits follow it
     * ("行政规范性文件1126"). Legacy markers are numbered headings with a legacy-only title, wherever they stand.
     */
    static List<Marker> markers(List<Line> content, List<Headings.Candidate> candidates) {
        List<Marker> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Line l : content) {
            String n = l.norm();
            boolean cells = n.indexOf('|') >= 0 || n.indexOf('\t') >= 0;
            for (String piece : cells ? CELL_SEPARATOR.split(n) : new String[] {n}) {
                if (piece.isEmpty()) continue;
                boolean flattened = piece.length() > 40;
                for (String[] m : MARKERS) {
                    boolean exact = m[1].startsWith("=");
                    String phrase = exact ? m[1].substring(1) : m[1];
                    boolean hit = exact ? !flattened && (piece.equals(phrase) || numbered(piece, phrase)) || beforeDigits(piece, phrase)
                            : piece.contains(phrase);
                    if (hit && seen.add(phrase)) out.add(new Marker(Format.valueOf(m[0]), phrase, l.no()));
                }
            }
        }
        for (Headings.Candidate c : candidates) {
            if (c.style() == Headings.Style.PAREN) continue;
            if (LEGACY_HEADING.matcher(c.title()).matches() && seen.add(c.title())) {
                Line l = content.get(c.seg());
                out.add(new Marker(Format.LEGACY_2008, origSlice(l.text(), c.start(), c.titleEnd()).strip(), l.no()));
            }
        }
        out.sort(java.util.Comparator.comparingInt(Marker::line));
        return out;
    }

    /** A row label in a flattened table: the phrase after a non-letter boundary, directly followed by a digit. */
    private static boolean beforeDigits(String piece, String phrase) {
        for (int at = piece.indexOf(phrase); at >= 0; at = piece.indexOf(phrase, at + 1)) {
            int after = at + phrase.length();
            boolean startOk = at == 0 || !Character.isLetter(piece.charAt(at - 1)) || numberedAt(piece, at);
            if (startOk && after < piece.length() && Character.isDigit(piece.charAt(after))) return true;
        }
        return false;
    }

    /** "…00002.行政规范性文件": the phrase behind its template number "2.". */
    private static boolean numberedAt(String piece, int at) {
        return at >= 2 && piece.charAt(at - 1) == '.' && Character.isDigit(piece.charAt(at - 2));
    }

    /** "2.规范性文件": a row label under its template number. */
    private static boolean numbered(String piece, String phrase) {
        int dot = piece.length() - phrase.length() - 1;
        if (dot < 1 || piece.charAt(dot) != '.' || !piece.endsWith(phrase)) return false;
        for (int i = 0; i < dot; i++) if (!Character.isDigit(piece.charAt(i))) return false;
        return true;
    }

    static Format detect(List<Marker> markers, List<Line> content, Integer year) {
        long c19 = markers.stream().filter(m -> m.format() == Format.GB_2019).count();
        long c21 = markers.stream().filter(m -> m.format() == Format.GB_2021).count();
        if (c19 + c21 > 0) return c21 >= c19 ? Format.GB_2021 : Format.GB_2019;
        if (markers.stream().anyMatch(m -> m.format() == Format.LEGACY_2008)) return Format.LEGACY_2008;
        // GB headings without any table: the family is clear but not the edition, so assume the one
        // the year requires; the table rules then report the missing tables.
        boolean gbHeadings = content.stream().anyMatch(l -> l.norm().contains("收到和处理政府信息公开申请"));
        if (gbHeadings) {
            Format expected = Format.expectedFor(year);
            return expected.isGb() ? expected : Format.GB_2019;
        }
        return Format.UNKNOWN;
    }

    // ---- sections ---------------------------------------------------------------------------------

    static List<Section> sections(List<Line> content, List<Headings.Candidate> candidates, String family) {
        List<SectionTemplate> templates = SectionTemplate.family(family);
        int[] offsets = new int[content.size() + 1];
        for (int i = 0; i < content.size(); i++) offsets[i + 1] = offsets[i] + (content.get(i).tableRow() ? 0 : content.get(i).norm().length());
        boolean gb = "GB".equals(family);
        List<Headings.Head> heads = new ArrayList<>(Headings.sequence(candidates, templates, c -> offsets[c.seg()] + c.start()));
        if (gb) firstByPosition(heads, candidates, templates);

        List<Section> out = new ArrayList<>();
        for (int h = 0; h < heads.size(); h++) {
            Headings.Head head = heads.get(h);
            Headings.Candidate c = head.c();
            Line line = content.get(c.seg());
            int headEnd = head.t() == null ? c.titleEnd() : Headings.headingEnd(c, head.t());
            Headings.Candidate next = h + 1 < heads.size() ? heads.get(h + 1).c() : null;
            StringBuilder body = new StringBuilder();
            int endLine = line.no();
            int stopSeg = next == null ? content.size() : next.seg();
            if (next != null && next.seg() == c.seg()) {
                body.append(line.norm(), headEnd, next.start());
            } else {
                body.append(line.norm().substring(headEnd));
                for (int i = c.seg() + 1; i < stopSeg; i++) {
                    body.append(content.get(i).norm());
                    endLine = content.get(i).no();
                }
                if (next != null && next.start() > 0) {
                    body.append(content.get(next.seg()).norm(), 0, next.start());
                    endLine = content.get(next.seg()).no();
                }
            }
            // "六、其他需要报告的事项：无。" carries its body on the heading line, after a colon.
            String text = body.toString().replaceFirst("^[:：]", "");
            String normHeading = Headings.clean(line.norm().substring(c.start(), headEnd));
            String heading = origSlice(line.text(), c.start(), headEnd).strip();
            SectionTemplate t = head.t();
            out.add(new Section(t.id(), heading, normHeading, line.no(), endLine, h + 1, t.index(), text, c.number()));
        }
        return out;
    }

    /**
     * GB formats fix the order of the parts, so a first heading numbered 一 under another title
     * ("一、年度工作概况") directly before 二、主动公开政府信息情况 is the overview part, S1.
     */
    private static void firstByPosition(List<Headings.Head> heads, List<Headings.Candidate> candidates, List<SectionTemplate> templates) {
        if (heads.isEmpty() || !heads.get(0).t().id().equals("S2") || heads.get(0).c().number() != 2) return;
        Headings.Candidate s2 = heads.get(0).c();
        SectionTemplate s1 = templates.stream().filter(t -> t.index() == 1).findFirst().orElse(null);
        if (s1 == null) return;
        Headings.Candidate first = null;
        for (Headings.Candidate c : candidates) {
            if (c.seg() > s2.seg() || c.seg() == s2.seg() && c.start() >= s2.start()) break;
            if (c.number() == 1 && c.style() == s2.style() && c.title().length() <= 20) first = c;
        }
        if (first != null) heads.add(0, new Headings.Head(first, s1));
    }

    /** The part of an original line whose normalised form spans {@code [normStart, normEnd)} (for evidence). */
    static String origSlice(String text, int normStart, int normEnd) {
        int n = 0, from = -1, to = text.length();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (from < 0 && n >= normStart) from = i;
            if (n >= normEnd) { to = i; break; }
            n += Normalizer.norm(text.substring(i, next)).length();
            i = next;
        }
        if (from < 0) from = text.length();
        return text.substring(from, Math.max(from, to));
    }
}
