package nianbao.parse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** The section templates of {@code sections.tsv}: canonical headings and the keywords that recognise them. */
public record SectionTemplate(String id, String family, int index, String heading, List<List<String>> keywords) {

    public static final List<SectionTemplate> ALL = load();

    public boolean matches(String normHeading) {
        for (List<String> group : keywords) {
            boolean all = true;
            for (String w : group) if (!normHeading.contains(w)) { all = false; break; }
            if (all) return true;
        }
        return false;
    }

    /**
     * Where the first keyword group that matches ends in {@code title} (after the last of its words, each
     * at its first occurrence), or -1 when no group matches.
     */
    public int keywordEnd(String title) {
        for (List<String> group : keywords) {
            int end = 0;
            for (String w : group) {
                int at = title.indexOf(w);
                if (at < 0) { end = -1; break; }
                end = Math.max(end, at + w.length());
            }
            if (end >= 0) return end;
        }
        return -1;
    }

    /** A distinct bit position per template (its place in the file), for sets of templates. */
    int bit() { return ALL.indexOf(this); }

    public static List<SectionTemplate> family(String family) {
        return ALL.stream().filter(t -> t.family.equals(family)).toList();
    }

    private static List<SectionTemplate> load() {
        List<SectionTemplate> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(SectionTemplate.class.getResourceAsStream("/nianbao/sections.tsv")), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t");
                List<List<String>> kw = Arrays.stream(f[4].split("\\|")).map(g -> List.of(g.split("\\+"))).toList();
                out.add(new SectionTemplate(f[0], f[1], Integer.parseInt(f[2]), f[3], kw));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(out);
    }
}
