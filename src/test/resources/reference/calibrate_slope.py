"""Reference values for JudgeSlopeTest (calibrate's "replace the judge" rule): the OLS slope of the human score on the
judge score with its t interval. Run: python3 calibrate_slope.py > calibrate_slope.out
(statsmodels 0.15.0, numpy 2.4.6)."""
import numpy as np
import statsmodels.api as sm

cases = {
    # 0/1 verdicts with a tie (0.5) among the human labels: a judge the humans mostly follow
    'follows': ([1, 1, 0, 1, 0, 0, 1, 1, 0.5, 1, 0, 1], [1, 1, 0, 1, 1, 0, 1, 0, 1, 1, 0, 1]),
    # a judge the humans ignore
    'ignored': ([1, 0, 1, 0, 1, 1, 0, 0, 1, 0], [1, 1, 0, 0, 1, 0, 1, 0, 0, 1]),
}
for name, (human, judge) in cases.items():
    fit = sm.OLS(np.array(human, float), sm.add_constant(np.array(judge, float))).fit()
    lo, hi = fit.conf_int(0.05)[1]
    print('slope', name, repr(float(fit.params[1])), repr(float(lo)), repr(float(hi)))
