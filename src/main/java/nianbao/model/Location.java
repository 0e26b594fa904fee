package nianbao.model;

/** Where a finding points: any of section, table cell and source line may be known. */
public record Location(String section, String table, String row, String col, Integer line) {

    public static Location none() { return new Location(null, null, null, null, null); }

    public static Location line(int line) { return new Location(null, null, null, null, line > 0 ? line : null); }

    public static Location section(String section, int line) {
        return new Location(section, null, null, null, line > 0 ? line : null);
    }

    public static Location cell(String table, String row, String col, int line) {
        return new Location(null, table, row, col, line > 0 ? line : null);
    }
}
