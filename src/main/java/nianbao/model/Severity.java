package nianbao.model;

import java.util.Locale;

public enum Severity {
    CRITICAL("严重"), MAJOR("重要"), MINOR("一般"), INFO("提示");

    private final String chinese;

    Severity(String chinese) { this.chinese = chinese; }

    public String chinese() { return chinese; }

    public String id() { return name().toLowerCase(Locale.ROOT); }

    public static Severity parse(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
}
