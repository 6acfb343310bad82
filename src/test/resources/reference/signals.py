"""Reference values for SignalAnalysisTest. Run: /usr/bin/python3 signals.py > signals.out
Writes ../canary/events.jsonl (a seeded synthetic event log) and prints, per signal, the rates and the
session-clustered two-proportion comparison computed with statsmodels 0.13.5 (numpy 1.24.2):
  per-variant rate and 95% interval: sm.OLS(y_v, ones).fit(cov_type="cluster", cov_kwds={"groups": session}, use_t=False)
  difference treatment - control:    sm.OLS(y, [1, treated]).fit(cov_type="cluster", cov_kwds={"groups": session}, use_t=False)
  (linear probability model with cluster-robust sandwich SE, small-sample factor G/(G-1)*(N-1)/(N-K); normal p-value)
  BH across signals:                 multipletests(p, method="fdr_bh")[1]
"""
import json
import numpy as np
import statsmodels.api as sm
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.proportion import proportions_ztest

SIGNALS = ["rephrased_query", "immediate_retry", "session_abandoned", "follow_up_question", "task_completed"]
P = {"control":   [0.12, 0.06, 0.10, 0.15, 0.45],
     "treatment": [0.08, 0.05, 0.10, 0.15, 0.53]}
rng = np.random.default_rng(20)
events = []
t0 = 1777593600  # 2026-05-01T00:00:00Z
for s in range(400):
    variant = "treatment" if s % 2 else "control"
    session_effect = rng.normal(0, 0.8)  # sessions differ: turns within a session are correlated
    start = t0 + int(rng.uniform(0, 3 * 86400))
    for turn in range(1, int(rng.integers(1, 7)) + 1):
        ts = start + 60 * turn
        fired = False
        for k, sig in enumerate(SIGNALS):
            p = P[variant][k]
            logit = np.log(p / (1 - p)) + session_effect * (1 if sig != "task_completed" else -1)
            if rng.uniform() < 1 / (1 + np.exp(-logit)):
                events.append({"session_id": f"s{s}", "turn_id": f"t{turn}", "experiment_id": "exp-1", "variant": variant,
                               "model": "m-" + variant, "signal": sig,
                               "timestamp": np.datetime_as_string(np.datetime64(ts + k, "s")) + "Z"})
                fired = True
        if not fired:
            events.append({"session_id": f"s{s}", "turn_id": f"t{turn}", "experiment_id": "exp-1", "variant": variant,
                           "model": "m-" + variant, "signal": "served",
                           "timestamp": np.datetime_as_string(np.datetime64(ts, "s")) + "Z"})
with open("../canary/events.jsonl", "w") as f:
    for e in events:
        f.write(json.dumps(e) + "\n")

turns = {}
for e in events:
    key = (e["session_id"], e["turn_id"])
    t = turns.setdefault(key, {"variant": e["variant"], "signals": set()})
    t["signals"].add(e["signal"])
keys = sorted(turns)
variant = np.array([turns[k]["variant"] for k in keys])
groups = np.array([int(k[0][1:]) for k in keys])
treated = (variant == "treatment").astype(float)
print("turns", len(keys), "control", int((treated == 0).sum()), "treatment", int(treated.sum()), "events", len(events))
ps = []
for sig in SIGNALS:
    y = np.array([1.0 if sig in turns[k]["signals"] else 0.0 for k in keys])
    for v in ("control", "treatment"):
        m = variant == v
        f = sm.OLS(y[m], np.ones(m.sum())).fit(cov_type="cluster", cov_kwds={"groups": groups[m]}, use_t=False)
        lo, hi = f.conf_int(alpha=0.05)[0]
        print("rate", sig, v, int(y[m].sum()), int(m.sum()), repr(float(f.params[0])), repr(float(f.bse[0])), repr(float(lo)), repr(float(hi)))
    X = np.column_stack([np.ones(len(y)), treated])
    f = sm.OLS(y, X).fit(cov_type="cluster", cov_kwds={"groups": groups}, use_t=False)
    lo, hi = f.conf_int(alpha=0.05)[1]
    naive = proportions_ztest([y[treated == 1].sum(), y[treated == 0].sum()], [treated.sum(), (1 - treated).sum()])[1]
    print("diff", sig, repr(float(f.params[1])), repr(float(f.bse[1])), repr(float(f.tvalues[1])), repr(float(f.pvalues[1])),
          repr(float(lo)), repr(float(hi)), "naive_p", repr(float(naive)))
    ps.append(f.pvalues[1])
print("bh", *[repr(float(x)) for x in multipletests(ps, method="fdr_bh")[1]])
