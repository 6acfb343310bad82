"""Reference values for StageLimitsTest (a signal rate's stage limit widened for a design effect estimated from G sessions).
Run: python3 stage_limit_sessions.py > stage_limit_sessions.out (scipy 1.17.1).
The allowance of a stage limit (stage - L, the binomial 1% quantile of `canary plan --units-per-hour`), taken to the midpoint
half a turn further (the exact count's continuity: stage - L -/+ 0.5 / n for a minimum / maximum, n the window's turns), is
about z * SE; with the rate's variance multiplied by a design effect D estimated from G sessions it becomes
  (stage - L -/+ 0.5 / n) * sqrt(D) * stats.t.ppf(0.99, G - 1) / stats.norm.ppf(0.99)
(Student's t on the design's G - 1 degrees of freedom instead of the normal)."""
from scipy import stats

print("# factor: G  stats.t.ppf(0.99, G - 1)  stats.norm.ppf(0.99)  ratio")
for g in [2, 15, 30, 60, 140, 500]:
    t, z = stats.t.ppf(0.99, g - 1), stats.norm.ppf(0.99)
    print("factor", g, repr(float(t)), repr(float(z)), repr(float(t / z)))

print("# widened: L stage D G n  L + (stage - L + sign(stage - L) * 0.5 / n) * sqrt(D) * t / z")
for L, stage, d, g, n in [(0.55, 0.498, 1.69, 140, 500), (0.55, 0.498, 1.5, 140, 500), (0.55, 0.38, 1.67, 15, 50), (0.05, 0.074, 2.0, 60, 200)]:
    t, z = stats.t.ppf(0.99, g - 1), stats.norm.ppf(0.99)
    allowance = stage - L + (0.5 if stage > L else -0.5) / n
    print("widened", L, stage, d, g, n, repr(float(L + allowance * d ** 0.5 * t / z)))
