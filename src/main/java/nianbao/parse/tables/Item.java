package nianbao.parse.tables;

/**
 * One cell-sized piece of a table region in reading order, whatever the layout: a label (TEXT),
 * a value candidate (VALUE: a number, a digit run or a placeholder such as "无"), or an empty cell (BLANK).
 */
record Item(Kind kind, String raw, String norm, int line) {
    enum Kind { TEXT, VALUE, BLANK }

    boolean isText() { return kind == Kind.TEXT; }
}
