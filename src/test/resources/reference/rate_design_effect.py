"""Reference values for ClusteredProportionsDesignEffectTest. Run: python3 rate_design_effect.py > rate_design_effect.out
(statsmodels 0.15.0, numpy 2.4.6). The design effect of one window's rate, clustered by session, as `signals` writes it
to signals-windows.csv (design_effect, effective_turns = turns / design_effect):
  clustered variance:   sm.OLS(y, ones).fit(cov_type="cluster", cov_kwds={"groups": session}, use_t=False).bse[0] ** 2
  independent variance: sm.OLS(y, ones).fit().bse[0] ** 2          (s^2 / n, s^2 the sample variance)
  design effect = max(1, clustered / independent)
"""
import numpy as np
import statsmodels.api as sm

CASES = {
    # sessions of 1-6 turns whose turns agree (a user who gets things done completes several tasks)
    "correlated": ([1, 1, 1, 0, 0, 1, 1, 1, 1, 0, 0, 0, 1, 0, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 0, 1],
                   [0, 0, 0, 1, 1, 2, 3, 3, 3, 4, 4, 4, 5, 6, 7, 7, 7, 7, 7, 8, 8, 8, 8, 9, 9, 10, 11]),
    # one turn per session: exactly 1
    "singletons": ([1, 0, 1, 1, 0, 1, 0, 0, 1, 1], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]),
    # sessions whose turns disagree: the ratio is below 1, floored at 1
    "disagreeing": ([1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 1, 0], [0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5]),
}
for name, (y, g) in CASES.items():
    y = np.array(y, dtype=float)
    g = np.array(g)
    clustered = sm.OLS(y, np.ones(len(y))).fit(cov_type="cluster", cov_kwds={"groups": g}, use_t=False).bse[0] ** 2
    independent = sm.OLS(y, np.ones(len(y))).fit().bse[0] ** 2
    print(name, len(y), len(set(g)), repr(float(clustered / independent)), repr(float(max(1.0, clustered / independent))),
          repr(float(len(y) / max(1.0, clustered / independent))))
