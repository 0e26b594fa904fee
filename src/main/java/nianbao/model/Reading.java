package nianbao.model;

/**
 * How a table cell was read, before any rule may accuse a report on it: DIRECT as printed (one cell,
 * one value), INFERRED from a run of digits that only one reading splits so that the table's relations
 * hold, UNREADABLE when the source does not settle the value (several readings survive, or the cell's
 * place is unknown). BAL-* and TXT-NUMBERS use DIRECT and INFERRED cells only.
 */
public enum Reading { DIRECT, INFERRED, UNREADABLE }
