"""Reference values for the canary package tests. Run: /usr/bin/python3 canary.py > canary.out
Python 3.11 hashlib, scipy 1.10.1, statsmodels 0.13.5, numpy 1.24.2 (Debian bookworm packages)."""
import hashlib
import numpy as np
from scipy import stats

def user_bucket(experiment_id, user_id):
    # background 002: get_experiment_variant
    return int(hashlib.sha256(f"{experiment_id}:{user_id}".encode()).hexdigest(), 16) % 10_000

def conversation_bucket(conversation_id):
    # background 001: assigned_variant
    digest = hashlib.sha256(conversation_id.encode()).digest()
    return int.from_bytes(digest[:4], "big")

print('# assignment vectors: id user_bucket(exp="model-upgrade-2026-04") user@0.10 conv_bucket conv@0.10 conv@0.50')
ids = ["return-ticket-48291", "delivery-ticket-48292", "user-1", "user-2", "user-42", "u-\u00e9t\u00e9", "", "a:b",
       "1", "10", "100", "customer-000017", "customer-000018", "conv-7f3a", "x" * 200]
for i in ids:
    ub = user_bucket("model-upgrade-2026-04", i)
    cb = conversation_bucket(i)
    print('vector', repr(i), ub, "challenger" if ub < int(0.10 * 10_000) else "control", cb,
          "treatment" if cb / 2**32 < 0.10 else "control", "treatment" if cb / 2**32 < 0.50 else "control")

print('# share treated among customer-0..9999 (user scheme exp "e1" at 0.05; conversation scheme at 0.20)')
print('share', sum(user_bucket("e1", f"customer-{k}") < 500 for k in range(10000)),
      sum(conversation_bucket(f"customer-{k}") / 2**32 < 0.20 for k in range(10000)))

print('# SRM: stats.chisquare(obs, f_exp=sum(obs)*share) statistic p')
for obs, share in [([5000, 5000], [0.5, 0.5]), ([5120, 4880], [0.5, 0.5]), ([9810, 190], [0.99, 0.01]),
                   ([9750, 250], [0.99, 0.01]), ([330, 340, 330], [1/3, 1/3, 1/3]), ([8000, 2100], [0.8, 0.2])]:
    r = stats.chisquare(obs, f_exp=np.array(share) * sum(obs))
    print('srm', obs, share, repr(float(r.statistic)), repr(float(r.pvalue)))

print('# Thompson: P(variant is best) under Beta(1+s, 1+f) posteriors, by numerical integration')
from scipy import integrate
def p_best(arms):
    out = []
    for i, (s, f) in enumerate(arms):
        others = [stats.beta(1 + s2, 1 + f2) for j, (s2, f2) in enumerate(arms) if j != i]
        me = stats.beta(1 + s, 1 + f)
        val = integrate.quad(lambda x: me.pdf(x) * np.prod([o.cdf(x) for o in others]), 0, 1, epsabs=1e-12, limit=200)[0]
        out.append(val)
    return out
for arms in ([(120, 380), (135, 365)], [(40, 60), (45, 55), (20, 80)], [(3, 7), (30, 70)]):
    print('thompson', arms, *[repr(float(x)) for x in p_best(arms)])

print('# online judge windows: mean t interval stats.t.interval(0.95, n-1, loc=mean, scale=stats.sem(x)); drift stats.ttest_ind(x, b, equal_var=False)')
b = np.array([5, 5, 4, 5, 4, 5, 3, 5], float)
x = np.array([3, 4, 2, 3, 4, 2, 3, 5, 2], float)
print('tint', *[repr(float(v)) for v in stats.t.interval(0.95, len(x) - 1, loc=x.mean(), scale=stats.sem(x))])
r = stats.ttest_ind(x, b, equal_var=False)
va, vb = x.var(ddof=1) / len(x), b.var(ddof=1) / len(b)
df = (va + vb) ** 2 / (va ** 2 / (len(x) - 1) + vb ** 2 / (len(b) - 1))
h = stats.t.ppf(0.975, df) * np.sqrt(va + vb)
print('welch', repr(float(x.mean() - b.mean())), repr(float(r.pvalue)), repr(float(df)), repr(float(x.mean() - b.mean() - h)), repr(float(x.mean() - b.mean() + h)))

print('# stage limits: q = stats.binom.ppf(1 - 0.01, n, L) (max) / stats.binom.ppf(0.01, n, L) (min); q/n and the exact tail')
for n, L in [(1000, 0.001), (10000, 0.001), (100000, 0.001), (500, 0.05)]:
    q = stats.binom.ppf(0.99, n, L)
    print('stagemax', n, L, int(q), repr(float(q / n)), repr(float(stats.binom.sf(q, n, L))))
for n, L in [(1000, 0.9), (200, 0.95)]:
    q = stats.binom.ppf(0.01, n, L)
    print('stagemin', n, L, int(q), repr(float(q / n)), repr(float(stats.binom.cdf(q - 1, n, L))))

print('# (scipy 1.17.1, statsmodels 0.15.0) online judge drift family: stats.ttest_ind(window, baseline, equal_var=False).pvalue per window and axis, then')
print('# statsmodels.stats.multitest.multipletests(p, method="holm")[1] over all four (ScoreWindowsTest.driftPValuesAreHolmAdjustedOverWindowsAndAxes)')
from statsmodels.stats.multitest import multipletests
fam = {'Clarity': ([5, 5, 4, 5, 4, 5, 3, 5], [3, 4, 2, 3, 4, 2, 3, 5, 2], [4, 5, 4, 4, 5, 3, 5, 4]),
       'Tone': ([4, 4, 3, 4, 5, 4, 4, 3], [4, 3, 4, 4, 3, 5, 4, 4, 3], [2, 3, 3, 2, 4, 3, 2, 3])}
ps = []
for axis, (b, d2, d3) in fam.items():
    for x in (d2, d3):
        ps.append(float(stats.ttest_ind(np.array(x, float), np.array(b, float), equal_var=False).pvalue))
print('driftfamily raw', *[repr(p) for p in ps])
print('driftfamily holm', *[repr(float(p)) for p in multipletests(ps, method='holm')[1]])
