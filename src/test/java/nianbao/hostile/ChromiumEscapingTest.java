package nianbao.hostile;

import nianbao.CliRun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import nianbao.TestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the HTML audit reports of script-bearing inputs in headless Chromium and checks, in the
 * DOM Chromium built, that no injected script ran (it would have set {@code data-pwned} on the
 * root element) and that nothing was fetched from the local listener the payloads point at.
 * A control page with the same payloads unescaped and without a CSP proves both detectors work.
 * Skipped, with a message, where /usr/bin/chromium is absent.
 */
class ChromiumEscapingTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Pattern PWNED = Pattern.compile(HostileCorpus.PWN_ATTR + "=\"");

    @TempDir
    static Path root;
    static LocalListener listener;

    @BeforeAll
    static void start() throws IOException {
        listener = new LocalListener();
    }

    @AfterAll
    static void stop() throws IOException {
        listener.close();
    }

    /**
     * Runs without a browser: the page nianbao writes (report/PageMarkup.java) is the one its reference template
     * renders (PageMarkupTest compares them on hostile text), and that template never writes unescaped text and
     * keeps its CSP; so does the page written for a report.
     */
    @Test
    void templateUsesOnlyEscapingAttributesAndKeepsItsPolicy() throws IOException {
        String template;
        try (var in = ChromiumEscapingTest.class.getResourceAsStream("/nianbao/templates/report-reference.html")) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(template).doesNotContain("th:utext", "[(", "[[", "th:inline");
        String page = new String(nianbao.report.HtmlReport.bytes(nianbao.TestSupport.audit("000")), StandardCharsets.UTF_8);
        for (String html : new String[] {template, page}) {
            assertThat(html).contains("http-equiv=\"Content-Security-Policy\"", "default-src 'none'");
            assertThat(html.replaceAll("(?s)<meta http-equiv=\"Content-Security-Policy\"[^>]*>", "")).doesNotContain("<script");
        }
    }

    @Test
    void injectedScriptsDoNotRunAndNothingIsFetched() throws Exception {
        try {
            check();
        } finally {
            System.out.println("requests seen by the listener: " + listener.requests());
        }
    }

    private void check() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM),
                "Chromium not installed at /usr/bin/chromium: headless-browser escaping test skipped (apt-get install chromium)");
        Path in = root.resolve("in"), out = root.resolve("out");
        Files.createDirectories(in);
        String report = TestSupport.text("002");
        Path txt = Files.writeString(in.resolve("script-report.txt"), HostileCorpus.scriptReport(report, listener.port()));
        Path html = Files.writeString(in.resolve("script-report.html"), HostileCorpus.scriptHtml(report, listener.port()));
        CliRun.Result r = CliRun.run("audit", "--no-cache", "-o", out.toString(), txt.toString(), html.toString());
        assertThat(r.code()).as(r.err()).isZero();

        for (String stem : List.of("script-report", "script-report-2")) {
            Path page = out.resolve(stem + ".html");
            String source = Files.readString(page, StandardCharsets.UTF_8);
            assertThat(source).contains("Content-Security-Policy", "default-src 'none'").contains("&lt;script&gt;");
            String dom = dumpDom(page);
            assertThat(dom).as(stem + " rendered").contains("年报审核报告", "繁峙县人民政府办公室");
            assertThat(PWNED.matcher(dom).find()).as(stem + ": an injected script ran").isFalse();
            assertThat(dom).as(stem + ": report text became markup").doesNotContain("<img", "<iframe", "<svg", "<link rel=\"stylesheet\" href=\"http");
            assertThat(dom).as("template syntax stays literal").contains("[[${7*7}]]", "{{7*7}}");
        }
        // Not even a TCP connection while the real audit reports were open.
        assertThat(listener.connections()).as("connections while the audit reports were open").isZero();

        // Defence in depth: even if escaping failed, the page's CSP stops the scripts and every request.
        // (Chromium's preload scanner may still open an idle socket to a host it sees in markup; the
        // CSP stops the request itself, which is what is checked here.)
        for (String stem : List.of("script-report", "script-report-2")) {
            String source = Files.readString(out.resolve(stem + ".html"), StandardCharsets.UTF_8);
            Path broken = root.resolve(stem + "-unescaped.html");
            Files.writeString(broken, source.replaceFirst("<body>", "<body>" + java.util.regex.Matcher.quoteReplacement(
                    HostileCorpus.payloads(listener.port(), stem))), StandardCharsets.UTF_8);
            String brokenDom = dumpDom(broken);
            assertThat(brokenDom).contains("<script>document.documentElement");
            assertThat(PWNED.matcher(brokenDom).find()).as(stem + ": CSP let an inline script run").isFalse();
            assertThat(listener.requests(stem)).as(stem + ": CSP let a request through").isEmpty();
        }
        assertThat(listener.requests().stream().filter(l -> !l.isEmpty())).as("HTTP requests before the control page").isEmpty();

        // Control, run last so that its traffic cannot be mistaken for the pages': the same payloads, unescaped and without a CSP, do run and do call out.
        Path control = Files.writeString(root.resolve("control.html"),
                "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>" + HostileCorpus.payloads(listener.port(), "control") + "</body></html>");
        String controlDom = dumpDom(control);
        assertThat(PWNED.matcher(controlDom).find()).as("control page: the detector sees a script that ran").isTrue();
        assertThat(listener.requests("control")).as("control page: the listener sees a request").isNotEmpty();

    }

    private static String dumpDom(Path page) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(root, "profile");
        Path dom = root.resolve("dom-" + System.nanoTime() + ".html"), log = root.resolve("chromium-" + System.nanoTime() + ".log");
        Process p = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-default-apps", "--disable-extensions", "--user-data-dir=" + profile,
                "--virtual-time-budget=3000", "--dump-dom", page.toUri().toString())
                .redirectOutput(dom.toFile()).redirectError(log.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish: " + Files.readString(log));
        }
        String out = Files.readString(dom, StandardCharsets.UTF_8);
        assertThat(out).as("chromium produced a DOM; stderr: " + Files.readString(log)).contains("<html");
        return out;
    }
}
