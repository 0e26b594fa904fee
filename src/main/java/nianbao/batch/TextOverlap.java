package nianbao.batch;

import java.util.List;
import java.util.function.Supplier;

/**
 * A candidate pair for 内容雷同: passages of report {@code a} found word for word in report
 * {@code b} (template text shared by many bodies left out). Whether the overlap is "large" is
 * decided by the rules, not here. For the same body, {@code a} is the later year.
 *
 * @param ratio    shared passage characters over the passage characters of the shorter report
 * @param passages number of shared passages
 */
public final class TextOverlap {
    private final ReportFacts a, b;
    private final double ratio;
    private final int passages, sharedChars;
    private final Supplier<List<String>> quoter;
    private List<String> quotes;

    public TextOverlap(ReportFacts a, ReportFacts b, double ratio, int passages, int sharedChars, Supplier<List<String>> quoter) {
        this.a = a;
        this.b = b;
        this.ratio = ratio;
        this.passages = passages;
        this.sharedChars = sharedChars;
        this.quoter = quoter;
    }

    public ReportFacts getA() { return a; }

    public ReportFacts getB() { return b; }

    public double getRatio() { return ratio; }

    public int getPercent() { return (int) Math.round(ratio * 100); }

    public int getPassages() { return passages; }

    public int getSharedChars() { return sharedChars; }

    /** The longest shared passages as found in report a; read from the source on first use only. */
    public synchronized List<String> getQuotes() {
        if (quotes == null) quotes = List.copyOf(quoter.get());
        return quotes;
    }

    /** The quotes as one evidence string: 「…」「…」. */
    public String getQuoted() {
        StringBuilder sb = new StringBuilder();
        for (String q : getQuotes()) sb.append('「').append(q).append('」');
        return sb.toString();
    }

    @Override
    public String toString() {
        return "TextOverlap[" + a.source() + " ~ " + b.source() + ", " + getPercent() + "%, " + passages + "]";
    }
}
