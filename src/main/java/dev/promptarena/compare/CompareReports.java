package dev.promptarena.compare;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import dev.promptarena.input.InputException;
import dev.promptarena.report.markdown.MarkdownText;
import dev.promptarena.util.TerminalText;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes compare.json, compare.md and compare.html; every cell is escaped for its format. */
public final class CompareReports {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CompareReports() {}

    /** Writes the three files into {@code dir} (created if needed) and returns their paths. */
    public static List<Path> write(Comparison c, Path dir) {
        try {
            Files.createDirectories(dir);
            Path json = dir.resolve("compare.json"), md = dir.resolve("compare.md"), html = dir.resolve("compare.html");
            Files.writeString(json, JSON.writeValueAsString(c) + "\n", StandardCharsets.UTF_8);
            Files.writeString(md, markdown(c), StandardCharsets.UTF_8);
            Files.writeString(html, html(c), StandardCharsets.UTF_8);
            return List.of(json, md, html);
        } catch (IOException e) {
            throw new InputException(dir, "cannot write the comparison: " + dev.promptarena.util.IoReason.of(e));
        }
    }

    static String markdown(Comparison c) {
        StringBuilder sb = new StringBuilder();
        sb.append("## ").append(MarkdownText.escape(c.arena())).append(": run 1 ").append(MarkdownText.escape(c.first()))
                .append(" → run 2 ").append(MarkdownText.escape(c.second())).append("\n\n");
        for (String r : c.reasons()) sb.append("**").append(MarkdownText.escape(r)).append("**\n\n");
        for (CompareTables.Table t : CompareTables.of(c)) {
            sb.append("### ").append(MarkdownText.escape(t.title())).append("\n\n");
            if (!t.note().isEmpty()) sb.append(MarkdownText.escape(t.note())).append("\n\n");
            if (t.rows().isEmpty()) continue;
            sb.append(row(t.headers())).append("|").append(" --- |".repeat(t.headers().size())).append('\n');
            t.rows().forEach(r -> sb.append(row(r)));
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String row(List<String> cells) {
        StringBuilder sb = new StringBuilder("|");
        cells.forEach(c -> sb.append(' ').append(MarkdownText.escape(c, 300)).append(" |"));
        return sb.append('\n').toString();
    }

    static String html(Comparison c) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("arena", c.arena());
        model.put("first", c.first());
        model.put("second", c.second());
        model.put("ok", c.comparableAndNoRegression());
        model.put("reasons", c.reasons());
        model.put("level", String.format(Locale.ROOT, "%.0f%%", 100 * (1 - c.alpha())));
        List<Map<String, Object>> tables = new ArrayList<>();
        for (CompareTables.Table t : CompareTables.of(c)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("title", t.title());
            m.put("note", t.note().isEmpty() ? null : t.note());
            m.put("headers", t.headers());
            m.put("hasRows", !t.rows().isEmpty());
            m.put("rows", t.rows().stream().map(r -> Map.of("cells", r)).toList());
            tables.add(m);
        }
        model.put("tables", tables);
        return template().execute(model);
    }

    private static Template template() {
        try (InputStream in = CompareReports.class.getResourceAsStream("/compare/compare.html.mustache")) {
            // escapeHTML(true): every value, case ids included, is text, never markup. Escaping leaves ESC and the bidi
            // controls in place (a case id's terminal sequence replayed on `cat compare.html`): the formatter removes them.
            return Mustache.compiler().escapeHTML(true).nullValue("").withFormatter(value -> TerminalText.plain(String.valueOf(value))).compile(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
