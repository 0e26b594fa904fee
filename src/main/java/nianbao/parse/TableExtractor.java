package nianbao.parse;

import java.util.List;
import nianbao.ingest.Block;
import nianbao.model.Cell;
import nianbao.model.Format;

/** Finds the statistical tables T2/T3/T4 in a document's blocks and aligns them to the official template. */
public interface TableExtractor {
    /** Extracts nothing: for callers that need the report's text only. */
    TableExtractor NONE = (blocks, format) -> List.of();

    List<Cell> extract(List<Block> blocks, Format format);
}
