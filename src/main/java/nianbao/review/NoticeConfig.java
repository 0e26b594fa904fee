package nianbao.review;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Properties;

/**
 * Settings of the 整改通知书 and the 通报: {@code rules/notices.properties} (or {@code --notice-config}),
 * every key optional with a default that makes sense. See the comments in that file.
 */
public final class NoticeConfig {
    private final Properties p;
    private final LocalDate date;

    private NoticeConfig(Properties p, LocalDate date) {
        this.p = p;
        this.date = date;
    }

    public static NoticeConfig defaults() { return new NoticeConfig(new Properties(), LocalDate.now()); }

    /** The file's settings; a missing file gives the defaults. Bad values are a one-line error naming the key. */
    public static NoticeConfig load(Path file) throws IOException {
        Properties p = new Properties();
        if (file == null || !Files.isRegularFile(file)) return new NoticeConfig(p, LocalDate.now());
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new IOException(file + ": 不是UTF-8编码，请另存为UTF-8 / not UTF-8");
        }
        NoticeConfig c = new NoticeConfig(p, LocalDate.now());
        String d = c.get("date", "");
        LocalDate date = LocalDate.now();
        if (!d.isEmpty()) {
            try {
                date = LocalDate.parse(d);
            } catch (DateTimeParseException e) {
                throw new IOException(file + ": date=" + d + " 不是日期（格式 2026-03-15） / is not a date (yyyy-MM-dd)");
            }
        }
        c = new NoticeConfig(p, date);
        for (String key : new String[] {"rectify.days", "bulletin.number", "bulletin.common", "bulletin.best"}) {
            String v = c.get(key, "");
            if (!v.isEmpty() && !v.matches("\\d{1,4}")) {
                throw new IOException(file + ": " + key + "=" + v + " 不是非负整数 / is not a non-negative integer");
            }
        }
        String inc = c.get("notice.include.pending", "");
        if (!inc.isEmpty() && !inc.equalsIgnoreCase("true") && !inc.equalsIgnoreCase("false")) {
            throw new IOException(file + ": notice.include.pending=" + inc + " 只能是 true 或 false / must be true or false");
        }
        return c;
    }

    private String get(String key, String dflt) {
        String v = p.getProperty(key, "").strip();
        return v.isEmpty() ? dflt : v;
    }

    private int num(String key, int dflt) { return Integer.parseInt(get(key, String.valueOf(dflt))); }

    public String office() { return get("office", "政务公开工作主管部门"); }
    public String noticePrefix() { return get("notice.prefix", "政务公开整改"); }
    public String bulletinPrefix() { return get("bulletin.prefix", "政务公开通报"); }
    public int bulletinNumber() { return num("bulletin.number", 1); }
    public String recipients() { return get("bulletin.recipients", "各有关单位"); }
    public int rectifyDays() { return num("rectify.days", 15); }
    public LocalDate date() { return date; }
    public LocalDate deadline() { return date.plusDays(rectifyDays()); }
    public String contact() { return get("contact", ""); }
    public String phone() { return get("phone", ""); }
    public boolean includePending() { return Boolean.parseBoolean(get("notice.include.pending", "false")); }
    public int commonProblems() { return num("bulletin.common", 5); }
    public int bestReports() { return num("bulletin.best", 3); }
    public String titleFont() { return get("font.title", "方正小标宋简体"); }
    public String headingFont() { return get("font.heading", "黑体"); }
    public String bodyFont() { return get("font.body", "仿宋_GB2312"); }
    public String requirements() {
        return get("bulletin.requirements", "各单位要对照本通报和整改通知书，逐项抓好整改，举一反三，切实提高年度报告编制质量。");
    }

    /** What to rectify for a code: rectify.CODE, else rectify.default. */
    public String rectify(String code) {
        return get("rectify." + code, get("rectify.default", "请对照上述依据修改报告相应内容，在原发布位置更正后重新公开。"));
    }

    /** 2026年3月15日 */
    public static String chineseDate(LocalDate d) { return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日"; }
}
