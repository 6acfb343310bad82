"""Reference values for BradleyTerryReferenceTest. Writes two game files (bt-games-noties.csv, bt-games.csv: case,
first,second,result) drawn from a Davidson model with a first-slot advantage, then fits them three independent ways:
statsmodels' logistic regression of the Bradley-Terry design (no ties; ties as half weights), statsmodels'
ConditionalLogit with one group per game (the Davidson model as a choice among first/second/tie), and a plain
scipy.optimize MLE of the Davidson likelihood. Parameters: scores of v1, v2, v3 (v0 fixed at 0), position h, theta.
Run: /usr/bin/python3 bradley_terry.py > bradley_terry.out  (numpy 1.24, scipy 1.10.1, statsmodels 0.13.5);
BradleyTerry2 cross-check of the no-tie fit: Rscript bradley_terry.R >> bradley_terry.out"""
import numpy as np
import statsmodels.api as sm
from scipy import optimize
from statsmodels.discrete.conditional_models import ConditionalLogit

K, SCORES, H = 4, np.array([0.0, 0.3, -0.2, 0.5]), 0.4

def draw(nu, cases, seed):
    rng = np.random.default_rng(seed)
    rows = []
    for c in range(cases):
        for i in range(K):
            for j in range(i + 1, K):
                f, s = (i, j) if rng.random() < 0.5 else (j, i)
                a, b = np.exp(SCORES[f] + H), np.exp(SCORES[s])
                t = nu * np.sqrt(a * b)
                u = rng.random() * (a + b + t)
                rows.append((f'case{c}', f, s, 'FIRST' if u < a else 'SECOND' if u < a + b else 'TIE'))
    return rows

def write(name, rows):
    with open(name, 'w') as out:
        out.write('case,first,second,result\n')
        for r in rows:
            out.write(','.join(map(str, r)) + '\n')

def show(label, *v):
    print(label, ' '.join(repr(float(x)) for x in v))

def design(f, s):
    x = np.zeros(K)   # v1..v3 then h
    if f: x[f - 1] += 1
    if s: x[s - 1] -= 1
    x[3] = 1
    return x

noties, ties = draw(0.0, 40, 11), draw(0.6, 60, 12)
write('bt-games-noties.csv', noties)
write('bt-games.csv', ties)

# 1. No ties: logistic regression of "first wins" on x_first - x_second (v0 dropped) and a constant h column.
X = np.array([design(f, s) for _, f, s, _ in noties]); y = np.array([r == 'FIRST' for *_, r in noties], float)
m = sm.Logit(y, X).fit(method='newton', tol=1e-14, disp=0)
show('noties sm.Logit(y, X).fit(method="newton", tol=1e-14) params', *m.params)
show('noties bse', *m.bse)
show('noties llf', m.llf)

# 2. Ties as half a win each: the same design with frequency weights 1/2 on a win row and a loss row per tie.
X2, y2, w2 = [], [], []
for _, f, s, r in ties:
    pts = {'FIRST': 1.0, 'SECOND': 0.0, 'TIE': 0.5}[r]
    if pts > 0: X2.append(design(f, s)); y2.append(1); w2.append(pts)
    if pts < 1: X2.append(design(f, s)); y2.append(0); w2.append(1 - pts)
g = sm.GLM(np.array(y2), np.array(X2), family=sm.families.Binomial(), freq_weights=np.array(w2)).fit(tol=1e-14)
show('half sm.GLM(y, X, family=Binomial(), freq_weights=w).fit(tol=1e-14) params', *g.params)
show('half bse', *g.bse)
show('half llf', g.llf)

# 3. Davidson as a conditional logit: one group per game, alternatives first / second / tie, the chosen one y = 1.
def alternatives(f, s):
    first, second = np.zeros(K + 1), np.zeros(K + 1)
    if f: first[f - 1] = 1
    first[3] = 1
    if s: second[s - 1] = 1
    tie = (first + second) / 2; tie[4] = 1
    return first, second, tie
Xc, yc, gc = [], [], []
for n, (_, f, s, r) in enumerate(ties):
    for a, alt in enumerate(alternatives(f, s)):
        Xc.append(alt); yc.append(1 if ['FIRST', 'SECOND', 'TIE'][a] == r else 0); gc.append(n)
