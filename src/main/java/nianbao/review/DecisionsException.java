package nianbao.review;

/** A decisions workbook that cannot be used; the message is one line, Chinese / English, naming the file and the problem. */
public final class DecisionsException extends Exception {
    public DecisionsException(String message) { super(message); }
}
