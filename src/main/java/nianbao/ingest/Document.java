package nianbao.ingest;

import java.util.List;
import java.util.Map;

/**
 * What ingest hands to the parser: the blocks of one input file in reading order.
 *
 * @param source  the input path as given; for one report of a file holding several (a crawler
 *                export with one report per row) the path followed by {@code #r<row>}, e.g. "export.csv#r2"
 * @param sha256  hex digest of the input bytes
 * @param kind    the detected content type: "text", "html", "export" (a CSV/XLSX crawler export) and
 *                the Word/PDF kinds
 * @param charset the character set the bytes were decoded with
 * @param places  for paged or structured inputs (PDF, Word): source line → human place label
 *                such as "第3页" or "第12段"; for text split into paragraphs, the physical line
 *                ("原文第2行"); empty otherwise
 * @param notes   how the input was read, in Chinese, for the reviewer (e.g. where a web page's
 *                report body was found, that long lines were split into paragraphs); may be empty
 * @param title   the report's title as the source states it outright, whatever it says (an export row's
 *                title column); it is also the text of one of the blocks. Null when the title is to be
 *                found in the text
 */
public record Document(String source, String sha256, String kind, String charset, List<Block> blocks,
                       Map<Integer, String> places, List<String> notes, String title) {

    public Document {
        places = places == null ? Map.of() : places;
        notes = notes == null ? List.of() : List.copyOf(notes);
        title = title == null || title.isBlank() ? null : title.strip();
    }

    public Document(String source, String sha256, String kind, String charset, List<Block> blocks,
                    Map<Integer, String> places, List<String> notes) {
        this(source, sha256, kind, charset, blocks, places, notes, null);
    }

    public Document(String source, String sha256, String kind, String charset, List<Block> blocks,
                    Map<Integer, String> places) {
        this(source, sha256, kind, charset, blocks, places, List.of());
    }

    public Document(String source, String sha256, String kind, String charset, List<Block> blocks) {
        this(source, sha256, kind, charset, blocks, Map.of(), List.of());
    }
}
