package nianbao.ingest;

/**
 * An input that cannot be read as a report. The message is one line, Chinese then English,
 * so that a reviewer and a script both understand it.
 */
public class IngestException extends Exception {
    private final String code;

    public IngestException(String code, String chinese, String english) {
        super(chinese + " / " + english);
        this.code = code;
    }

    public String code() { return code; }
}
