"""Reference values for issue 15 (verdict validity). Run: /usr/bin/python3 validity.py
scipy 1.10.1, statsmodels 0.13.5, numpy 1.24.2 (Debian bookworm packages)."""
import numpy as np
from scipy import stats, optimize
from statsmodels.stats.proportion import proportion_confint

def show(label, *v):
    print(label, ' '.join(repr(float(x)) for x in v))

print('# tie-aware score interval: roots of (est-th)^2 = z^2 sum (1/k)^2 v_g(th-est)/n_g by optimize.brentq,')
print('# v_g(d) = (s_g+d)(1-s_g-d) - t_g/4; groups given as (wins, ties, losses)')
def tie_aware(groups, alpha):
    z2 = stats.norm.ppf(1 - alpha / 2) ** 2
    k = len(groups)
    gs = [((w + 0.5 * t) / (w + t + l), t / (w + t + l), w + t + l) for w, t, l in groups]
    est = np.mean([s for s, _, _ in gs])
    def f(th):
        d = th - est
        return d * d - z2 / k ** 2 * sum((max(0.0, s * (1 - s) - tr / 4) + d * (1 - 2 * s) - d * d) / n for s, tr, n in gs)
    lo = est if f(-50.0) * f(est) > 0 else optimize.brentq(f, -50.0, est, xtol=1e-15)
    hi = est if f(50.0) * f(est) > 0 else optimize.brentq(f, est, 50.0, xtol=1e-15)
    return est, max(0.0, min(est, lo)), min(1.0, max(est, hi))
for groups, a in [([(57, 0, 43)], 0.05), ([(4, 1, 0)], 0.05), ([(40, 30, 30)], 0.05), ([(60, 20, 20), (35, 25, 40)], 0.05),
                  ([(100, 0, 0), (0, 0, 100)], 0.05), ([(9, 1, 0), (7, 2, 1)], 0.10)]:
    show(f'tieaware {groups} {a} est lo hi', *tie_aware(groups, a))
show('wilson check: proportion_confint(57, 100, method="wilson")', *proportion_confint(57, 100, alpha=0.05, method='wilson'))

print('# segment reversal: one-sided tie-aware score test stats.norm.cdf((s-0.5)/sqrt((0.25-t/4)/n)) times the number of segments')
show('reversal de 4/10 of 3 segments', min(1, 3 * stats.norm.cdf((0.4 - 0.5) / np.sqrt(0.25 / 10))))
show('reversal de 2/20 of 2 segments', min(1, 2 * stats.norm.cdf((0.1 - 0.5) / np.sqrt(0.25 / 20))))

print('# one-sided bounds: scipy.stats.t.ppf(1-g, n-1) * sd / sqrt(n); Agresti-Min adjusted Wald (add 1/2 to each cell)')
d = np.array([0, 1, -1, 0, 2, 1, 0, 0, -1, 1, 1, 0, 2, 0, 1])
for g in (0.025, 0.05):
    h = stats.t.ppf(1 - g, len(d) - 1) * d.std(ddof=1) / np.sqrt(len(d))
    show(f'mean bound d={list(d)} gamma={g} lower upper', d.mean() - h, d.mean() + h)
def agresti_min(b, c, n, g):
    b, c, m = b + 0.5, c + 0.5, n + 2.0
    diff = (b - c) / m
    se = np.sqrt(((b + c) - (b - c) ** 2 / m) / m ** 2)
    z = stats.norm.ppf(1 - g)
    return diff - z * se, diff + z * se
for b, c, n in [(4, 0, 200), (12, 3, 200), (0, 0, 50)]:
    show(f'agresti-min b={b} c={c} n={n} gamma=0.025 lower upper', *agresti_min(b, c, n, 0.025))

print('# calibrate: agreement interval proportion_confint(6, 8, method="wilson")')
from statsmodels.stats.proportion import proportion_confint as pc
show('calibrate agreement 6/8 wilson', *pc(6, 8, alpha=0.05, method='wilson'))
