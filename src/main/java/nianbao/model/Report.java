package nianbao.model;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A parsed annual report: the typed model the rules judge. Every field is what the source says,
 * never a judgement; judgements are findings made by the rules.
 */
public record Report(
        String source,
        String sha256,
        String title, int titleLine,
        String agency, AgencyLevel agencyLevel,
        Integer reportYear, Integer titleYear, Integer bodyYear,
        LocalDate publishedOn, int publishedLine, String publishedEvidence,
        Period period,
        Format formatDetected, Format formatExpected, List<Marker> markers,
        List<Section> sections,
        List<Cell> cells,
        List<SourceLine> lines,
        String text,
        List<Statement> statements,
        List<String> notes,
        LegacyTable legacyTable) {

    /**
     * @param notes       how the input was read, in Chinese, for the reviewer (e.g. where a web page's report body was found)
     * @param legacyTable the local statistics table of a 2008-style report (统计表 with 本年度/历年累计), null when none was found
     */
    public Report {
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** A report without a legacy statistics table. */
    public Report(String source, String sha256, String title, int titleLine, String agency, AgencyLevel agencyLevel,
                  Integer reportYear, Integer titleYear, Integer bodyYear,
                  LocalDate publishedOn, int publishedLine, String publishedEvidence, Period period,
                  Format formatDetected, Format formatExpected, List<Marker> markers, List<Section> sections, List<Cell> cells,
                  List<SourceLine> lines, String text, List<Statement> statements, List<String> notes) {
        this(source, sha256, title, titleLine, agency, agencyLevel, reportYear, titleYear, bodyYear, publishedOn, publishedLine,
                publishedEvidence, period, formatDetected, formatExpected, markers, sections, cells, lines, text, statements, notes, null);
    }

    /** For rules: the legacy table's rows (empty when there is none). */
    public List<LegacyRow> legacyRows() { return legacyTable == null ? List.of() : legacyTable.rows(); }

    public boolean isGb() { return formatDetected.isGb(); }

    /** "GB" or "LEGACY": which section and deadline family applies (see {@link #familyOf}). */
    public String sectionFamily() { return familyOf(formatDetected, formatExpected); }

    /** Legacy when the report is on the legacy format, or its format is unknown and its year requires legacy. */
    public static String familyOf(Format detected, Format expected) {
        boolean legacy = detected == Format.LEGACY_2008 || detected == Format.UNKNOWN && expected == Format.LEGACY_2008;
        return legacy ? "LEGACY" : "GB";
    }

    public long markerCount(Format f) {
        return markers.stream().filter(m -> m.format() == f).count();
    }

    public Marker firstMarker(Format f) {
        return markers.stream().filter(m -> m.format() == f).findFirst().orElse(null);
    }

    /** Days the publication came after month/day of the year following the report year; ≤ 0 when on time. */
    public long daysAfter(int month, int day) {
        if (publishedOn == null || reportYear == null) return 0;
        return ChronoUnit.DAYS.between(LocalDate.of(reportYear + 1, month, day), publishedOn);
    }

    /** The same report with the publication date a batch manifest supplies (dates usually live on the web page). */
    public Report withPublishedOn(LocalDate date, String evidence) {
        return new Report(source, sha256, title, titleLine, agency, agencyLevel, reportYear, titleYear, bodyYear,
                date, 0, evidence, period, formatDetected, formatExpected, markers, sections, cells, lines, text, statements, notes, legacyTable);
    }

    /** The same report with the issuing body a batch manifest supplies. */
    public Report withAgency(String agency, AgencyLevel level) {
        return new Report(source, sha256, title, titleLine, agency, level, reportYear, titleYear, bodyYear,
                publishedOn, publishedLine, publishedEvidence, period, formatDetected, formatExpected, markers, sections, cells, lines, text,
                statements, notes, legacyTable);
    }

    public Section section(String id) {
        return sections.stream().filter(s -> s.id().equals(id)).findFirst().orElse(null);
    }

    /** The text of a source line, for evidence; empty when out of range. */
    public String lineText(int no) {
        for (SourceLine l : lines) if (l.no() == no) return l.text();
        return "";
    }
}
