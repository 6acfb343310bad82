package dev.promptarena.report.html;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import dev.promptarena.report.ReportModel;
import dev.promptarena.run.RunDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/**
 * Renders report.html: one self-contained page (inline CSS, JS and SVG, no network) from the
 * template {@code report/report.html.mustache} with JMustache's HTML escaping on. Only three
 * values are inserted unescaped ({@code {{{...}}}}): the stylesheet and script shipped in the jar,
 * and the case JSON, which {@link CaseData#scriptSafe} has already escaped for a script element.
 */
public final class HtmlReport {
    /** The file name inside the run folder. */
    public static final String FILE = "report.html";

    private final Template template;
    private final String css;
    private final String js;
    private final String scriptHash;

    public HtmlReport() {
        // escapeHTML(true) is the default; stated because the page's safety depends on it.
        this.template = Mustache.compiler().escapeHTML(true).nullValue("—").compile(resource("report.html.mustache"));
        this.css = resource("report.css");
        this.js = resource("report.js");
        this.scriptHash = "sha256-" + sha256Base64(js);
    }

    /**
     * The page and what it is rendered from.
     *
     * @param view the view-model
     * @param css  the inline stylesheet
     * @param js   the inline script
     * @param scriptHash CSP source for the script ("sha256-..."): the only script the page may run
     */
    public record Page(HtmlView view, String css, String js, String scriptHash) {}

    /** The page as a string. */
    public String render(ReportModel model) {
        return template.execute(new Page(HtmlView.of(model), css, js, scriptHash));
    }

    /** Writes report.html into the run folder (streamed: the page is never one string) and returns its size in bytes. */
    public long write(RunDirectory dir, ReportModel model) {
        return write(dir, model, dev.promptarena.report.CasePass.of(model));
    }

    /** As above, with the facts of every case the caller already gathered (gathering them is a read of every case). */
    public long write(RunDirectory dir, ReportModel model, dev.promptarena.report.CasePass.Facts facts) {
        Page page = new Page(HtmlView.of(model, facts), css, js, scriptHash);
        dir.writeAtomically(FILE, w -> template.execute(page, w));
        try {
            return Files.size(dir.file(FILE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256Base64(String text) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return java.util.Base64.getEncoder().encodeToString(d);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream("/report/" + name)) {
            if (in == null) throw new IllegalStateException("missing resource /report/" + name + " (broken build)");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
