package dev.promptarena.run;

import dev.promptarena.config.ArenaConfig;
import dev.promptarena.config.JudgeConfig;
import dev.promptarena.config.TournamentConfig;
import dev.promptarena.config.VariantConfig;
import dev.promptarena.dataset.GoldenCase;
import dev.promptarena.engine.BatchPricing;
import dev.promptarena.engine.Calls;
import dev.promptarena.engine.DryRunEstimate;
import dev.promptarena.engine.DryRunEstimator;
import dev.promptarena.engine.PlannedCall;
import dev.promptarena.judge.JudgePrompt;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * {@code run --dry-run} of a tournament: each variant's generations once per (case, repeat), as the run shares them,
 * and the judge calls of every scheduled pairing, built as {@link DryRun} builds a two-variant run's.
 */
public final class TournamentDryRun {
    private TournamentDryRun() {}

    /** One line naming the schedule and what it costs in calls, for the top of the dry run's output. */
    public static String schedule(ArenaInputs fullInputs, RunOptions options) {
        ArenaInputs in = fullInputs.limitedTo(options.limit());
        TournamentConfig t = in.config().tournament();
        int units = in.cases().size() * options.repeats();
        if (t.adaptive() != null) return adaptiveLine(in, options, t);
        return String.format(Locale.ROOT, "Tournament: %d variants (control %s), schedule %s: %d pairings per case; %d cases x %d repeats:"
                        + " %d generations (each variant once per case, shared by its pairings), %d judged pairs",
                t.variants().size(), t.control().name(), t.schedule().name().toLowerCase(Locale.ROOT), t.pairings().size(),
                in.cases().size(), options.repeats(), (long) units * t.variants().size(), (long) units * t.pairings().size());
    }

    private static String adaptiveLine(ArenaInputs in, RunOptions options, TournamentConfig t) {
        AdaptiveStage stage = stage(in, t, options);
        int r = options.repeats(), n = in.cases().size(), first = stage.firstPass().size(), k = t.variants().size();
        int candidatePairs = AdaptiveStage.candidatePairs(t).size(), extra = stage.extraCases(t, r);
        long fixed = (long) (k - 1) * n * r + (long) candidatePairs * first * r;
        return String.format(Locale.ROOT, "Tournament: %d variants (control %s), schedule adaptive; %d cases x %d repeats: %d generations"
                        + " (each variant once per case, shared by its pairings), %d judged pairs: %d fixed in advance (each candidate vs control on"
                        + " all %d cases, the %d candidate pairs on a first pass of %d cases; ranking and gate use these only) + %d adaptive"
                        + " (candidate pairs on the other %d cases, given after the first pass to the pairs whose order is least certain)",
                k, t.control().name(), n, r, (long) n * r * k, fixed + (long) extra * r, fixed, n, candidatePairs, first, (long) extra * r,
                stage.remaining().size());
    }

    /** The run's split of the cases: seeded with the judge's seed, or --seed as the run applies it. */
    private static AdaptiveStage stage(ArenaInputs in, TournamentConfig t, RunOptions options) {
        List<JudgeConfig> judges = in.config().judges();
        long seed = judges.isEmpty() ? 0 : options.judgeSeed() != null ? options.judgeSeed() : judges.get(0).seed();
        return AdaptiveStage.of(t.adaptive(), in.cases(), seed);
    }

    public static DryRunEstimate estimate(ArenaInputs fullInputs, RunOptions options) {
        ArenaInputs in = fullInputs.limitedTo(options.limit());
        ArenaConfig config = in.config();
        TournamentConfig t = config.tournament();
        List<JudgeConfig> judges = config.judges();
        JudgePrompt prompt = judges.isEmpty() ? null : new JudgePrompt(in.rubric(), judges.get(0).template());
        List<PlannedCall> planned = new ArrayList<>();
        // Batch mode: every call at its provider's batch price, as a two-variant dry run prices it.
        Function<String, Double> price = provider -> options.engine().batch() == null ? 1.0 : BatchPricing.factor(config.provider(provider));
        AdaptiveStage stage = t.adaptive() == null ? null : stage(in, t, options);
        java.util.Set<String> firstPass = stage == null ? java.util.Set.of()
                : stage.firstPass().stream().map(GoldenCase::id).collect(java.util.stream.Collectors.toSet());
        SentOnce sent = new SentOnce(config, options);
        for (GoldenCase c : in.cases()) {
            for (int r = 0; r < options.repeats(); r++) {
                for (int i = 0; i < t.variants().size(); i++) {
                    VariantConfig v = t.variants().get(i);
                    DryRun.generation(planned, sent, i == 0 ? Calls.Role.A : Calls.Role.B, v.provider(), new CaseRequests(v, v).generation(v, c, r), price);
                }
                if (prompt == null) continue;
                for (int[] p : t.pairings()) {
                    if (stage == null || p[0] == 0 || firstPass.contains(c.id())) judgeCalls(planned, judges, prompt, t, p, c, price);
                }
            }
        }
        if (stage != null && prompt != null) {
            // Stage two's pairs are not known before the first pass: priced here as if spread evenly over the candidate pairs.
            List<int[]> pairs = AdaptiveStage.candidatePairs(t);
            int extra = stage.extraCases(t, options.repeats());
            for (int i = 0; i < extra; i++) {
                GoldenCase c = stage.remaining().get(i / pairs.size());
                for (int r = 0; r < options.repeats(); r++) judgeCalls(planned, judges, prompt, t, pairs.get(i % pairs.size()), c, price);
            }
        }
        return new DryRunEstimator(config.prices()).estimate(planned, sent.served());
    }

    private static void judgeCalls(List<PlannedCall> planned, List<JudgeConfig> judges, JudgePrompt prompt, TournamentConfig t, int[] p, GoldenCase c,
                                   Function<String, Double> price) {
        VariantConfig a = t.variants().get(p[0]), b = t.variants().get(p[1]);
        long answers = DryRun.maxTokens(a.decoding().maxTokens()) + DryRun.maxTokens(b.decoding().maxTokens());
        DryRun.judgeCalls(planned, judges, prompt, new CaseRequests(a, b).question(c), c, answers, j -> price.apply(j.provider()));
    }
}
