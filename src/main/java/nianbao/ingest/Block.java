package nianbao.ingest;

/** A piece of an ingested document in reading order: a line of text or a table grid. */
public sealed interface Block permits TextBlock, TableBlock {
    /** 1-based source line where the block starts. */
    int line();
}
