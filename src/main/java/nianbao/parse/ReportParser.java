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
    private static final Pattern YEAR_MENTION = Pattern.compile("(?<!\\d)((?:19|20)\\d{2})年");
    private static final Pattern PUBLISHED = Pattern.compile("(发布日期|发布时间|成文日期|发文日期|印发日期|公开日期|发布于)[:：]?");
    private static final Pattern AGENCY_LIKE = Pattern.compile(".{2,40}(人民政府|政府|办公室|办公厅|局|委员会|委|厅|院|中心|办|所|站|镇|乡|街道办事处|街道|管委会|公司|署|会|部)$");
    private static final Pattern PLACE = Pattern.compile(".{1,20}(省|市|县|区|旗|自治州|自治县|盟|地区)$");
    private static final Pattern TOWNSHIP = Pattern.compile(".*(镇|乡|街道)(人民政府|政府|办事处)?$|.*街道办事处$");
    private static final Pattern TOP_HEADING = Pattern.compile("^#{0,6}([一二三四五六七八九十]{1,3})[、.,:]\\s*(.{2,40})$");
    private static final Pattern CELL_SEPARATOR = Pattern.compile("[|\t]");

    private final TableExtractor tables;

    public ReportParser() { this(new nianbao.parse.tables.SchemaTableExtractor()); }

    public ReportParser(TableExtractor tables) { this.tables = tables; }

    public Report parse(Document doc) {
        List<Line> lines = lines(doc);
        List<Line> content = lines.stream().filter(Line::isContent).toList();

        Title title = title(content);
        String agency = title.agency != null ? title.agency : signatureAgency(content);
        Period period = period(content);
        Integer titleYear = title.year;
        Integer bodyYear = bodyYear(content);
        Integer reportYear = titleYear != null ? titleYear : period != null ? Integer.valueOf(period.to().getYear()) : bodyYear;
        Published published = published(content);

        List<Marker> markers = markers(content);
        Format detected = detect(markers, content, reportYear);
        List<Section> sections = sections(content, Report.familyOf(detected, Format.expectedFor(reportYear)));
        List<Cell> cells = detected.isGb() ? tables.extract(doc.blocks(), detected, debrisTexts(lines)::contains) : List.of();

        List<SourceLine> source = new ArrayList<>(lines.size());
        StringBuilder text = new StringBuilder();
        for (Line l : lines) {
            source.add(new SourceLine(l.no(), l.text(), doc.places().get(l.no()), l.matched()));
            if (l.isContent()) text.append(l.norm()).append(' ');
        }
        return new Report(doc.source(), doc.sha256(),
                title.text, title.line, agency, level(agency),
                reportYear, titleYear, bodyYear,
                published == null ? null : published.date, published == null ? 0 : published.line,
                published == null ? null : published.evidence,
                period, detected, Format.expectedFor(reportYear), markers,
                sections, cells, source, text.toString(), nianbao.parse.tables.NarrativeNumbers.of(source));
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
                out.add(new Line(t.line(), t.text(), matched, norm, Debris.isDebris(norm), false));
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

    // ---- title and agency ------------------------------------------------------------------

    private record Title(String text, int line, String agency, Integer year) {}

    private static Title title(List<Line> content) {
        for (int i = 0; i < Math.min(content.size(), 25); i++) {
            Line l = content.get(i);
            String n = l.norm();
            if (l.tableRow() || n.length() > 80 || !n.contains("报告") || !(n.contains("信息公开") || n.contains("政务公开"))
                    || n.startsWith("本") || n.startsWith("根据") || n.startsWith("关于印发")) {
                continue;
            }
            Matcher y = YEAR_IN_TITLE.matcher(n);
            Integer year = y.find() ? Integer.valueOf(y.group(1)) : null;
            String prefix = year == null ? "" : trimPunct(n.substring(0, y.start()));
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

    /** The signing body in the last lines, above or beside the date. */
    private static String signatureAgency(List<Line> content) {
        for (int i = content.size() - 1; i >= Math.max(0, content.size() - 8); i--) {
            String n = content.get(i).norm();
            if (n.length() <= 30 && AGENCY_LIKE.matcher(n).matches() && ChineseDates.findAll(n).isEmpty()) return n;
        }
        return null;
    }

    static AgencyLevel level(String agency) {
        if (agency == null || agency.isEmpty()) return AgencyLevel.UNKNOWN;
        if (TOWNSHIP.matcher(agency).matches()) return AgencyLevel.TOWNSHIP;
        if (agency.endsWith("人民政府") || agency.endsWith("政府") || PLACE.matcher(agency).matches()) return AgencyLevel.GOVERNMENT;
        return AgencyLevel.DEPARTMENT;
    }

    private static String trimPunct(String s) {
        return s.replaceAll("^[\\p{P}\\s]+|[\\p{P}\\s]+$", "");
    }

    // ---- years, dates and period ---------------------------------------------------------------

    /** The year the body talks about, when one year clearly dominates. */
    private static Integer bodyYear(List<Line> content) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (Line l : content) {
            Matcher m = YEAR_MENTION.matcher(l.norm());
            while (m.find()) counts.merge(Integer.valueOf(m.group(1)), 1, Integer::sum);
        }
        var sorted = counts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).toList();
        if (sorted.isEmpty() || sorted.get(0).getValue() < 3) return null;
        if (sorted.size() > 1 && sorted.get(0).getValue() * 2 < sorted.get(1).getValue() * 3) return null;
        return sorted.get(0).getKey();
    }

    private record Published(LocalDate date, int line, String evidence) {}

    private static Published published(List<Line> content) {
        for (Line l : content) {
            Matcher m = PUBLISHED.matcher(l.norm());
            if (!m.find()) continue;
            for (ChineseDates.Found f : ChineseDates.findAll(l.norm())) {
                if (f.start() >= m.end() && f.start() - m.end() <= 3) return new Published(f.date(), l.no(), l.text().strip());
            }
        }
        // The signature date at the end: a line holding only a date.
        for (int i = content.size() - 1; i >= Math.max(0, content.size() - 10); i--) {
            Line l = content.get(i);
            List<ChineseDates.Found> found = ChineseDates.findAll(l.norm());
            if (found.size() == 1 && l.norm().replaceAll("[\\p{P}]", "").length() <= found.get(0).end() - found.get(0).start() + 1) {
                return new Published(found.get(0).date(), l.no(), l.text().strip());
            }
        }
        return null;
    }

    private static Period period(List<Line> content) {
        for (Line l : content) {
            String n = l.norm();
            if (!n.contains("统计")) continue;
            List<ChineseDates.Found> dates = ChineseDates.findAll(n);
            for (int i = 0; i + 1 < dates.size(); i++) {
                ChineseDates.Found a = dates.get(i), b = dates.get(i + 1);
                String between = n.substring(a.end(), b.start());
                int stat = n.lastIndexOf("统计", a.start());
                if (stat >= 0 && a.start() - stat <= 20 && between.length() <= 6 && between.matches(".*(至|到|-|~).*")) {
                    return new Period(a.date(), b.date(), l.no(), sentence(l.text(), n.substring(a.start(), b.end())));
                }
            }
        }
        return null;
    }

    /** The sentence of an original line whose normalised form contains {@code normPart}: a short quote for evidence. */
    static String sentence(String original, String normPart) {
        for (String s : original.split("(?<=[。；;!！?？])")) {
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

    /** Distinct format markers, each with the first line it was seen on. Table-cell markers match cell text only. */
    static List<Marker> markers(List<Line> content) {
        List<Marker> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Line l : content) {
            for (String piece : CELL_SEPARATOR.split(l.norm())) {
                if (piece.isEmpty() || piece.length() > 40) continue;
                for (String[] m : MARKERS) {
                    boolean exact = m[1].startsWith("=");
                    String phrase = exact ? m[1].substring(1) : m[1];
                    boolean hit = exact ? piece.equals(phrase) || numbered(piece, phrase) : piece.contains(phrase);
                    if (hit && seen.add(phrase)) out.add(new Marker(Format.valueOf(m[0]), phrase, l.no()));
                }
            }
            Matcher h = TOP_HEADING.matcher(l.norm());
            if (h.matches() && LEGACY_HEADING.matcher(h.group(2)).matches() && seen.add(h.group(2))) {
                out.add(new Marker(Format.LEGACY_2008, l.text().strip(), l.no()));
            }
        }
        return out;
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

    static List<Section> sections(List<Line> content, String family) {
        List<SectionTemplate> templates = SectionTemplate.family(family);
        record Head(SectionTemplate t, Line line, int pos) {}
        List<Head> heads = new ArrayList<>();
        java.util.Set<String> found = new java.util.HashSet<>();
        for (int i = 0; i < content.size(); i++) {
            Line l = content.get(i);
            if (l.tableRow()) continue;
            Matcher m = TOP_HEADING.matcher(l.norm());
            if (!m.matches() || m.group(2).endsWith("。") && m.group(2).length() > 20) continue;
            for (SectionTemplate t : templates) {
                if (t.matches(m.group(2))) {
                    if (found.add(t.id())) heads.add(new Head(t, l, i));
                    break;
                }
            }
        }
        List<Section> out = new ArrayList<>();
        for (int h = 0; h < heads.size(); h++) {
            Head head = heads.get(h);
            int end = h + 1 < heads.size() ? heads.get(h + 1).pos : content.size();
            StringBuilder body = new StringBuilder();
            int endLine = head.line.no();
            for (int i = head.pos + 1; i < end; i++) {
                body.append(content.get(i).norm());
                endLine = content.get(i).no();
            }
            // "六、其他需要报告的事项：无。" carries its body on the heading line.
            String normHeading = head.line.norm();
            int colon = normHeading.indexOf(':');
            if (colon > 0) {
                body.insert(0, normHeading.substring(colon + 1));
                normHeading = normHeading.substring(0, colon);
            }
            out.add(new Section(head.t.id(), head.line.text().strip(), normHeading, head.line.no(), endLine,
                    h + 1, head.t.index(), body.toString()));
        }
        return out;
    }
}
