"""Reference for the position-adjusted cluster bootstrap (issue 15, repeats). Run: /usr/bin/python3 position_adjusted.py > position_adjusted.out
scipy 1.10.1, numpy 1.24.2. Per case: summed scores and counts of the outcomes that showed B first and A first."""
import numpy as np
from scipy import stats

def show(label, *v):
    print(label, ' '.join(repr(float(x)) for x in v))

# 30 cases x 3 repeats, the same formulas as PositionAdjustedBootstrapTest.
sf, nf, ss, ns = [], [], [], []
for c in range(30):
    a = b = m = n = 0.0
    for r in range(3):
        first = (c * 3 + r) % 2 == 0
        score = [1.0, 0.5, 0.0][(c * 7 + r * 5) % 3] if (c + r) % 4 else 1.0
        if first:
            a += score; m += 1
        else:
            b += score; n += 1
    sf.append(a); nf.append(m); ss.append(b); ns.append(n)
sf, nf, ss, ns = map(np.array, (sf, nf, ss, ns))
theta = lambda a, m, b, n, axis=-1: 0.5 * a.sum(axis=axis) / m.sum(axis=axis) + 0.5 * b.sum(axis=axis) / n.sum(axis=axis)
res = stats.bootstrap((sf, nf, ss, ns), theta, paired=True, vectorized=True, n_resamples=200000, method='BCa',
                      confidence_level=0.95, random_state=np.random.default_rng(1))
show('estimate, BCa 95% low, high, standard error', theta(sf, nf, ss, ns), res.confidence_interval.low, res.confidence_interval.high,
     res.standard_error)
