package nianbao.model;

/** One rule violation, carrying the metadata of the rule that found it. */
public record Finding(String code, String title, Severity severity, String category, String message,
                      int points, String basis, Location location, String evidence) {}
