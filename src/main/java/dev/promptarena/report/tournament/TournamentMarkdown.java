package dev.promptarena.report.tournament;

import dev.promptarena.analysis.TournamentResult;
import dev.promptarena.decision.TournamentGate.CandidateDecision;
import dev.promptarena.report.Fmt;
import dev.promptarena.report.markdown.MarkdownText;
import dev.promptarena.stats.tournament.VariantScore;
import java.util.List;
import java.util.Locale;

/** The Markdown summary of a tournament (for a PR comment): the gate's decision, the ranking, the gate table. */
public final class TournamentMarkdown {
    private TournamentMarkdown() {}

    public static String summary(TournamentResult r) {
        StringBuilder sb = new StringBuilder();
        var d = r.decision();
        sb.append("## prompt-arena tournament: ").append(d.outcome())
                .append(d.best() == null ? " (no candidate passes)" : " (best passing candidate: " + name(d.best()) + ")").append("\n\n");
        if (r.ranking() == null) sb.append(MarkdownText.escape(r.rankingProblem())).append(".\n");
        else ranking(r, sb);
        sb.append("\nGate (each candidate vs the control, Holm across candidates; primary):\n\n");
        sb.append("| candidate | decision | win rate | interval | Holm level |\n|---|---|---|---|---|\n");
        for (CandidateDecision c : d.candidates()) {
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %.4g |%n", name(c.name()), c.decision().outcome(),
                    Fmt.pct(c.decision().winRate()), Fmt.pctInterval(c.decision().interval()), c.alpha()));
        }
        List<TournamentTables.AdaptiveRow> adaptive = TournamentTables.adaptive(r);
        if (!adaptive.isEmpty()) {
            sb.append("\nAdaptive stage (extra judgings of the candidate pairs the first pass left least certain; exploratory,"
                    + " not used by the ranking or the gate):\n\n| pair | cases | win rate of the second | interval |\n|---|---|---|---|\n");
            for (TournamentTables.AdaptiveRow a : adaptive) {
                sb.append(String.format(Locale.ROOT, "| %s vs %s | %d | %s | %s |%n", name(a.a()), name(a.b()), a.cases(), a.winRate(), a.interval()));
            }
        }
        return sb.toString();
    }

    /**
     * The summary of a tournament in progress: marked "Interim — not a decision" with {@code note}, the ranking so far and
     * each candidate's win rate against the control, but no PASS, FAIL or INCONCLUSIVE.
     */
    public static String interim(TournamentResult r, String note) {
        StringBuilder sb = new StringBuilder("## prompt-arena tournament: ").append(TournamentPage.INTERIM).append("\n\n")
                .append("> ").append(MarkdownText.escape(note)).append("\n\n");
        if (r.ranking() == null) sb.append(MarkdownText.escape(r.rankingProblem())).append(".\n");
        else ranking(r, sb);
        sb.append("\nEach candidate vs the control so far (primary; decided only when the run has finished):\n\n");
        sb.append("| candidate | win rate | interval |\n|---|---|---|\n");
        for (CandidateDecision c : r.decision().candidates()) {
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s |%n", name(c.name()), Fmt.pct(c.decision().winRate()), Fmt.pctInterval(c.decision().interval())));
        }
        return sb.toString();
    }

    private static void ranking(TournamentResult r, StringBuilder sb) {
        sb.append("Ranking (Bradley–Terry score vs the control, ").append(String.format(Locale.ROOT, "%.0f%%", 100 * (1 - r.ranking().alpha())))
                .append(" case-bootstrap interval; exploratory):\n\n");
        sb.append("| # | variant | score | interval | P(best) | rank range |\n|---|---|---|---|---|---|\n");
        List<VariantScore> sorted = TournamentTables.sorted(r);
        for (int i = 0; i < sorted.size(); i++) {
            VariantScore v = sorted.get(i);
            sb.append(String.format(Locale.ROOT, "| %d | %s%s | %s | %s | %s | %d–%d |%n", i + 1, name(r.variants().get(v.variant())),
                    v.variant() == 0 ? " (control)" : "", Fmt.signed(v.score(), 2), Fmt.interval(v.interval(), 2),
                    Fmt.pct(v.bestShare()), v.rankBest(), v.rankWorst()));
        }
    }

    private static String name(String s) { return MarkdownText.escape(s, 80); }
}
