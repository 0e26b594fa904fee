package nianbao.review;

import java.util.Locale;

/** A reviewer's verdict on a finding: the drop-down values of 审核结论 and the JSON values of decision.verdict. */
public enum Verdict {
    CONFIRMED("确认"), DISMISSED("驳回"), PENDING("待定");

    private final String chinese;

    Verdict(String chinese) { this.chinese = chinese; }

    public String chinese() { return chinese; }

    public String id() { return name().toLowerCase(Locale.ROOT); }

    /** 确认 / 驳回 / 待定, or the English ids; null when the text is none of them. */
    public static Verdict parse(String s) {
        String t = s == null ? "" : s.strip();
        for (Verdict v : values()) if (v.chinese.equals(t) || v.id().equalsIgnoreCase(t)) return v;
        return null;
    }
}
