package nianbao.batch;

import nianbao.parse.Normalizer;

/** Matching issuing bodies across reports by name. */
public final class Bodies {
    private static final java.util.regex.Pattern PUNCT = java.util.regex.Pattern.compile("[\\p{P}\\p{S}]");

    private Bodies() {}

    /** NFKC, no whitespace, no punctuation or brackets: "XX县 人民政府（办公室）" matches "XX县人民政府办公室". */
    public static String normalise(String agency) {
        if (agency == null) return null;
        return PUNCT.matcher(Normalizer.norm(agency)).replaceAll("");
    }
}
