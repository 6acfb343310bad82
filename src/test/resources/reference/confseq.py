"""Reference for ConfidenceSequenceTest: Waudby-Smith & Ramdas (2024) predictable plug-in empirical-Bernstein CS,
Theorem 2, re-implemented in numpy independently of the Java accumulator. Run: /usr/bin/python3 confseq.py (numpy 1.24.2)."""
import numpy as np

def prpl_eb(x, alpha, c=0.5):
    x = np.asarray(x, float)
    n = len(x)
    t = np.arange(1, n + 1)
    mu_hat = (0.5 + np.cumsum(x)) / (t + 1)                     # mu_hat_t, t = 1..n
    sig2 = (0.25 + np.cumsum((x - mu_hat) ** 2)) / (t + 1)      # sigma^2_t
    sig2_prev = np.concatenate(([0.25], sig2[:-1]))             # sigma^2_{t-1}
    mu_prev = np.concatenate(([0.5], mu_hat[:-1]))              # mu_hat_{t-1}
    lam = np.minimum(np.sqrt(2 * np.log(2 / alpha) / (sig2_prev * t * np.log(1 + t))), c)
    v = 4 * (x - mu_prev) ** 2
    psi = (-np.log(1 - lam) - lam) / 4
    centre = np.cumsum(lam * x) / np.cumsum(lam)
    half = (np.log(2 / alpha) + np.cumsum(v * psi)) / np.cumsum(lam)
    lo = np.maximum.accumulate(np.maximum(centre - half, 0))
    hi = np.minimum.accumulate(np.minimum(centre + half, 1))
    return lo, hi

# the sequence in ConfidenceSequenceTest: 60 scores from a fixed pattern of wins (1), ties (0.5), losses (0)
pattern = [1, 0.5, 1, 0, 1, 1, 0.5, 0, 1, 1]
x = pattern * 6
lo, hi = prpl_eb(x, 0.05)
for t in (1, 10, 30, 60):
    print(f"t={t} lower={lo[t-1]!r} upper={hi[t-1]!r}")
