package nianbao.batch;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import nianbao.model.AgencyLevel;
import nianbao.model.Report;
import nianbao.parse.ChineseDates;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The optional batch manifest: a CSV with a header row and the columns
 * {@code file, agency, level, region, published_on, url} (any may be empty; only {@code file} is required).
 * {@code file} is the path relative to the input folder, or just the file name. What the manifest
 * says wins over what the text says: publication dates usually live on the web page, not in the report.
 */
public final class Manifest {
    /** One manifest line. */
    public record Entry(String file, String agency, AgencyLevel level, String region, LocalDate publishedOn, String url) {
        /** Applies the overrides to a parsed report, before the rules run. */
        public Report apply(Report r) {
            Report out = r;
            if (agency != null || level != null) {
                out = out.withAgency(agency != null ? agency : out.agency(), level != null ? level : out.agencyLevel());
            }
            if (publishedOn != null) out = out.withPublishedOn(publishedOn, "清单（manifest）：" + publishedOn);
            return out;
        }

        /** A stable text of the overrides, part of the --resume key. */
        public String key() {
            return agency + "|" + level + "|" + publishedOn;
        }
    }

    public static final Manifest EMPTY = new Manifest(Map.of(), Map.of());

    private final Map<String, Entry> byPath;
    private final Map<String, Entry> byName;

    private Manifest(Map<String, Entry> byPath, Map<String, Entry> byName) {
        this.byPath = byPath;
        this.byName = byName;
    }

    /** A manifest error: one line naming the file, row and cause. */
    public static final class ManifestException extends Exception {
        public ManifestException(String message) { super(message); }
    }

    public static Manifest load(Path csv) throws ManifestException {
        Map<String, Entry> byPath = new HashMap<>(), byName = new HashMap<>();
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                     .setTrim(true).setIgnoreHeaderCase(true).get().parse(r)) {
            Map<String, Integer> header = new HashMap<>();
            p.getHeaderMap().forEach((k, v) -> header.put(k.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT), v));
            if (!header.containsKey("file")) {
                throw new ManifestException(csv + ": 清单缺少 file 列 / manifest has no 'file' column");
            }
            for (CSVRecord rec : p) {
                String file = get(rec, header, "file");
                if (file == null) continue;
                Entry e = new Entry(file, get(rec, header, "agency"), level(csv, rec, get(rec, header, "level")),
                        get(rec, header, "region"), date(csv, rec, get(rec, header, "published_on")), get(rec, header, "url"));
                String norm = file.replace('\\', '/');
                byPath.put(norm, e);
                byName.merge(Path.of(norm).getFileName().toString(), e, (x, y) -> null);
            }
        } catch (IOException | IllegalStateException | IllegalArgumentException e) {
            throw new ManifestException(csv + ": 无法读取清单 / cannot read manifest: " + e.getMessage());
        }
        return new Manifest(Map.copyOf(byPath), byName.entrySet().stream().filter(x -> x.getValue() != null)
                .collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    /** The entry for an input, by its path relative to the input folder, else by its (unique) file name. */
    public Entry find(String relativePath) {
        String norm = relativePath.replace('\\', '/');
        Entry e = byPath.get(norm);
        if (e != null) return e;
        return byName.get(Path.of(norm).getFileName().toString());
    }

    public int size() { return byPath.size(); }

    private static String get(CSVRecord rec, Map<String, Integer> header, String col) {
        Integer i = header.get(col);
        if (i == null || i >= rec.size()) return null;
        String v = rec.get(i).trim();
        return v.isEmpty() ? null : v;
    }

    private static AgencyLevel level(Path csv, CSVRecord rec, String v) throws ManifestException {
        if (v == null) return null;
        String s = v.toUpperCase(Locale.ROOT);
        for (AgencyLevel l : AgencyLevel.values()) if (l.name().equals(s)) return l;
        if (v.contains("乡") || v.contains("镇") || v.contains("街道")) return AgencyLevel.TOWNSHIP;
        if (v.contains("部门")) return AgencyLevel.DEPARTMENT;
        if (v.contains("政府")) return AgencyLevel.GOVERNMENT;
        throw new ManifestException(csv + ":" + (rec.getRecordNumber() + 1) + ": level 无法识别 / unknown level: " + v
                + "（GOVERNMENT|DEPARTMENT|TOWNSHIP）");
    }

    private static LocalDate date(Path csv, CSVRecord rec, String v) throws ManifestException {
        if (v == null) return null;
        try {
            return LocalDate.parse(v.replace('/', '-').replace('.', '-'));
        } catch (DateTimeParseException e) {
            var found = ChineseDates.findAll(nianbao.parse.Normalizer.norm(v));
            if (!found.isEmpty()) return found.get(0).date();
            throw new ManifestException(csv + ":" + (rec.getRecordNumber() + 1) + ": published_on 不是日期 / not a date: " + v);
        }
    }
}
