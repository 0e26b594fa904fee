package nianbao.parse.tables;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import nianbao.model.Cell;

/**
 * Hand-checked expected cells, one per line: table, row, col, value (or BLANK / UNREADABLE), source line.
 * Lines starting with # are comments.
 */
final class ExpectedCells {
    private ExpectedCells() {}

    static String line(Cell c) {
        String v = switch (c.status()) {
            case NUMBER -> c.value().stripTrailingZeros().toPlainString() + (c.inferred() ? "~" : "");
            case BLANK -> "BLANK";
            case UNREADABLE -> "UNREADABLE";
        };
        return c.table() + "\t" + c.row() + "\t" + c.col() + "\t" + v + "\t" + c.line();
    }

    static List<String> load(String resource) throws IOException {
        try (InputStream in = ExpectedCells.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IOException("missing " + resource);
            List<String> out = new ArrayList<>();
            for (String l : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (l.isBlank() || l.startsWith("#")) continue;
                out.add(l.strip());
            }
            return out;
        }
    }
}
