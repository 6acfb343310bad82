"""Reference values for the stats primitives. Run: /usr/bin/python3 primitives.py
scipy 1.10.1, statsmodels 0.13.5, numpy 1.24.2 (Debian bookworm packages)."""
import numpy as np
from scipy import stats
from statsmodels.stats.proportion import proportion_confint
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.inter_rater import cohens_kappa, fleiss_kappa
from statsmodels.stats.power import TTestPower
import statsmodels.api as sm

def show(label, *v):
    print(label, ' '.join(repr(float(x)) for x in v))

print('# Wilson: proportion_confint(count, nobs, alpha, method="wilson")')
for c, n, a in [(4.5, 5, 0.05), (0, 10, 0.05), (10, 10, 0.05), (57, 100, 0.05), (57.5, 100, 0.10)]:
    show(f'wilson({c},{n},{a})', *proportion_confint(c, n, alpha=a, method='wilson'))

print('# binomial: stats.binomtest(k, n, p).pvalue (two-sided)')
for k, n, p in [(4, 4, .5), (7, 20, .5), (60, 100, .5), (40, 100, .5), (3, 10, .3), (0, 10, .5), (10, 10, .5), (2, 15, .3), (9, 15, .3), (131, 200, .6)]:
    show(f'binom({k},{n},{p})', stats.binomtest(k, n, p).pvalue)

print('# wilcoxon')
d_exact = [1.5, -0.3, 2.2, 0.8, 1.1, -0.7, 3.0, 0.4, 1.9, -1.2]
r = stats.wilcoxon(d_exact, zero_method='wilcox', correction=False, method='exact')
show('wilcoxon exact: stats.wilcoxon(d, zero_method="wilcox", correction=False, method="exact") stat p', r.statistic, r.pvalue)
d_ties = [1, 0, 2, -1, 1, 1, 0, 2, -1, 1, 3, 0.5, 1, -0.5, 2, 1, 0, 1.5, 1, -1]
r = stats.wilcoxon(d_ties, zero_method='wilcox', correction=False, method='approx')
show('wilcoxon ties: stats.wilcoxon(d, zero_method="wilcox", correction=False, method="approx") stat p', r.statistic, r.pvalue)
def rank_biserial(d):
    d = np.asarray(d, float); d = d[d != 0]
    rk = stats.rankdata(np.abs(d))
    plus, minus = rk[d > 0].sum(), rk[d < 0].sum()
    return plus, (plus - minus) / (plus + minus)
show('rank-biserial exact (W+, r) via stats.rankdata', *rank_biserial(d_exact))
show('rank-biserial ties (W+, r) via stats.rankdata', *rank_biserial(d_ties))

print('# multipletests(p, method=...)[1]')
for p in ([0.001, 0.020, 0.12, 0.42], [0.04, 0.01, 0.03, 0.2, 0.005]):
    for m in ('bonferroni', 'holm', 'fdr_bh'):
        show(f'{m} {p}', *multipletests(p, method=m)[1])

print('# logistic: sm.GLM(y, X, family=Binomial(), freq_weights=w).fit(tol=1e-14)')
x = np.array([-1.2, -0.8, -0.5, -0.3, 0.0, 0.1, 0.2, 0.4, 0.6, 0.9, 1.3, 1.8, -0.1, 0.5])
y = np.array([0, 0, 1, 0, 1, 0, 1, 1, 0, 1, 1, 1, 0, 1])
w = np.array([1, 1, 1, 0.5, 1, 1, 0.5, 1, 1, 1, 1, 1, 1, 0.5])
X = sm.add_constant(x)
f = sm.GLM(y, X, family=sm.families.Binomial(), freq_weights=w).fit(tol=1e-14)
show('glm params', *f.params); show('glm bse', *f.bse)
f2 = sm.Logit(y, X).fit(disp=0)
show('Logit params (unweighted)', *f2.params); show('Logit bse (unweighted)', *f2.bse)

print('# kappa')
table = np.array([[20, 5, 2], [3, 15, 4], [1, 2, 18]])
k = cohens_kappa(table)
show('cohens_kappa(table) kappa std_kappa kappa_low kappa_upp', k.kappa, k.std_kappa, k.kappa_low, k.kappa_upp)
counts = np.array([[3, 0, 0], [2, 1, 0], [0, 3, 0], [1, 1, 1], [0, 0, 3], [0, 2, 1], [3, 0, 0], [1, 0, 2]])
show('fleiss_kappa(counts, method="fleiss")', fleiss_kappa(counts, method='fleiss'))

