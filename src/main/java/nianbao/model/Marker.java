package nianbao.model;

/** A piece of text that identifies a format (formats.md §1), with where it was seen. */
public record Marker(Format format, String text, int line) {}
