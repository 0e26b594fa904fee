package nianbao.ingest;

/**
 * A cell of a table grid. A cell spanning several rows or columns appears in each grid slot it
 * covers; {@code origin} is false on the copies so that a value is never counted twice.
 */
public record GridCell(String text, int line, boolean origin) {}
