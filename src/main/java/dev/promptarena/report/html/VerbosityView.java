package dev.promptarena.report.html;

import dev.promptarena.report.CaseFacts;
import dev.promptarena.report.Fmt;
import dev.promptarena.stats.VerbosityResult;
import dev.promptarena.stats.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * Verbosity panel: a strip plot of each scored outcome's word difference (B − A) at the height of
 * its verdict (B won = 1, tie = ½, B lost = 0), with the fitted logistic curve P(B wins | length
 * difference) on the same axes, so a slope is visible as the curve's tilt.
 *
 * @param points     at most {@link #MAX_POINTS} dots (an even stride over the cases beyond that)
 * @param pointsNote "showing 3,000 of 10,000 outcomes" when thinned, else null
 * @param curve      SVG polyline points of the fitted curve, or null when not estimable
 * @param zeroX      pixel of zero length difference
 * @param ticks      x ticks in words
 * @param estimable  the regression could be fitted
 * @param note       why not, or null
 * @param slope      log-odds per unit of tanh(length difference / its SD) (Firth fit)
 * @param slopeInterval its interval
 * @param slopeP     its p
 * @param raw        raw win rate
 * @param rawInterval its interval
 * @param lc         length-controlled win rate
 * @param lcInterval its interval
 * @param n          outcomes in the fit
 * @param warning    the analysis' warning, or null
 * @param role       "exploratory"
 */
public record VerbosityView(List<Point> points, String pointsNote, String curve, String zeroX, List<Tick> ticks,
                            boolean estimable, String note, String slope, String slopeInterval, String slopeP, String raw,
                            String rawInterval, String lc, String lcInterval, int n, String warning, String role) {

    static final int MAX_POINTS = 3000;
    static final Scale Y = new Scale(0, 1, 230, 20);

    /**
     * One outcome.
     *
     * @param x   pixel x
     * @param y   pixel y (jittered inside the verdict's band)
     * @param cls CSS class by verdict
     */
    public record Point(String x, String y, String cls) {}

    static VerbosityView of(VerbosityResult v, List<CaseFacts.Key> cases) {
        // Positions of the scored cases, not their keys: the keys are built when read (CaseKeys), and at a million cases a
        // list of them held ~110 bytes a case while the page was rendered.
        int[] scored = java.util.stream.IntStream.range(0, cases.size()).filter(i -> cases.get(i).verdict().scored()).toArray();
        int m = 10;
        for (int i : scored) m = Math.max(m, Math.abs(cases.get(i).wordDiff()));
        m = niceCeil(m);
        Scale x = new Scale(-m, m, 50, 690);
        int stride = Math.max(1, (int) Math.ceil(scored.length / (double) MAX_POINTS));
        List<Point> points = new ArrayList<>();
        for (int k = 0; k < scored.length; k += stride) {
            CaseFacts.Key c = cases.get(scored[k]);
            double jitter = ((c.caseId().hashCode() * 31 + c.repeat()) & 0xff) / 255.0 - 0.5;
            double y = c.verdict().score() + 0.08 * jitter;
            points.add(new Point(x.at(c.wordDiff()), Y.at(y), cls(c.verdict())));
        }
        String note = stride > 1 ? "showing " + points.size() + " of " + scored.length + " outcomes (every " + stride + "th)" : null;
        List<Tick> ticks = List.of(-m, -m / 2, 0, m / 2, m).stream().map(t -> new Tick(x.at(t), (t > 0 ? "+" : "") + t)).toList();
        return new VerbosityView(points, note, curve(v, x, m), x.at(0), ticks, v.estimable(), v.note(),
                Fmt.signed(v.slope(), 2), Fmt.interval(v.slopeInterval(), 2), Fmt.p(v.slopeP()), Fmt.pct(v.rawWinRate()),
                Fmt.pctInterval(v.rawInterval()), Fmt.pct(v.lengthControlledWinRate()), Fmt.pctInterval(v.lengthControlledInterval()),
                v.n(), v.warning(), Fmt.role(v.role()));
    }

    /** Intercept from the length-controlled win rate (it is expit(intercept)), slope per unit of tanh(d / scale). */
    private static String curve(VerbosityResult v, Scale x, int m) {
        if (!v.estimable() || v.lengthControlledWinRate() == null || v.slope() == null) return null;
        double p0 = v.lengthControlledWinRate();
        double b0 = Math.log(p0 / (1 - p0));
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i <= 60; i++) {
            double w = -m + 2.0 * m * i / 60;
            double p = 1 / (1 + Math.exp(-(b0 + v.slope() * Math.tanh(w / v.lengthScaleWords()))));
            sb.append(i == 0 ? "" : " ").append(x.at(w)).append(',').append(Y.at(p));
        }
        return sb.toString();
    }

    private static String cls(Verdict v) {
        return switch (v) { case B -> "pt-win"; case A -> "pt-loss"; default -> "pt-tie"; };
    }

    static int niceCeil(int m) {
        int step = m <= 50 ? 10 : m <= 200 ? 50 : m <= 1000 ? 100 : 500;
        return ((m + step - 1) / step) * step;
    }
}
