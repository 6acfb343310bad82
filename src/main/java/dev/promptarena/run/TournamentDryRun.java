package dev.promptarena.run;

import dev.promptarena.config.ArenaConfig;
import dev.promptarena.config.JudgeConfig;
import dev.promptarena.config.TournamentConfig;
import dev.promptarena.config.VariantConfig;
import dev.promptarena.dataset.GoldenCase;
import dev.promptarena.engine.Calls;
import dev.promptarena.engine.DryRunEstimate;
import dev.promptarena.engine.DryRunEstimator;
import dev.promptarena.engine.PlannedCall;
import dev.promptarena.judge.JudgePrompt;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
        return String.format(Locale.ROOT, "Tournament: %d variants (control %s), schedule %s: %d pairings per case; %d cases x %d repeats:"
                        + " %d generations (each variant once per case, shared by its pairings), %d judged pairs",
                t.variants().size(), t.control().name(), t.schedule().name().toLowerCase(Locale.ROOT), t.pairings().size(),
                in.cases().size(), options.repeats(), (long) units * t.variants().size(), (long) units * t.pairings().size());
    }

    public static DryRunEstimate estimate(ArenaInputs fullInputs, RunOptions options) {
        ArenaInputs in = fullInputs.limitedTo(options.limit());
        ArenaConfig config = in.config();
        TournamentConfig t = config.tournament();
        List<JudgeConfig> judges = config.judges();
        JudgePrompt prompt = judges.isEmpty() ? null : new JudgePrompt(in.rubric(), judges.get(0).template());
        List<PlannedCall> planned = new ArrayList<>();
        for (GoldenCase c : in.cases()) {
            for (int r = 0; r < options.repeats(); r++) {
                for (int i = 0; i < t.variants().size(); i++) {
                    VariantConfig v = t.variants().get(i);
                    planned.add(new PlannedCall(i == 0 ? Calls.Role.A : Calls.Role.B, new CaseRequests(v, v).generation(v, c, r), 0));
                }
                if (prompt == null) continue;
                for (int[] p : t.pairings()) {
                    VariantConfig a = t.variants().get(p[0]), b = t.variants().get(p[1]);
                    long answers = DryRun.maxTokens(a.decoding().maxTokens()) + DryRun.maxTokens(b.decoding().maxTokens());
                    DryRun.judgeCalls(planned, judges, prompt, new CaseRequests(a, b).question(c), c, answers, j -> 1.0);
                }
            }
        }
        return new DryRunEstimator(config.prices()).estimate(planned);
    }
}
