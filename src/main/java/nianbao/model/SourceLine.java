package nianbao.model;

/**
 * A line of report text with its source line number: the evidence findings quote and link to.
 * {@code place} says where the line is in a paged or structured source ("第3页", "第12段", "表2")
 * and is null for plain text and HTML, where the line number says it all. {@code norm} is the text
 * as matched (NFKC, whitespace removed, look-alike punctuation unified: see parse.Normalizer), worked
 * out once so that rules searching every line do not normalise it again.
 */
public record SourceLine(int no, String text, String place, String norm) {}
