package nianbao.batch;

import nianbao.parse.Normalizer;

/** Matching issuing bodies across reports by name. */
public final class Bodies {
    private Bodies() {}

    /** NFKC, no whitespace, no punctuation or brackets: "XX县 人民政府（办公室）" matches "XX县人民政府办公室". */
    public static String normalise(String agency) {
        if (agency == null) return null;
        return Normalizer.norm(agency).replaceAll("[\\p{P}\\p{S}]", "");
    }
}
