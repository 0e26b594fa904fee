package nianbao.parse;

/**
 * A source line: {@code matched} is its whole text normalised ({@link Normalizer#norm}), {@code norm}
 * the same without debris (web-page furniture stripped from its ends); {@code debris} lines are page
 * furniture.
 */
record Line(int no, String text, String matched, String norm, boolean debris, boolean tableRow) {
    boolean isContent() { return !debris && !norm.isEmpty(); }
}
