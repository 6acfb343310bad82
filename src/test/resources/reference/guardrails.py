"""Reference values for the guardrails' one-sided bounds (issue 15, part 5). Run: /usr/bin/python3 guardrails.py > guardrails.out
scipy 1.10.1, statsmodels 0.13.5, numpy 1.24.2 (Debian bookworm packages).
A one-sided bound at gamma is one end of a two-sided interval at confidence 1 - 2 gamma."""
import numpy as np
from scipy import stats
from statsmodels.stats.proportion import proportion_confint

def show(label, *v):
    print(label, ' '.join(repr(float(x)) for x in v))

G = 0.025
print('# truncation_rate_max: proportion_confint(x, n, alpha=2*gamma, method="wilson")')
for x, n in ((0, 200), (7, 200), (30, 200), (3, 40)):
    lo, hi = proportion_confint(x, n, alpha=2 * G, method='wilson')
    show(f'wilson x={x} n={n} gamma={G}', lo, hi)

# The same per-case data as GuardrailBoundsReferenceTest: 40 cases.
n = 40
lat_a = np.array([200 + (i * 37 % 101) * 3 for i in range(n)], dtype=float)
lat_b = np.array([210 + (i * 53 % 97) * 3 for i in range(n)], dtype=float)
words_a = np.array([20 + (i * 7) % 40 for i in range(n)], dtype=float)
words_b = np.array([22 + (i * 13 + 5) % 40 for i in range(n)], dtype=float)
cost_d = np.array([((i * 29) % 17 - 8) * 1e-5 + 2e-5 for i in range(n)])

print('# cost_per_case_increase_usd / similarity_drop_max: mean -/+ stats.t.ppf(1-gamma, n-1) * sd / sqrt(n)')
h = stats.t.ppf(1 - G, n - 1) * cost_d.std(ddof=1) / np.sqrt(n)
show('cost t bounds', cost_d.mean() - h, cost_d.mean() + h)

print('# latency_p95_increase_ms: stats.bootstrap((a, b), p95(b) - p95(a), paired=True, method="percentile"), 200000 resamples')
p95d = lambda a, b, axis=-1: np.percentile(b, 95, axis=axis) - np.percentile(a, 95, axis=axis)
res = stats.bootstrap((lat_a, lat_b), p95d, paired=True, vectorized=True, n_resamples=200000, method='percentile',
                      confidence_level=1 - 2 * G, random_state=np.random.default_rng(1))
show('latency p95 diff, bounds, standard error', p95d(lat_a, lat_b), res.confidence_interval.low, res.confidence_interval.high,
     res.standard_error)

print('# length_growth_max: stats.bootstrap((b, a), sum(b)/sum(a) - 1, paired=True, method="BCa"), 200000 resamples')
growth = lambda b, a, axis=-1: b.sum(axis=axis) / a.sum(axis=axis) - 1
res = stats.bootstrap((words_b, words_a), growth, paired=True, vectorized=True, n_resamples=200000, method='BCa',
                      confidence_level=1 - 2 * G, random_state=np.random.default_rng(1))
show('length growth, bounds, standard error', growth(words_b, words_a), res.confidence_interval.low, res.confidence_interval.high,
     res.standard_error)
