package dev.promptarena.planning;

/**
 * Range checks on what {@code plan} was given, before any formula runs, so that a bad value is reported by the
 * option the user typed ({@code --tie-rate}) and not by the name of a formula's parameter deep inside the
 * statistics ({@code tieRate}). Each condition is written so that NaN fails it too.
 */
final class PlanOptionChecks {
    private PlanOptionChecks() {}

    static void check(PlanRequest r) {
        open("--alpha", r.alpha());
        open("--power", r.power());
        if (!(r.tieRate() >= 0 && r.tieRate() < 1)) throw bad("--tie-rate must be in [0, 1)", r.tieRate());
        if (!(r.margin() >= 0 && r.margin() < 0.5)) throw bad("--margin must be in [0, 0.5)", r.margin());
        if (r.winRate() != null) {
            double p = r.winRate(), half = r.tieRate() / 2;
            if (!(p - half >= 0 && p + half <= 1)) {
                throw new IllegalArgumentException("--win-rate must be in [" + shown(half) + ", " + shown(1 - half) + "] with --tie-rate "
                        + shown(r.tieRate()) + " (ties count half a win), got: " + shown(p));
            }
        }
        if (r.baseline() != null) open("--baseline", r.baseline());
        if (r.mde() != null && !(Double.isFinite(r.mde()) && r.mde() != 0)) throw bad("--mde must be a non-zero number", r.mde());
        if (r.sd() != null && !(r.sd() > 0 && Double.isFinite(r.sd()))) throw bad("--sd must be > 0", r.sd());
        if (r.n() != null && r.n() < 1) throw new IllegalArgumentException("--n must be >= 1, got: " + r.n());
    }

    private static void open(String option, double value) {
        if (!(value > 0 && value < 1)) throw bad(option + " must be in (0, 1)", value);
    }

    private static IllegalArgumentException bad(String rule, double value) {
        return new IllegalArgumentException(rule + ", got: " + shown(value));
    }

    /** A number as the user would type it: 0.2 and 1, not 0.2000000001 or 1.0. */
    private static String shown(double v) {
        if (!Double.isFinite(v)) return String.valueOf(v);
        // Plain digits for what a user types (0.6, 1e-3); a value far outside any range stays short: 1e308 printed 309 digits.
        if (v != 0 && (Math.abs(v) >= 1e9 || Math.abs(v) < 1e-9)) return String.valueOf(v);
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
