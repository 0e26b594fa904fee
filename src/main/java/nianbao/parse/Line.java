package nianbao.parse;

/** A source line with its normalised form; {@code debris} lines are page furniture. */
record Line(int no, String text, String norm, boolean debris, boolean tableRow) {
    boolean isContent() { return !debris && !norm.isEmpty(); }
}