print('# sample size')
from statistics import NormalDist
def required_sample_size(p_a, mde, alpha=0.05, power=0.80):  # the background doc's function
    import math
    p_b = p_a + mde; pooled = (p_a + p_b) / 2; nd = NormalDist()
    num = nd.inv_cdf(1 - alpha / 2) * math.sqrt(2 * pooled * (1 - pooled)) + nd.inv_cdf(power) * math.sqrt(p_a * (1 - p_a) + p_b * (1 - p_b))
    return (num / (p_b - p_a)) ** 2
show('two proportions 0.60 +0.05 per-arm (unrounded)', required_sample_size(0.60, 0.05))
show('two proportions 0.60 +0.02 per-arm (unrounded)', required_sample_size(0.60, 0.02))
z = stats.norm.ppf
# Tie-aware (issue 15): the score 1/0.5/0 has variance p(1-p) - t/4 under the null as under the alternative.
def win_rate_n(p, t, p0, alpha, power):
    return ((z(1 - alpha / 2) * np.sqrt(p0 * (1 - p0) - t / 4) + z(power) * np.sqrt(p * (1 - p) - t / 4)) / (p - p0)) ** 2
show('win rate n p=0.6 t=0 p0=0.5', win_rate_n(0.6, 0, 0.5, 0.05, 0.8))
show('win rate n p=0.6 t=0.2 p0=0.5', win_rate_n(0.6, 0.2, 0.5, 0.05, 0.8))
show('win rate n p=0.5 t=0.3 p0=0.45', win_rate_n(0.5, 0.3, 0.45, 0.05, 0.9))
show('win rate n p=0.55 t=0.6 p0=0.5', win_rate_n(0.55, 0.6, 0.5, 0.05, 0.8))
def win_rate_power(n, p, t, p0, alpha):
    return stats.norm.cdf((abs(p - p0) * np.sqrt(n) - z(1 - alpha / 2) * np.sqrt(p0 * (1 - p0) - t / 4)) / np.sqrt(p * (1 - p) - t / 4))
show('win rate power n=200 p=0.6 t=0 p0=0.5 (stats.norm.cdf)', win_rate_power(200, 0.6, 0, 0.5, 0.05))
show('win rate power n=200 p=0.57 t=0.2 p0=0.5 (stats.norm.cdf)', win_rate_power(200, 0.57, 0.2, 0.5, 0.05))
for es in (0.5, 0.3, 0.2):
    show(f'TTestPower().solve_power(effect_size={es}, alpha=0.05, power=0.8) (paired t)', TTestPower().solve_power(effect_size=es, alpha=0.05, power=0.8))

print('# bootstrap BCa over clusters: stats.bootstrap((num, den), ratio, paired=True, method="BCa")')
num = np.array([2, 1.5, 0, 3, 1, 2.5, 0.5, 1, 2, 1, 3, 0, 2, 1.5, 2.5, 3, 1, 2, 0.5, 2.5, 1, 0, 2, 1.5])
den = np.array([3, 2, 1, 3, 2, 3, 1, 1, 3, 2, 3, 2, 2, 2, 3, 3, 1, 3, 1, 3, 2, 1, 2, 3])
ratio = lambda n_, d_, axis=-1: n_.sum(axis=axis) / d_.sum(axis=axis)
for method in ('BCa', 'percentile'):
    res = stats.bootstrap((num, den), ratio, paired=True, vectorized=True, n_resamples=200000, method=method,
                          confidence_level=0.95, random_state=np.random.default_rng(1))
    show(f'bootstrap {method} 200000 resamples', res.confidence_interval.low, res.confidence_interval.high, res.standard_error)

print('# cluster-robust logistic: GLM(...).fit(cov_type="cluster", cov_kwds={"groups": g, "use_correction": False}) bse * sqrt(G/(G-1))')
# Same formulas as LogisticRegressionTest.clustered(): 36 rows, 12 clusters of 3.
xc = np.array([((i * 37) % 23 - 11) / 5 for i in range(36)])
yc = np.array([1 if (i * 7 + i // 3) % 5 < 3 else 0 for i in range(36)])
gc = np.array([i // 3 for i in range(36)])
Xc = sm.add_constant(xc)
G = 12
fc = sm.GLM(yc, Xc, family=sm.families.Binomial()).fit(tol=1e-14, cov_type='cluster', cov_kwds={'groups': gc, 'use_correction': False})
show('cluster params', *fc.params)
show('cluster bse (no correction)', *fc.bse)
show('cluster bse * sqrt(G/(G-1))', *(fc.bse * np.sqrt(G / (G - 1))))
