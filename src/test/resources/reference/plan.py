"""Reference values for PlanCommandTest. Run: /usr/bin/python3 plan.py (numpy 1.24.2, scipy 1.10.1)."""
import numpy as np
from scipy import stats
d = np.array([1, 0, 2, 1, -1, 1, 0, 1, 2, 1], float)  # per-case B - A on "accuracy" in PlanCommandTest
sd = d.std(ddof=1)
print('np.std(d, ddof=1)', repr(sd), 'mean', repr(d.mean()))
z = stats.norm.ppf
n = ((z(0.975) + z(0.8)) * sd / 0.5) ** 2 + z(0.975) ** 2 / 2
print('paired n for mde 0.5 (normal + Guenther z^2/2)', repr(n), int(np.ceil(n)))
