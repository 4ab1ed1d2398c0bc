#!/usr/bin/env python3
"""Prints the SciPy oracle of PairedDifferenceTests (Tests/SpikeEngineTests/StatisticsTests):
scipy.stats.ttest_1samp on fixed differences (mean, 95% confidence interval, t, two-sided p)
and Student-t quantiles. Needs scipy (not in the project's venv: any Python with scipy).
Run: python3 scripts/golden_paired.py
"""
from scipy import stats
import numpy as np

CASES = [
    [0.01, 0.03, -0.005, 0.02],
    [-0.04178272980501385, 0.06128133704735372, 0.07242339832869082],
    [1, 2, 3, 4, 5, 6, 7, 8, 9, 10.5],
    [0.5, -0.25],
    [0.025 + 0.01 * np.sin(k) for k in range(48)],
]

for d in CASES:
    r = stats.ttest_1samp(d, 0.0)
    ci = r.confidence_interval(0.95)
    values = ", ".join(repr(float(v)) for v in d)
    print(f"([{values}], {float(np.mean(d))!r}, {float(ci.low)!r}, {float(ci.high)!r}, {float(r.statistic)!r}, {float(r.pvalue)!r}),")
for freedom in (1, 2, 5, 47, 1000):
    print(f"({freedom}, {float(stats.t.ppf(0.975, freedom))!r}),")
