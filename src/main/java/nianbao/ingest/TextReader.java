package nianbao.ingest;

import java.util.ArrayList;
import java.util.List;

/** Plain text, Word-to-text and PDF-to-markdown: one block per source line, blank lines kept. */
final class TextReader {
    private TextReader() {}

    static List<Block> blocks(String text) {
        List<Block> out = new ArrayList<>();
        int no = 1, start = 0, n = text.length();
        for (int i = 0; i <= n; i++) {
            boolean end = i == n;
            char c = end ? '\n' : text.charAt(i);
            if (c == '\n' || c == '\r') {
                if (!(end && start == n && n > 0 && out.size() > 0 && start == i)) {
                    out.add(new TextBlock(no, clean(text.substring(start, i))));
                }
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') i++;
                no++;
                start = i + 1;
            }
        }
        return out;
    }

    /** Line count as {@link #blocks} would produce it (CR, LF and CRLF each end a line), without building them. */
    static int countLines(String text) {
        int n = 1;
        for (int i = 0, len = text.length(); i < len; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 >= len || text.charAt(i + 1) != '\n')) n++;
        }
        return n;
    }

    /** NUL and other control characters carry no text; tabs stay (Word-to-text uses them for cells). */
    static String clean(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean drop = c < 0x20 && c != '\t' || c == '\uFEFF';
            if (drop && sb == null) sb = new StringBuilder(s.substring(0, i));
            else if (!drop && sb != null) sb.append(c);
        }
        return sb == null ? s : sb.toString();
    }
}
