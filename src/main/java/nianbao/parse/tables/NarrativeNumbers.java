package nianbao.parse.tables;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nianbao.model.SourceLine;
import nianbao.model.Statement;

/**
 * Counts stated in the narrative ("共收到政府信息公开申请37件，其中自然人申请33件"), as facts. Which phrase
 * restates which table cell is the rules' business (rules/numbers.drl); this only finds the numbers, the
 * words before them, and which number a "其中" breaks down.
 */
public final class NarrativeNumbers {
    private NarrativeNumbers() {}

    private static final Pattern COUNT = Pattern.compile("(约|近|超过)?(\\d+(?:\\.\\d+)?)(余|多)?(人次|件|条|项|次|个|起|家)");
    private static final String SENTENCE_END = "。;!?", CLAUSE_END = ",、:";

    public static List<Statement> of(List<SourceLine> lines) {
        List<Statement> out = new ArrayList<>();
        int sentence = 0;
        for (SourceLine l : lines) {
            String raw = l.text();
            if (raw.indexOf('|') >= 0 || raw.startsWith("\t")) continue; // table rows, not narrative
            String n = l.norm();
            if (n.length() < 8) continue;
            for (String s : split(n, SENTENCE_END, true)) {
                if (s.isEmpty()) continue;
                boolean continues = s.startsWith("其中") && !out.isEmpty() && out.get(out.size() - 1).line() == l.no();
                if (!continues) sentence++;
                sentence(s, sentence, l.no(), out, continues);
            }
        }
        return out;
    }

    private static void sentence(String s, int id, int line, List<Statement> out, boolean continues) {
        int qizhong = 0; // how many 其中 seen in this sentence
        int firstOfSentence = out.size();
        if (continues) {
            // "…8532条。其中：…" — the breakdown belongs to the sentence before.
            for (int i = out.size() - 1; i >= 0 && out.get(i).sentence() == id; i--) firstOfSentence = i;
        }
        for (String clause : split(s, CLAUSE_END, false)) {
            if (clause.contains("其中")) {
                qizhong++;
                if (qizhong == 1) {
                    // the last number before the first 其中 is the total it breaks down
                    for (int i = out.size() - 1; i >= firstOfSentence; i--) {
                        Statement t = out.get(i);
                        if (t.sentence() == id) {
                            out.set(i, new Statement(t.line(), t.sentence(), t.phrase(), t.sentenceText(), t.value(), t.counter(),
                                    t.approximate(), "total", t.evidence()));
                            break;
                        }
                    }
                }
            }
            if (!Tokens.hasDigit(clause)) continue;
            Matcher m = COUNT.matcher(clause);
            int from = 0;
            while (m.find()) {
                String phrase = clause.substring(from, m.start());
                String role = qizhong == 1 ? "part" : "";
                out.add(new Statement(line, id, phrase, s, new BigDecimal(m.group(2)), m.group(4),
                        m.group(1) != null || m.group(3) != null, role, clause));
                from = m.end();
            }
        }
    }

    /** Pieces of {@code s} cut at any of {@code ends}, which stay at the end of their piece when {@code keep}. */
    private static List<String> split(String s, String ends, boolean keep) {
        List<String> out = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            if (ends.indexOf(s.charAt(i)) < 0) continue;
            out.add(s.substring(from, keep ? i + 1 : i));
            from = i + 1;
        }
        if (from < s.length()) out.add(s.substring(from));
        return out;
    }
}
