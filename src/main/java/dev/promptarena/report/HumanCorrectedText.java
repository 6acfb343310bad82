package dev.promptarena.report;

import dev.promptarena.stats.CorrectedWinRate;
import dev.promptarena.stats.MeanEstimate;
import dev.promptarena.util.TerminalText;
import java.io.PrintStream;
import java.util.Locale;

/** The three win-rate estimates of {@code report --labels}, for the terminal and the Markdown summary. */
public final class HumanCorrectedText {
    private HumanCorrectedText() {}

    /** Terminal lines; nothing when there are no labels. */
    public static void print(CorrectedWinRate w, LabelsProvenance source, PrintStream out) {
        if (w == null) return;
        out.printf(Locale.ROOT, "  with %d human labels of %d cases (%s):%n", w.labels(), w.cases(), design(w));
        line("judge only", w.judgeOnly(), out);
        line("human only", w.humanOnly(), out);
        line("human-corrected", w.corrected(), out);
        out.printf(Locale.ROOT, "    judge weight %.2f; worth %s human labels alone%n", w.lambda(), effective(w));
        if (source != null) out.println("    " + TerminalText.plain(source.describe()));
    }

    /** A Markdown section; "" when there are no labels. */
    /** @param sourceLine the labels' provenance, already escaped for Markdown by the caller; null for none */
    public static String markdown(CorrectedWinRate w, String sourceLine) {
        if (w == null) return "";
        StringBuilder s = new StringBuilder("### Human labels (prediction-powered)\n\n")
                .append(String.format(Locale.ROOT, "%d labelled of %d judged cases (%s); judge weight λ = %.2f; the corrected estimate is worth %s human labels alone.%n%n",
                        w.labels(), w.cases(), design(w), w.lambda(), effective(w)))
                .append("| Estimate of B's win rate | Value | ").append(Fmt.pct(w.corrected().interval().level())).append(" interval |\n|---|---:|---|\n");
        row(s, "Judge only", w.judgeOnly());
        row(s, "Human only", w.humanOnly());
        row(s, "**Human-corrected**", w.corrected());
        if (sourceLine != null) s.append('\n').append(sourceLine).append('\n');
        return s.append('\n').toString();
    }

    private static void row(StringBuilder s, String name, MeanEstimate e) {
        s.append("| ").append(name).append(" | ").append(Fmt.pct(e.estimate())).append(" | ")
                .append(Fmt.pctInterval(e.interval())).append(" |\n");
    }

    private static void line(String name, MeanEstimate e, PrintStream out) {
        out.printf(Locale.ROOT, "    %-16s %.1f%%  [%.1f%%, %.1f%%]%n", name, 100 * e.estimate(), 100 * e.interval().lower(), 100 * e.interval().upper());
    }

    static String design(CorrectedWinRate w) {
        return w.design() == CorrectedWinRate.Design.KNOWN_PROBABILITIES ? "label sheet, known probabilities" : "labels taken as a random subset";
    }

    static String effective(CorrectedWinRate w) {
        return Double.isNaN(w.effectiveLabels()) ? "n/a" : String.format(Locale.ROOT, "%.0f", w.effectiveLabels());
    }
}
