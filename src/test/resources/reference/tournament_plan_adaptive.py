"""Reference values for TournamentPlanTest's adaptive case: the expected information of one case of the adaptive
schedule's stage one (each candidate vs the control on every case, each candidate pair on a first-pass half of the
cases), at the true scores of bradley_terry.py part 5 (0, .2, .4, .6; position .3; tie rate .2, Davidson nu = .5).
Information per case = info(control pairs) + 0.5 * info(candidate pairs), each from the derivative of the analytic score
of statsmodels' ConditionalLogit (one group per game, both presentation orders with prob. 1/2), as in bradley_terry.py.
Run: /usr/bin/python3 tournament_plan_adaptive.py > tournament_plan_adaptive.out  (numpy 1.24, scipy 1.10.1, statsmodels 0.13.5)"""
import numpy as np
from scipy.stats import norm
from statsmodels.discrete.conditional_models import ConditionalLogit

K = 4
true = np.array([0.2, 0.4, 0.6, 0.3, np.log(0.5)])

def show(label, *v):
    print(label, ' '.join(repr(float(x)) for x in v))

def alternatives(f, s):
    first, second = np.zeros(K + 1), np.zeros(K + 1)
    if f: first[f - 1] = 1
    first[3] = 1
    if s: second[s - 1] = 1
    tie = (first + second) / 2; tie[4] = 1
    return first, second, tie

def info(pairs):
    X, y, g = [], [], []
    for n, (f, s) in enumerate([o for i, j in pairs for o in ((i, j), (j, i))]):
        for a, alt in enumerate(alternatives(f, s)):
            X.append(alt); y.append(1 if a == 0 else 0); g.append(n)
    m = ConditionalLogit(np.array(y), np.array(X), groups=np.array(g))
    eps = 1e-5
    i = -np.array([(m.score(true + eps * e) - m.score(true - eps * e)) / (2 * eps) for e in np.eye(5)]) / 2
    return (i + i.T) / 2

control = [(0, j) for j in range(1, K)]
candidates = [(i, j) for i in range(1, K) for j in range(i + 1, K)]
total = info(control) + 0.5 * info(candidates)
cov = np.linalg.inv(total)[:3, :3]
full = np.zeros((4, 4)); full[1:, 1:] = cov
var = lambda a, b: full[a, a] + full[b, b] - 2 * full[a, b]
show('adaptive stage one per-case var(s1-s0) var(s2-s1) var(s3-s2)', var(1, 0), var(2, 1), var(3, 2))
z = norm.ppf(1 - 0.05 / (2 * 6)) + norm.ppf(0.8)
n = max(np.ceil(z * z * var(a, a + 1) / 0.04) for a in range(3))
show('adaptive cases = max ceil(z^2 var / 0.2^2), z = norm.ppf(1 - .05/12) + norm.ppf(.8)', n)
first = round(0.5 * n)
show('adaptive stage-one judge calls = 3 n + 3 round(n / 2); extra_pairs default ceil(3 (n - n/2) / 2)', 3 * n + 3 * first, np.ceil(3 * (n - first) / 2))
rng = np.random.default_rng(5)
d = rng.multivariate_normal([0.2, 0.4, 0.6], cov / 100, size=400000)
show('adaptive P(best) at 100 cases, multivariate_normal Monte Carlo', np.mean((d[:, 2] > d[:, 1]) & (d[:, 2] > d[:, 0]) & (d[:, 2] > 0)))
