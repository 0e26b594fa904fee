package nianbao.model;

/** Blank is not zero, and zero is not unreadable: the three are kept apart. */
public enum CellStatus { NUMBER, BLANK, UNREADABLE }
