"""Reference values for MeanDifference (compare's run-to-run deltas). Run: /usr/bin/python3 compare.py
scipy 1.10.1 (Debian bookworm). Welch's interval is not in scipy 1.10's ttest_ind result, so it is
formed from stats.t.ppf with the Welch-Satterthwaite df that ttest_ind itself uses (its statistic and
p-value are printed to tie the two together)."""
import numpy as np
from scipy import stats

first = [1, 1, 0.5, 0, 1, 1, 0, 1, 0.5, 1, 1, 0]
second = [1, 0, 0.5, 0, 0, 1, 0, 0.5, 0.5, 1, 0, 0]
r = stats.ttest_rel(second, first)
ci = r.confidence_interval(0.95)
print('paired: stats.ttest_rel(second, first) mean p lo hi',
      repr(float(np.mean(np.subtract(second, first)))), repr(float(r.pvalue)), repr(float(ci.low)), repr(float(ci.high)))
ci90 = r.confidence_interval(0.90)
print('paired 90%: lo hi', repr(float(ci90.low)), repr(float(ci90.high)))

a = [1, 1, 0.5, 0, 1, 1, 0, 1, 0.5, 1]
b = [0, 0.5, 0.5, 0, 1, 0, 0, 0.5, 0.5, 1, 0, 0.5, 1, 0]
r = stats.ttest_ind(b, a, equal_var=False)
va, vb = np.var(a, ddof=1) / len(a), np.var(b, ddof=1) / len(b)
df = (va + vb) ** 2 / (va ** 2 / (len(a) - 1) + vb ** 2 / (len(b) - 1))
se = np.sqrt(va + vb)
d = np.mean(b) - np.mean(a)
q = stats.t.ppf(0.975, df)
print('welch: stats.ttest_ind(b, a, equal_var=False) diff p lo hi df',
      repr(float(d)), repr(float(r.pvalue)), repr(float(d - q * se)), repr(float(d + q * se)), repr(float(df)))
