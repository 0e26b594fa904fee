package nianbao.model;

/** A line of report text with its source line number: the evidence findings quote and link to. */
public record SourceLine(int no, String text) {}
