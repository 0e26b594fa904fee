package nianbao.parse;

import java.util.List;
import java.util.function.Predicate;
import nianbao.ingest.Block;
import nianbao.model.Cell;
import nianbao.model.Format;

/** Finds the statistical tables T2/T3/T4 in a document's blocks and aligns them to the official template. */
public interface TableExtractor {
    /** Extracts nothing: for callers that need the report's text only. */
    TableExtractor NONE = (blocks, format, debris) -> List.of();

    /**
     * @param debris whether a text line (as found) is page furniture and so no cell: the parser passes what it
     *               has already worked out for every line ({@link Debris#isDebrisText} gives the same answer)
     */
    List<Cell> extract(List<Block> blocks, Format format, Predicate<String> debris);

    /**
     * @param year the report year as the parser found it (null when unknown): narrative statements about another
     *             year say nothing about this report's tables
     */
    default List<Cell> extract(List<Block> blocks, Format format, Predicate<String> debris, Integer year) {
        return extract(blocks, format, debris);
    }

    default List<Cell> extract(List<Block> blocks, Format format) {
        return extract(blocks, format, Debris::isDebrisText);
    }
}
