package nianbao.ingest;

/** Cheap structural checks on ZIP bytes before a library parses them. */
final class Zips {
    private Zips() {}

    /**
     * True when the end-of-central-directory record is present. A truncated download loses it,
     * while a streaming ZIP reader would still return the entries before the cut.
     */
    static boolean complete(byte[] b) {
        int stop = Math.max(0, b.length - 22 - 65535);
        for (int i = b.length - 22; i >= stop; i--) {
            if (b[i] == 'P' && b[i + 1] == 'K' && b[i + 2] == 5 && b[i + 3] == 6) return true;
        }
        return false;
    }

    /** True when the bytes contain {@code name} (ZIP entry names are stored uncompressed). */
    static boolean mentions(byte[] b, String name) {
        byte[] n = name.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + n.length <= b.length; i++) {
            for (int k = 0; k < n.length; k++) if (b[i + k] != n[k]) continue outer;
            return true;
        }
        return false;
    }
}
