package nianbao.report;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nianbao.model.Finding;
import nianbao.model.Section;
import nianbao.model.Severity;
import nianbao.model.SourceLine;
import nianbao.pipeline.AuditResult;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The Chinese HTML audit report (Thymeleaf, template {@code nianbao/templates/report.html}).
 * Offline and printable; all report text goes through th:text, so it is always escaped.
 */
public final class HtmlReport {
    private static final TemplateEngine ENGINE = engine();

    private HtmlReport() {}

    private static TemplateEngine engine() {
        ClassLoaderTemplateResolver r = new ClassLoaderTemplateResolver();
        r.setPrefix("nianbao/templates/");
        r.setSuffix(".html");
        r.setTemplateMode(TemplateMode.HTML);
        r.setCharacterEncoding("UTF-8");
        r.setCacheable(true);
        TemplateEngine e = new TemplateEngine();
        e.setTemplateResolver(r);
        return e;
    }

    /** Findings of one severity, for the grouped list. */
    public record Group(String severity, String label, List<Finding> findings) {}

    public static byte[] bytes(AuditResult a) {
        Context ctx = new Context();
        ctx.setVariable("a", a);
        ctx.setVariable("r", a.report());
        if (a.report() != null) {
            List<Group> groups = new ArrayList<>();
            for (Severity s : Severity.values()) {
                List<Finding> fs = a.findings().stream().filter(f -> f.severity() == s).toList();
                if (!fs.isEmpty()) groups.add(new Group(s.id(), s.chinese(), fs));
            }
            ctx.setVariable("groups", groups);
            Map<String, Long> counts = new LinkedHashMap<>();
            for (Severity s : Severity.values()) counts.put(s.chinese(), a.findings().stream().filter(f -> f.severity() == s).count());
            ctx.setVariable("counts", counts);
            Set<Integer> flagged = new HashSet<>();
            for (Finding f : a.findings()) if (f.location().line() != null) flagged.add(f.location().line());
            ctx.setVariable("flagged", flagged);
            Map<Integer, String> sectionAt = new HashMap<>();
            for (Section s : a.report().sections()) sectionAt.put(s.line(), s.id());
            ctx.setVariable("sectionAt", sectionAt);
            List<SourceLine> lines = a.report().lines();
            ctx.setVariable("lines", lines);
            ctx.setVariable("tables", nianbao.parse.tables.TableGrid.of(a.report(), a.findings()));
        }
        return ENGINE.process("report", ctx).getBytes(StandardCharsets.UTF_8);
    }
}
