"""Reference values for the judge-side tests (JudgePanelAnalysisTest, CalibrationTest).

Run with Debian's python3-sklearn 1.2.1 and python3-statsmodels 0.13.5:  /usr/bin/python3 judges.py
"""
import numpy as np
from sklearn.metrics import cohen_kappa_score
from statsmodels.stats.inter_rater import cohens_kappa, fleiss_kappa, aggregate_raters
from statsmodels.stats.proportion import proportion_confint

CATS = ["A", "B", "tie"]


def table(y1, y2):
    t = np.zeros((3, 3))
    for a, b in zip(y1, y2):
        t[CATS.index(a), CATS.index(b)] += 1
    return t


# JudgePanelAnalysisTest.twoJudges
pairs = ([("A", "A")] * 4 + [("B", "B")] * 10 + [("tie", "tie")] * 2 + [("A", "B")] + [("B", "A")] * 2
         + [("B", "tie")] * 3 + [("tie", "B")] + [("A", "tie")])
y1, y2 = [p[0] for p in pairs], [p[1] for p in pairs]
print("panel cohen_kappa_score", cohen_kappa_score(y1, y2))
r = cohens_kappa(table(y1, y2))
print("panel cohens_kappa", r.kappa, r.std_kappa, r.kappa_low, r.kappa_upp)
print("j1 wilson", proportion_confint(16.5, 24, alpha=0.05, method="wilson"))

# JudgePanelAnalysisTest.fleissKappaForThreeJudgesMatchesStatsmodels
rows = ([("A", "A", "A")] * 3 + [("B", "B", "B")] * 6 + [("B", "B", "A")] * 2 + [("tie", "B", "B")] * 2
        + [("A", "tie", "B")] + [("tie", "tie", "tie")] + [("A", "A", "tie")])
data = np.array([[CATS.index(x) for x in r] for r in rows])
print("fleiss_kappa", fleiss_kappa(aggregate_raters(data, n_cat=3)[0], method="fleiss"))

# CalibrationTest: human labels vs the judge on 8 cases (6 match)
human = ["B", "B", "B", "A", "A", "tie", "A", "B"]
judge = ["B", "B", "B", "A", "A", "tie", "B", "A"]
print("calibration cohen_kappa_score", cohen_kappa_score(human, judge))
r = cohens_kappa(table(human, judge))
print("calibration cohens_kappa", r.kappa, r.std_kappa, r.kappa_low, r.kappa_upp)

# JudgePanelAnalysisTest.fleissKappaForThreeJudgesMatchesStatsmodels: pairwise Cohen's kappa;
# outcome "x" (j3 unparseable) counts for the pair j1-j2 only.
j1 = [r[0] for r in rows] + ["B"]
j2 = [r[1] for r in rows] + ["B"]
j3 = [r[2] for r in rows]
print("pairwise j1-j2", cohen_kappa_score(j1, j2))
print("pairwise j1-j3", cohen_kappa_score(j1[:-1], j3))
print("pairwise j2-j3", cohen_kappa_score(j2[:-1], j3))

# JudgePanelAnalysisTest: the instability warning fires when the Wilson upper bound of stable pairs is below 0.8.
# Same numbers as statsmodels' proportion_confint(k, n, 0.05, "wilson"); checked with scipy 1.17.1's
# binomtest(k, n).proportion_ci(0.95, "wilson"): 36/60 0.7143, 43/50 0.9305, 35/50 0.8090, 33/50 0.7756, 3/5 0.8824.
for k, n in [(36, 60), (43, 50), (35, 50), (33, 50), (3, 5)]:
    print("wilson upper", k, n, proportion_confint(k, n, 0.05, method="wilson")[1])

# VerbosityAnalysisTest: "follows length" when the Wilson lower bound of the longer answer's wins reaches 0.9.
for k in (188, 189):
    print("wilson lower", k, 200, proportion_confint(k, 200, 0.05, method="wilson")[0])
