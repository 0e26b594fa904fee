package nianbao.model;

/**
 * A top-level section of a report as found in the source.
 *
 * @param id             canonical id: S1..S6 (GB formats) or L1..L6 (legacy)
 * @param heading        the heading exactly as found (evidence)
 * @param normHeading    the heading normalised for matching (NFKC, no spaces)
 * @param line           source line of the heading
 * @param endLine        last source line of the section body
 * @param order          position among the sections found (1-based, document order)
 * @param canonicalIndex position the template requires (1..6)
 * @param text           normalised body text (for keyword rules)
 * @param number         the number the heading carries (二、 → 2, 第二部分 → 2), 0 when it has none
 */
public record Section(String id, String heading, String normHeading, int line, int endLine,
                      int order, int canonicalIndex, String text, int number) {

    public int getBodyLength() { return text.length(); }
}
