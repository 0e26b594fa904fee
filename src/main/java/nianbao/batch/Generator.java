package nianbao.batch;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nianbao.ingest.Ingestor;
import nianbao.model.Report;
import nianbao.parse.ReportParser;

/**
 * Makes N realistic reports for the benchmark from the bundled samples: each copy gets another
 * issuing body (a body appears for two consecutive years, made from the same sample, so the
 * cross-report rules compare every pair; the figures carried from one year to the next are not
 * kept, so X-INFORCE and X-CARRY report the pairs where they disagree), a shifted report year, scaled
 * statistics (balanced, with an occasional slip) and one of four layouts (plain text, CRLF with full-width indentation, HTML
 * paragraphs, GB18030-encoded text). Deterministic for a given seed.
 */
public final class Generator {
    private static final Pattern NUMBER = Pattern.compile("(?<![0-9.\\-/:年])([0-9]{1,3})(?![0-9.\\-/:年月日号%])");
    private static final String[] PLACES = {"东", "西", "南", "北", "中", "新", "安", "平", "宁", "兴", "和", "丰", "阳", "山", "河", "林"};
    private static final String[] KINDS = {"县人民政府", "县人民政府办公室", "县教育局", "县卫生健康局", "镇人民政府", "街道办事处", "市自然资源局"};

    private record Base(String text, String agency, int year) {}

    private Generator() {}

    /**
     * A user's batch made of real files: the regular, non-hidden files under {@code from} (sorted) copied
     * round-robin into {@code dir} until there are {@code n}, each named {@code <index>_<original name>}
     * so that every copy keeps its extension and gets its own outputs.
     */
    public static List<Path> replicate(Path from, Path dir, int n) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(from)) {
            files = s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
        if (files.isEmpty()) throw new IOException("no input files in " + from);
        Files.createDirectories(dir);
        List<Path> out = new ArrayList<>(n);
        int width = String.valueOf(Math.max(1, n - 1)).length();
        for (int i = 0; i < n; i++) {
            Path src = files.get(i % files.size());
            Path target = dir.resolve(String.format("%0" + width + "d_%s", i, src.getFileName()));
            Files.copy(src, target);
            out.add(target);
        }
        return out;
    }

    /** Writes {@code n} reports into {@code dir} (created) and returns their paths. */
    public static List<Path> generate(Path samples, Path dir, int n, long seed) throws IOException {
        List<Base> bases = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(samples)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        Ingestor ingestor = new Ingestor();
        ReportParser parser = new ReportParser();
        for (Path f : files) {
            try {
                Report r = parser.parse(ingestor.read(f));
                if (r.agency() != null && r.reportYear() != null) bases.add(new Base(Files.readString(f, StandardCharsets.UTF_8), r.agency(), r.reportYear()));
            } catch (Exception e) {
                // not a usable sample
            }
        }
        if (bases.isEmpty()) throw new IOException(samples + ": 没有可用的样本 / no usable samples (need agency and year)");
        Files.createDirectories(dir);
        Random rnd = new Random(seed);
        List<Path> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int body = i / 2;   // two consecutive years per body, both made from the same sample
            Base b = bases.get(body % bases.size());
            String agency = PLACES[body % PLACES.length] + PLACES[(body / PLACES.length) % PLACES.length] + (body / 256) + KINDS[body % KINDS.length];
            int year = b.year() + i % 2;
            String text = b.text().replace(b.agency(), agency);
            text = shiftYears(text, b.year(), year);
            text = perturb(text, rnd);
            int layout = i % 4;
            String name = String.format("%05d_%s_%d", i, agency, year);
            Path target;
            switch (layout) {
                case 1 -> {
                    target = dir.resolve(name + ".txt");
                    Files.writeString(target, text.replaceAll("(?m)^(?=\\S)", "\u3000\u3000").replace("\n", "\r\n"), StandardCharsets.UTF_8);
                }
                case 2 -> {
                    target = dir.resolve(name + ".html");
                    StringBuilder h = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>")
                            .append(escape(agency)).append("</title></head><body><div class=\"content\">\n");
                    for (String line : text.split("\n")) h.append("<p>").append(escape(line)).append("</p>\n");
                    h.append("</div><div class=\"footer\">版权所有 ").append(escape(agency)).append(" 网站标识码 0000000000</div></body></html>\n");
                    target = write(target, h.toString(), StandardCharsets.UTF_8);
                }
                case 3 -> target = write(dir.resolve(name + ".txt"), text, Charset.forName("GB18030"));
                default -> target = write(dir.resolve(name + ".txt"), text, StandardCharsets.UTF_8);
            }
            out.add(target);
        }
        return out;
    }

    private static Path write(Path p, String text, Charset cs) throws IOException {
        Files.write(p, text.getBytes(cs));
        return p;
    }

    /** The report year and the publication year (the next) move together. */
    private static String shiftYears(String text, int from, int to) {
        if (from == to) return text;
        Matcher m = Pattern.compile("(" + from + "|" + (from + 1) + ")(?=\\s*年)").matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) m.appendReplacement(sb, String.valueOf(Integer.parseInt(m.group(1)) - from + to));
        m.appendTail(sb);
        return sb.toString();
    }

    /**
     * The statistics differ from report to report the way real ones do: every count of the report is
     * multiplied by the same factor (1 to 3), so the tables keep their balance (all balance relations are
     * sums) and the narrative keeps agreeing with them; one report in eight gets a slip, one count off by one,
     * as published reports sometimes do.
     */
    private static String perturb(String text, Random rnd) {
        int factor = 1 + rnd.nextInt(3);
        List<int[]> counts = new ArrayList<>();   // start, end, value
        Matcher m = NUMBER.matcher(text);
        while (m.find()) counts.add(new int[] {m.start(1), m.end(1), Integer.parseInt(m.group(1))});
        int slip = !counts.isEmpty() && rnd.nextInt(8) == 0 ? rnd.nextInt(counts.size()) : -1;
        StringBuilder sb = new StringBuilder(text.length() + 64);
        int at = 0;
        for (int i = 0; i < counts.size(); i++) {
            int[] c = counts.get(i);
            sb.append(text, at, c[0]).append(c[2] * factor + (i == slip ? 1 : 0));
            at = c[1];
        }
        return sb.append(text, at, text.length()).toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
