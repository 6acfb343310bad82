"""Reference values for FisherExactTest and ErrorSplitTest (calibrate's split of the judge's mistakes by slot and by
length, calibration.HumanBias). Run: python3 fisher_split.py > fisher_split.out (scipy 1.17.1, statsmodels 0.15.0)."""
import numpy as np
import statsmodels.api as sm
from scipy.stats import fisher_exact

# Two-sided Fisher's exact test: scipy.stats.fisher_exact(table, alternative='two-sided').pvalue
for table in ([[8, 0], [0, 8]], [[3, 7], [12, 48]], [[7, 93], [2, 98]], [[0, 5], [10, 10]], [[5, 20], [5, 20]], [[4, 1], [1, 4]]):
    print('fisher', table, repr(float(fisher_exact(table, alternative='two-sided').pvalue)))

# Design effect of the difference of error rates, clustered by case: 14 cases judged in both orders (two votes each),
# x constant within a case (the length split). Per case: x, then the two votes' wrong (1) / right (0).
cases = [(1, 1, 1), (1, 1, 1), (1, 0, 0), (1, 1, 0), (1, 0, 0), (1, 1, 1), (0, 0, 0),
         (0, 0, 0), (0, 1, 1), (0, 0, 0), (0, 0, 1), (0, 0, 0), (1, 0, 0), (0, 0, 0)]
x, w, g = [], [], []
for k, (xk, w1, w2) in enumerate(cases):
    for wk in (w1, w2):
        x.append(xk); w.append(wk); g.append(k)
x, w, g = np.array(x, float), np.array(w, float), np.array(g)
X = sm.add_constant(x)
K = len(cases)
# statsmodels' cluster covariance without its small-sample factor, times K/(K-1) (the factor ErrorSplit uses)
cluster = sm.OLS(w, X).fit(cov_type='cluster', cov_kwds={'groups': g, 'use_correction': False}).cov_params()[1, 1] * K / (K - 1)
hc0 = sm.OLS(w, X).fit(cov_type='HC0').cov_params()[1, 1]
deff = max(1.0, cluster / hc0)
print('deff', repr(float(deff)))
a = int(((x == 1) & (w == 1)).sum()); b = int(((x == 1) & (w == 0)).sum())
c = int(((x == 0) & (w == 1)).sum()); d = int(((x == 0) & (w == 0)).sum())
eff = [[round(a / deff), round(b / deff)], [round(c / deff), round(d / deff)]]
print('table', [[a, b], [c, d]], 'effective', eff, 'p', repr(float(fisher_exact(eff).pvalue)),
      'p unclustered', repr(float(fisher_exact([[a, b], [c, d]]).pvalue)))
