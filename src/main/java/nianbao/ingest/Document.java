package nianbao.ingest;

import java.util.List;

/**
 * What ingest hands to the parser: the blocks of one input file in reading order.
 *
 * @param source  the input path as given
 * @param sha256  hex digest of the input bytes
 * @param kind    the detected content type: "text" or "html" (more with Word/PDF)
 * @param charset the character set the bytes were decoded with
 * @param places  for paged or structured inputs (PDF, Word): source line → human place label
 *                such as "第3页" or "第12段"; empty for text and HTML
 */
public record Document(String source, String sha256, String kind, String charset, List<Block> blocks,
                       java.util.Map<Integer, String> places) {

    public Document(String source, String sha256, String kind, String charset, List<Block> blocks) {
        this(source, sha256, kind, charset, blocks, java.util.Map.of());
    }
}
