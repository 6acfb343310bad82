"""Reference values for check_pass_drop_max with repeats (issue 15, guard2). Run: /usr/bin/python3 clustered_checks.py > clustered_checks.out
scipy 1.10.1, statsmodels 0.13.5, numpy 1.24.2 (Debian bookworm packages).
Per pair d = 1 (only A passed), -1 (only B passed), 0. Design effect = statsmodels OLS(d, ones) intercept variance with
cov_type="cluster" (groups = case; its default small-sample factor G/(G-1) with one regressor) over cov_type="HC0",
floored at 1. The bound is Agresti-Min (add 1/2 to every cell, Wald) on the counts divided by the design effect,
written out with stats.norm.ppf. The per-case data are the same formulas as DesignEffectTest."""
import numpy as np
import statsmodels.api as sm
from scipy import stats

def show(label, *v):
    print(label, ' '.join(repr(float(x)) for x in v))

def agresti_min(b, c, n, gamma):
    b, c, m = b + 0.5, c + 0.5, n + 2.0
    diff = (b - c) / m
    se = np.sqrt(max(0.0, ((b + c) - (b - c) ** 2 / m) / m ** 2))
    z = stats.norm.ppf(1 - gamma)
    return diff - z * se, diff + z * se

def dataset(name):
    """Per case (aOnly, bOnly, pairs), deterministic so the Java test rebuilds it."""
    k, r = 60, 3
    if name == 'identical':   # every repeat of a case repeats its first pair: fully clustered
        one = [(1 if i % 9 == 0 else 0, 1 if i % 13 == 5 and i % 9 != 0 else 0) for i in range(k)]
        return [(a * r, b * r, r) for a, b in one]
    if name == 'mixed':       # some agreement within a case, some not
        return [(i % 4 if i % 5 == 0 else 0, (1 + i % 2) if i % 3 == 1 and i % 5 != 0 else 0, r) for i in range(k)]
    if name == 'uneven':      # different numbers of pairs per case
        return [((1 + i % 3) if i % 5 == 0 else 0, 1 if i % 7 == 3 and i % 5 != 0 else 0, 1 + i % 3) for i in range(k)]
    raise ValueError(name)

G = 0.025
for name in ('identical', 'mixed', 'uneven'):
    cases = dataset(name)
    d, groups = [], []
    for g, (a, b, m) in enumerate(cases):
        assert a + b <= m, (name, g)
        d += [1] * a + [-1] * b + [0] * (m - a - b)
        groups += [g] * m
    d = np.array(d, dtype=float)
    X = np.ones((len(d), 1))
    v_cl = sm.OLS(d, X).fit(cov_type='cluster', cov_kwds={'groups': np.array(groups)}).bse[0] ** 2
    v_hc0 = sm.OLS(d, X).fit(cov_type='HC0').bse[0] ** 2
    deff = max(1.0, v_cl / v_hc0)
    B = sum(a for a, _, _ in cases); C = sum(b for _, b, _ in cases); N = sum(m for _, _, m in cases)
    lo, hi = agresti_min(B / deff, C / deff, N / deff, G)
    lo0, hi0 = agresti_min(B, C, N, G)
    print(f'# {name}: aOnly={B} bOnly={C} pairs={N}')
    show(f'{name} deff', deff)
    show(f'{name} bounds gamma={G}', lo, hi)
    show(f'{name} unclustered gamma={G}', lo0, hi0)