cl = ConditionalLogit(np.array(yc), np.array(Xc), groups=np.array(gc)).fit(method='newton', maxiter=100, disp=0)
show('davidson ConditionalLogit(y, X, groups=game).fit(method="newton") params', *cl.params)
show('davidson bse', *cl.bse)

# 4. Davidson by scipy.optimize: minimise the negative log-likelihood directly.
def nll(b):
    total = 0.0
    for _, f, s, r in ties:
        eta = np.array([a @ b for a in alternatives(f, s)])
        total -= eta[['FIRST', 'SECOND', 'TIE'].index(r)] - np.logaddexp.reduce(eta)
    return total
res = optimize.minimize(nll, np.zeros(K + 1), method='BFGS', options={'gtol': 1e-9})
res = optimize.minimize(nll, res.x, method='Nelder-Mead', options={'xatol': 1e-11, 'fatol': 1e-13, 'maxiter': 20000})
show('davidson optimize.minimize(nll, method="BFGS" then "Nelder-Mead") x', *res.x)
show('davidson llf', -res.fun)

# 5. TournamentPlan: the expected information of one round-robin case (each pair once, each order with prob. 1/2)
# at true scores (0, .2, .4, .6), position .3, tie rate .2 (Davidson nu = 2t/(1-t) = .5), from the derivative of
# the score of statsmodels' ConditionalLogit (it does not depend on the outcomes), then the cases a Bonferroni-level test needs.
from scipy.stats import norm
true = np.array([0.2, 0.4, 0.6, 0.3, np.log(0.5)])
Xp, yp, gp = [], [], []
for n, (f, s) in enumerate([(i, j) for i in range(K) for j in range(K) if i != j]):
    for a, alt in enumerate(alternatives(f, s)):
        Xp.append(alt); yp.append(1 if a == 0 else 0); gp.append(n)
cmod = ConditionalLogit(np.array(yp), np.array(Xp), groups=np.array(gp))
# central differences of the analytic score (statsmodels' own .hessian is numerical, good to ~1e-7 only)
eps = 1e-5
info = -np.array([(cmod.score(true + eps * e) - cmod.score(true - eps * e)) / (2 * eps) for e in np.eye(5)]) / 2
info = (info + info.T) / 2
cov = np.linalg.inv(info)[:3, :3]
full = np.zeros((4, 4)); full[1:, 1:] = cov
var = lambda a, b: full[a, a] + full[b, b] - 2 * full[a, b]
show('plan per-case var(s1-s0) var(s2-s1) var(s3-s2)', var(1, 0), var(2, 1), var(3, 2))
z = norm.ppf(1 - 0.05 / (2 * 6)) + norm.ppf(0.8)
show('plan cases = max ceil(z^2 var / 0.2^2), z = norm.ppf(1 - .05/12) + norm.ppf(.8)', max(np.ceil(z * z * var(a, a + 1) / 0.04) for a in range(3)))
rng = np.random.default_rng(5)
d = rng.multivariate_normal([0.2, 0.4, 0.6], cov / 100, size=400000)
show('plan P(best) at 100 cases, multivariate_normal Monte Carlo', np.mean((d[:, 2] > d[:, 1]) & (d[:, 2] > d[:, 0]) & (d[:, 2] > 0)))

# 6. TournamentGateTest: three candidates as good as the control (200 cases each, no ties). Under the global null any
# pass is the first Holm step, so the family-wise false-pass rate is 1 - (1 - q)^3 with q = P(Wilson lower bound at
# alpha/3 > .5); unadjusted, q at alpha. Wilson's discreteness puts q a little above alpha/6 (the gate's own test).
from statsmodels.stats.proportion import proportion_confint
from scipy.stats import binom
for a in (0.05 / 3, 0.05):
    w = min(w for w in range(201) if proportion_confint(w, 200, alpha=a, method='wilson')[0] > 0.5)
    q = binom.sf(w - 1, 200, 0.5)
    show(f'gate alpha={a:.5f}: smallest passing wins, q, 1 - (1 - q)^3', w, q, 1 - (1 - q) ** 3)
