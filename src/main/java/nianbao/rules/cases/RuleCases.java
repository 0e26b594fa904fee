package nianbao.rules.cases;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the case files kept beside the rules ({@code rules/tests/*.case}, UTF-8):
 * <pre>
 * # comment
 * name: 删除第六部分后报告 SEC-MISSING
 * base: 002_dfcf094cd729cac8.txt
 * replace: 六、其他需要报告的事项 =>
 * expect: SEC-MISSING
 * expect-not: DL-LATE
 * ---
 * (inline report text, used when there is no base)
 * </pre>
 * A format error never aborts the run: it becomes a problem of that case, which then fails.
 */
public final class RuleCases {
    private RuleCases() {}

    public static Path folder(Path rulesDir) {
        return rulesDir.resolve("tests");
    }

    /** Every {@code *.case} under {@code rules/tests}, sorted by path; empty when the folder does not exist. */
    public static List<RuleCase> load(Path rulesDir) throws IOException {
        Path dir = folder(rulesDir);
        if (!Files.isDirectory(dir)) return List.of();
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(".case")).sorted().toList();
        }
        List<RuleCase> out = new ArrayList<>();
        for (Path f : files) out.add(read(f, rulesDir.relativize(f).toString().replace('\\', '/')));
        return out;
    }

    static RuleCase read(Path file, String label) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String content;
        try {
            content = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new RuleCase(label, null, null, List.of(), List.of(), List.of(), "",
                    List.of("用例文件不是UTF-8编码，请另存为UTF-8 / case file is not UTF-8"));
        }
        return parse(content, label);
    }

    public static RuleCase parse(String content, String label) {
        if (content.startsWith("\uFEFF")) content = content.substring(1);
        String name = null, base = null;
        List<RuleCase.Replace> replaces = new ArrayList<>();
        List<String> expect = new ArrayList<>(), expectNot = new ArrayList<>(), problems = new ArrayList<>();
        String[] lines = content.split("\r?\n", -1);
        int i = 0;
        for (; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.equals("---")) {
                i++;
                break;
            }
            if (line.isEmpty() || line.startsWith("#")) continue;
            int colon = firstColon(line);
            if (colon < 0) {
                problems.add("第" + (i + 1) + "行：应为“键: 值” / line " + (i + 1) + ": expected 'key: value': " + line);
                continue;
            }
            String key = line.substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT);
            // "  # ..." after a value is a comment (the format's own examples are annotated that way).
            String value = line.substring(colon + 1).replaceFirst("\\s{2,}#.*$", "").strip();
            switch (key) {
                case "name" -> name = value;
                case "base" -> base = value.replaceFirst("\\s+#.*$", "");
                case "replace" -> {
                    int arrow = value.indexOf("=>");
                    if (arrow < 0) {
                        problems.add("第" + (i + 1) + "行：replace 缺少 => / line " + (i + 1) + ": replace needs 'old => new'");
                    } else {
                        String from = unescape(value.substring(0, arrow).strip()), to = unescape(value.substring(arrow + 2).strip());
                        if (from.isEmpty()) problems.add("第" + (i + 1) + "行：replace 左边为空 / line " + (i + 1) + ": empty left side");
                        else replaces.add(new RuleCase.Replace(from, to));
                    }
                }
                case "expect" -> expect.addAll(codes(value));
                case "expect-not" -> expectNot.addAll(codes(value));
                default -> problems.add("第" + (i + 1) + "行：未知的键“" + key + "” / line " + (i + 1) + ": unknown key '" + key + "'");
            }
        }
        StringBuilder text = new StringBuilder();
        for (; i < lines.length; i++) text.append(lines[i]).append('\n');
        String inline = text.toString().strip().isEmpty() ? "" : text.toString().replaceFirst("\\s+$", "") + "\n";
        if (base == null && inline.isEmpty()) problems.add("既没有 base 也没有正文 / neither base nor inline text");
        if (base != null && !inline.isEmpty()) problems.add("同时有 base 和正文，只能二选一 / both base and inline text");
        if (expect.isEmpty() && expectNot.isEmpty()) problems.add("没有 expect 或 expect-not / no expectations");
        for (String c : expect) {
            if (expectNot.contains(c)) problems.add(c + " 同时出现在 expect 和 expect-not 中 / both expected and not expected");
        }
        return new RuleCase(label, name, base, List.copyOf(replaces), List.copyOf(expect), List.copyOf(expectNot), inline,
                List.copyOf(problems));
    }

    private static int firstColon(String line) {
        int a = line.indexOf(':'), b = line.indexOf('：');
        if (a < 0) return b;
        if (b < 0) return a;
        return Math.min(a, b);
    }

    private static List<String> codes(String value) {
        List<String> out = new ArrayList<>();
        for (String c : value.replaceFirst("\\s+#.*$", "").split("[,，\\s]+")) if (!c.isBlank()) out.add(c.strip());
        return out;
    }

    /** "\n" in a replacement stands for a line break, so a case can remove or add whole lines. */
    private static String unescape(String s) {
        return s.replace("\\n", "\n");
    }
}
