"""Reference values for PredictionPoweredTest and ActivePpiTest (issue 17).
Run: /usr/bin/python3 ppi.py > ppi.out   (numpy 1.24.2, scipy 1.10.1, statsmodels 0.13.5)

ppi_py (Angelopoulos et al.) is not installable here (no PyPI), so ppi_mean_pointestimate and
ppi_mean_ci below are written out with the same formulas as ppi_py 0.2 (ppi_py/ppi.py and
_calc_lam_glm in ppi_py/utils/statistics_utils.py, unweighted, d = 1, lam_optim_mode="overall"):
  lam   = clip( cov_n(Y, Yhat) * 2 / (2 * (1 + n/N) * var_ddof1(concat(Yhat, Yhat_unlabeled))), 0, 1)
  theta = mean(lam * Yhat_unlabeled) + mean(Y - lam * Yhat)
  se    = sqrt( std0(lam * Yhat_unlabeled)^2 / N + std0(Y - lam * Yhat)^2 / n )
  ci    = statsmodels _zconfint_generic(theta, se, alpha, "two-sided")
The active (inverse-probability-weighted) estimator is Zrnic & Candes (2024), "Active Statistical
Inference", mean estimation: every case i of N has judge score f_i, is labelled with known
probability pi_i (xi_i = 1 when labelled) and
  Z_i(lam) = lam * f_i + (Y_i - lam * f_i) * xi_i / pi_i,  theta = mean(Z),  se = std0(Z) / sqrt(N)
with lam = clip(-cov(a, b) / var(b), 0, 1) for a_i = Y_i xi_i / pi_i, b_i = f_i (1 - xi_i / pi_i)
(the minimiser of the plug-in variance of Z; cov and var with ddof 0).
The datasets come from the same integer formulas as the Java tests.

Issue 17 follow-up, two changes to the intervals (theta and se of PPI++ stay ppi_py's):
* skew_ci: Hall (1992, JRSS B 54:221, "On the removal of skewness by transformation") for the studentized
  estimator T = (theta_hat - theta)/se with standardised third cumulant G = k3(theta_hat)/se^3:
  g(T) = T + a T^2 + a^2 T^3 / 3 + b, a = G/3, b = G/6, interval [theta - se*ginv(z), theta - se*ginv(-z)],
  ginv(x) = (cbrt(1 + 3a(x - b)) - 1)/a; then each bound moved out to theta -/+ z*se when that is further.
  PPI++: k3 = lam^3 m3(Yhat_unlabeled)/N^2 + m3(Y - lam*Yhat)/n^2 (m3: third central moment, divisor n).
  Active: k3 = m3(Z)/N^2, i.e. G = skew(Z)/sqrt(N).
* active: Z_i = lam f_i + K pi_i + (Y_i - lam f_i - K pi_i) xi_i/pi_i, (lam, K) least squares minimising
  var(a + lam b + K c), c_i = pi_i - xi_i (lam clipped to [0, 1], K refitted for the clipped lam); with
  lam given, K = -cov(a + lam b, c)/var(c).
"""
import numpy as np
from scipy.stats import norm
from statsmodels.stats.weightstats import _zconfint_generic

def m3(x):
    return float(((x - x.mean()) ** 3).mean())

def skew_ci(theta, se, G, alpha):
    lo_z, hi_z = _zconfint_generic(theta, se, alpha, 'two-sided')  # theta -/+ z*se
    if not se > 0:
        return max(0.0, min(1.0, lo_z)), min(1.0, max(0.0, hi_z))
    z = norm.ppf(1 - alpha / 2)
    a, b = G / 3, G / 6
    ginv = (lambda x: x - b) if abs(a) < 1e-12 else (lambda x: (np.cbrt(1 + 3 * a * (x - b)) - 1) / a)
    lo, hi = min(theta - se * ginv(z), lo_z), max(theta - se * ginv(-z), hi_z)
    return max(0.0, min(1.0, lo)), min(1.0, max(0.0, hi))

def show(label, *v):
    print(label, ' '.join(repr(float(x)) for x in v))

def calc_lam(Y, Yhat, Yhat_unlabeled):  # _calc_lam_glm(grads, grads_hat, grads_hat_unlabeled, eye(1), clip=True)
    n, N = len(Y), len(Yhat_unlabeled)
    gc, ghc = Y - Y.mean(), Yhat - Yhat.mean()
    cov = (1 / n) * (gc @ ghc + ghc @ gc)
    var = np.cov(np.concatenate([Yhat, Yhat_unlabeled]))
    return float(np.clip(cov / (2 * (1 + n / N) * var), 0, 1))

def ppi_mean_pointestimate(Y, Yhat, Yhat_unlabeled, lam=None):
    if lam is None:
        lam = calc_lam(Y, Yhat, Yhat_unlabeled)
    return (lam * Yhat_unlabeled).mean() + (Y - lam * Yhat).mean()

def ppi_mean_ci(Y, Yhat, Yhat_unlabeled, alpha=0.1, lam=None):
    if lam is None:
        lam = calc_lam(Y, Yhat, Yhat_unlabeled)
    n, N = len(Y), len(Yhat_unlabeled)
    theta = ppi_mean_pointestimate(Y, Yhat, Yhat_unlabeled, lam)
    se = np.sqrt((lam * Yhat_unlabeled).std() ** 2 / N + (Y - lam * Yhat).std() ** 2 / n)
    k3 = lam ** 3 * m3(Yhat_unlabeled) / N ** 2 + m3(Y - lam * Yhat) / n ** 2
    lo, hi = skew_ci(theta, se, k3 / se ** 3 if se > 0 else 0.0, alpha)
    return theta, se, lo, hi, lam

