"""Reference numbers for PlanSequentialTest and SequentialSimulationTest. Run: /usr/bin/python3 sequential.py (scipy 1.10.1)."""
from math import sqrt, ceil
from scipy import stats
z = stats.norm.ppf
p, t = 0.6, 0.2
sd0, sd1 = sqrt((1 - t) / 4), sqrt(p * (1 - p) - t / 4)
n = ((z(0.975) * sd0 + z(0.8) * sd1) / (p - 0.5)) ** 2
print('fixed n, win rate 0.6, tie 0.2:', repr(n), ceil(n))
print('max n with rpact inflation 1.019637:', repr(1.019637 * n), ceil(1.019637 * n))
