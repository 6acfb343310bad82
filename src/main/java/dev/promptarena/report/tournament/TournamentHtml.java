package dev.promptarena.report.tournament;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import dev.promptarena.analysis.TournamentResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The tournament page: one self-contained HTML file (inline CSS and SVG, no script, no network) from
 * {@code report/tournament.html.mustache} with JMustache's HTML escaping on and no unescaped value, so variant and
 * axis names from the config cannot inject markup.
 */
public final class TournamentHtml {
    private final Template template;

    public TournamentHtml() {
        try (InputStream in = TournamentHtml.class.getResourceAsStream("/report/tournament.html.mustache")) {
            if (in == null) throw new IllegalStateException("report/tournament.html.mustache is missing from the jar");
            this.template = Mustache.compiler().escapeHTML(true).nullValue("—").compile(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String render(TournamentResult result) { return template.execute(TournamentPage.of(result)); }

    /** The page of a tournament in progress: titled "Interim — not a decision", {@code note} in place of the decision. */
    public String renderInterim(TournamentResult result, String note) { return template.execute(TournamentPage.of(result).interim(note)); }
}
