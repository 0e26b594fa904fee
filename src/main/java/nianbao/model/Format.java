package nianbao.model;

/** The report formats of formats.md §1. */
public enum Format {
    LEGACY_2008, GB_2019, GB_2021, UNKNOWN;

    public boolean isGb() {
        return this == GB_2019 || this == GB_2021;
    }

    /** The format a report on {@code year} must use (formats.md §1); UNKNOWN when the year is unknown. */
    public static Format expectedFor(Integer year) {
        if (year == null) return UNKNOWN;
        if (year <= 2018) return LEGACY_2008;
        if (year <= 2020) return GB_2019;
        return GB_2021;
    }

    /** Chronological rank, so rules can say "older than". UNKNOWN ranks lowest. */
    public int generation() {
        return switch (this) {
            case LEGACY_2008 -> 1;
            case GB_2019 -> 2;
            case GB_2021 -> 3;
            case UNKNOWN -> 0;
        };
    }
}