def active_mean_ci(f, Y, pi, xi, alpha=0.1, lam=None):
    w = xi / pi
    a, b, c = np.where(xi, Y, 0) * w, f * (1 - w), pi - xi
    if lam is None:
        S = np.cov(np.vstack([a, b, c]), ddof=0)
        lam = np.linalg.solve(S[1:, 1:], -S[0, 1:])[0]  # least squares (lam, K)
        lam = float(np.clip(lam, 0, 1))
    Z = a + lam * b
    K = -np.cov(Z, c, ddof=0)[0, 1] / c.var()
    Z = Z + K * c
    theta, se = Z.mean(), Z.std() / np.sqrt(len(Z))
    lo, hi = skew_ci(theta, se, m3(Z) / Z.std() ** 3 / np.sqrt(len(Z)), alpha)
    return theta, se, lo, hi, lam

SCORES = np.array([0.0, 0.5, 1.0])
def human(i):  # same formula as PpiFixtures.human
    k = (i * i * 7 + i * 37 + 11) % 101 % 10
    return 0.0 if k < 4 else 0.5 if k < 6 else 1.0
def judge(i):  # same formula as PpiFixtures.judge: agrees 70%, says B 20%, tie 10%
    k = (i * i * 3 + i * 13 + 5) % 89 % 10
    return human(i) if k < 7 else 1.0 if k < 9 else 0.5
def judge_votes(i):  # PpiFixtures.judgeMean: the mean of 4 votes, continuous in [0, 1]
    return np.mean([judge(i + 1000 * v) for v in range(4)])

print('# classic PPI++: labelled cases 0..n-1, unlabelled n..n+N-1 (ppi_mean_ci / ppi_mean_pointestimate formulas)')
for n, N, pred, alpha in [(40, 200, 'judge', 0.05), (40, 200, 'judge', 0.1), (25, 500, 'votes', 0.05), (100, 100, 'votes', 0.05)]:
    p = judge if pred == 'judge' else judge_votes
    Y = np.array([human(i) for i in range(n)])
    Yhat = np.array([p(i) for i in range(n)])
    Yu = np.array([p(i) for i in range(n, n + N)])
    show(f'ppi n={n} N={N} pred={pred} alpha={alpha} theta se lo hi lam', *ppi_mean_ci(Y, Yhat, Yu, alpha))
    show(f'ppi n={n} N={N} pred={pred} alpha={alpha} lam=1 theta se lo hi', *ppi_mean_ci(Y, Yhat, Yu, alpha, lam=1.0)[:4])
    show(f'ppi n={n} N={N} pred={pred} alpha={alpha} lam=0 theta se lo hi', *ppi_mean_ci(Y, Yhat, Yu, alpha, lam=0.0)[:4])
    show(f'ppi n={n} N={N} pred={pred} alpha={alpha} plain z interval lo hi', *_zconfint_generic(*ppi_mean_ci(Y, Yhat, Yu, alpha)[:2], alpha, 'two-sided'))
    show(f'ppi n={n} N={N} pred={pred} judge-only mean std0/sqrt(n+N)', np.concatenate([Yhat, Yu]).mean(),
         np.concatenate([Yhat, Yu]).std() / np.sqrt(n + N))

print('# clipping: a judge that contradicts the human (1 - human) gets lam = 0')
Y = np.array([human(i) for i in range(30)])
show('ppi contrarian n=30 N=90 theta se lo hi lam', *ppi_mean_ci(Y, 1 - Y, np.array([1 - human(i) for i in range(30, 120)]), 0.05))

print('# active: N cases, pi_i = 0.05 + 0.25 * ((i * 17) % 7) / 6, labelled when u_i = ((i*53+17) % 1000)/1000 < pi_i')
for N, alpha in [(300, 0.05), (300, 0.1), (800, 0.05)]:
    i = np.arange(N)
    f = np.array([judge(k) for k in i])
    Y = np.array([human(k) for k in i])
    pi = 0.05 + 0.25 * ((i * 17) % 7) / 6
    xi = ((i * 53 + 17) % 1000) / 1000 < pi
    show(f'active N={N} alpha={alpha} labelled', xi.sum())
    show(f'active N={N} alpha={alpha} theta se lo hi lam', *active_mean_ci(f, Y, pi, xi, alpha))
    show(f'active N={N} alpha={alpha} lam=0 theta se lo hi', *active_mean_ci(f, Y, pi, xi, alpha, lam=0.0)[:4])
    show(f'active N={N} alpha={alpha} lam=1 theta se lo hi', *active_mean_ci(f, Y, pi, xi, alpha, lam=1.0)[:4])

print('# exactly n drawn (sum of pi = 30 over N = 200, labelled: the 30 cases with the smallest ((i*71+3) % 200) / 200 / pi_i)')
i = np.arange(200)
f = np.array([judge(k) for k in i]); Y = np.array([human(k) for k in i])
pi = 0.05 + 0.2 * ((i * 17) % 7) / 6
pi = pi * 30 / pi.sum()
xi = np.zeros(200, bool); xi[np.argsort(((i * 71 + 3) % 200) / 200 / pi, kind='stable')[:30]] = True
show('exact N=200 n=30 sum(pi)', pi.sum())
show('exact N=200 n=30 alpha=0.05 theta se lo hi lam', *active_mean_ci(f, Y, pi, xi, 0.05))
show('exact N=200 n=30 alpha=0.05 lam=0 theta se lo hi', *active_mean_ci(f, Y, pi, xi, 0.05, lam=0.0)[:4])
show('exact N=200 n=30 lam=0 horvitz-thompson mean(Y xi / pi)', (np.where(xi, Y, 0) / pi).mean())
