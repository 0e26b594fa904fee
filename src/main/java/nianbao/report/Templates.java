package nianbao.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.IContext;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** The one Thymeleaf engine, for the batch summary page and the rule catalogue (templates under {@code nianbao/templates/}). */
public final class Templates {
    public static final TemplateEngine ENGINE = engine();

    private Templates() {}

    /**
     * The page as UTF-8 bytes, encoded while it is written into a buffer of about {@code expectedBytes} (a report
     * page is tens of kilobytes: rendering to a String first grew and copied its buffer a dozen times, then copied
     * it once more to encode it).
     */
    public static byte[] render(String template, IContext context, int expectedBytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(expectedBytes, 1024));
        try (Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            ENGINE.process(template, context, w);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte buffer does not fail
        }
        return out.toByteArray();
    }

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
}
