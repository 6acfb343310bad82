package dev.promptarena.planning;

import dev.promptarena.stats.SampleSize;

/**
 * Computes a {@link Plan} from a {@link PlanRequest} with the formulas of {@link SampleSize}, which
 * match the tests the gate runs, so the plan predicts the gate's power. Missing or out-of-range
 * inputs are {@link IllegalArgumentException}s naming the option; an unreadable pilot is an
 * {@link dev.promptarena.input.InputException}.
 */
public final class Planner {
    private Planner() {}

    public static Plan plan(PlanRequest r) {
        PlanOptionChecks.check(r);
        return switch (r.kind()) {
            case proportions -> proportions(r);
            case winrate -> winRate(r);
            case paired -> paired(r);
            case mde -> mde(r);
            case tournament -> TournamentPlanner.plan(r);
            case sequential -> SequentialWinRatePlan.of(r);
        };
    }

    private static ProportionsPlan proportions(PlanRequest r) {
        double base = require(r.baseline(), "--baseline"), lift = require(r.mde(), "--mde");
        SampleSize.TwoArm a = SampleSize.twoProportions(base, lift, r.alpha(), r.power());
        return new ProportionsPlan(r.kind(), r.alpha(), r.power(), base, lift, a.perArm(), a.total());
    }

    private static WinRatePlan winRate(PlanRequest r) {
        double p = require(r.winRate(), "--win-rate"), threshold = 0.5 - r.margin();
        int cases = SampleSize.winRate(p, r.tieRate(), threshold, r.alpha(), r.power());
        return new WinRatePlan(r.kind(), r.alpha(), r.power(), p, r.tieRate(), threshold, cases, r.margin());
    }

    private static PairedPlan paired(PlanRequest r) {
        Differences d = Differences.of(r);
        Double observed = d.pilotMeanDifference();
        double effect = r.mde() != null ? r.mde() : observed == null || observed == 0 ? require(null, "--mde") : Math.abs(observed);
        int pairs = SampleSize.paired(d.sd(), effect, r.alpha(), r.power());
        return new PairedPlan(r.kind(), r.alpha(), r.power(), d.pilot(), d.axis(), d.pilotCases(), d.pilotMeanDifference(),
                d.sd(), effect, pairs, r.mde() == null);
    }

    private static MdePlan mde(PlanRequest r) {
        int size = require(r.n(), "--n");
        double effect;
        String what;
        Differences d = null;
        switch (r.metric()) {
            case winrate -> {
                double threshold = 0.5 - r.margin();
                effect = SampleSize.mdeWinRate(size, r.tieRate(), threshold, r.alpha(), r.power());
                what = String.format("win rate %.3f (%.3f above %.3f) with tie rate %.2f", threshold + effect, effect, threshold, r.tieRate());
            }
            case proportions -> {
                double base = require(r.baseline(), "--baseline");
                effect = SampleSize.mdeTwoProportions(base, size, r.alpha(), r.power());
                what = String.format("a lift of %.4f from %.3f (%d per arm)", effect, base, size);
            }
            default -> {
                d = Differences.of(r);
                effect = SampleSize.mdePaired(d.sd(), size, r.alpha(), r.power());
                what = String.format("a mean paired difference of %.3f (SD of differences %.3f)", effect, d.sd());
            }
        }
        return new MdePlan(r.kind(), r.alpha(), r.power(), r.metric(), size, d == null ? null : d.pilot(), d == null ? null : d.axis(),
                d == null ? null : d.pilotCases(), d == null ? null : d.pilotMeanDifference(), d == null ? null : d.sd(),
                Double.isNaN(effect) ? null : effect, what);
    }

    private static <T> T require(T value, String option) {
        if (value == null) throw new IllegalArgumentException("missing " + option);
        return value;
    }
}
