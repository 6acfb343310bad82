package dev.promptarena.report.tournament;

import dev.promptarena.analysis.TournamentResult;
import dev.promptarena.report.CsvTable;
import dev.promptarena.report.Fmt;
import dev.promptarena.stats.tournament.PairDifference;
import dev.promptarena.stats.tournament.PairWinRate;
import dev.promptarena.stats.tournament.VariantScore;
import java.util.Comparator;
import java.util.List;

/**
 * ranking.csv (one row per variant, best first) and pairs.csv (one row per pair that played). Variant names come from
 * the user's config and pass through {@link CsvTable}'s formula neutralization like every other cell.
 */
public final class TournamentTables {
    public static final String RANKING = "ranking.csv";
    public static final String PAIRS = "pairs.csv";

    private TournamentTables() {}

    /**
     * One pairing of an adaptive schedule's stage two, formatted: B's win rate over A on its extra cases with the
     * two-variant interval (exploratory; the ranking and the gate do not use it).
     */
    public record AdaptiveRow(String a, String b, int cases, String winRate, String interval) {}

    /** The adaptive stage's pairings, empty for a fixed schedule. */
    public static List<AdaptiveRow> adaptive(TournamentResult r) {
        return r.pairs().stream().filter(TournamentResult.PairAnalysis::adaptive).map(p -> new AdaptiveRow(p.a(), p.b(),
                p.analysis().winRate().cases(), Fmt.pct(p.analysis().decision().winRate()), Fmt.pctInterval(p.analysis().decision().interval()))).toList();
    }

    public static CsvTable ranking(TournamentResult r) {
        CsvTable t = new CsvTable("position", "variant", "control", "score", "score_ci_low", "score_ci_high", "p_best",
                "rank_best", "rank_worst", "interval_method");
        List<VariantScore> sorted = sorted(r);
        for (int i = 0; i < sorted.size(); i++) {
            VariantScore v = sorted.get(i);
            t.row(i + 1, r.variants().get(v.variant()), v.variant() == 0, v.score(), v.interval().lower(), v.interval().upper(),
                    v.bestShare(), v.rankBest(), v.rankWorst(), v.interval().method());
        }
        return t;
    }

    public static CsvTable pairs(TournamentResult r) {
        CsvTable t = new CsvTable("variant_a", "variant_b", "games", "win_rate_a", "win_rate_ci_low", "win_rate_ci_high",
                "model_win_rate_a", "score_difference", "difference_ci_low", "difference_ci_high", "p", "p_holm", "separated",
                "first_slot_share");
        for (PairWinRate w : r.winRates()) {
            PairDifference d = r.ranking() == null ? null : r.ranking().pair(w.a(), w.b());
            t.row(r.variants().get(w.a()), r.variants().get(w.b()), w.games(), w.bootstrap().estimate(),
                    w.bootstrap().interval().lower(), w.bootstrap().interval().upper(), w.modelWinRate(), d == null ? null : d.difference(),
                    d == null ? null : d.interval().lower(), d == null ? null : d.interval().upper(), d == null ? null : d.p(),
                    d == null ? null : d.pHolm(), d == null ? null : d.separated(), w.firstSlotShare());
        }
        return t;
    }

    /** Variants by score, best first (ties keep config order); empty without a ranking. */
    static List<VariantScore> sorted(TournamentResult r) {
        if (r.ranking() == null) return List.of();
        return r.ranking().variants().stream().sorted(Comparator.comparingDouble(VariantScore::score).reversed()).toList();
    }
}
