package nianbao.ingest;

/** One line of text as found (not normalised), with its source line. */
public record TextBlock(int line, String text) implements Block {}
