#!/usr/bin/env python3
"""Writes the SciPy/NumPy oracle of the statistics tests (Tests/SpikeEngineTests/StatisticsTests)
to Tests/SpikeEngineTests/Golden/statistics.json: per-arm summaries (mean, 95% Student-t
interval, median), Wilcoxon signed-rank p-values, the seeded percentile bootstrap (its resamples
recomputed here from the same SplitMix64 stream, plus scipy.stats.bootstrap's interval as a
loose check of the method), the noncentral t CDF, paired t-test power and seed counts, and
normal quantiles.

Needs numpy and scipy (any Python with them, e.g. /work/main/bench/.venv-seqsnn):
    python3 scripts/golden_stats.py
"""
import json
import math
import pathlib

import numpy as np
from scipy import stats

OUT = pathlib.Path(__file__).resolve().parent.parent / "Tests/SpikeEngineTests/Golden/statistics.json"
MASK = (1 << 64) - 1


def splitmix_units(seed):
    """The uniform doubles SeededGenerator(seed:).nextUnit() returns, in order."""
    state = seed
    while True:
        state = (state + 0x9E3779B97F4A7C15) & MASK
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        z = z ^ (z >> 31)
        yield float(z >> 11) * 2.0**-53


def bootstrap(d, resamples, seed):
    units = splitmix_units(seed)
    n = len(d)
    means = []
    for _ in range(resamples):
        total = 0.0
        for _ in range(n):
            total += d[min(n - 1, int(next(units) * float(n)))]
        means.append(total / n)
    means = np.array(means)
    low, high = np.percentile(means, [2.5, 97.5])
    below = int(np.sum(means <= 0))
    above = int(np.sum(means >= 0))
    p = min(1.0, 2 * (min(below, above) + 1) / (resamples + 1))
    ref = stats.bootstrap((np.array(d),), np.mean, n_resamples=resamples, method="percentile", rng=seed).confidence_interval
    return dict(differences=d, resamples=resamples, seed=seed, low=float(low), high=float(high), p=p,
                scipyLow=float(ref.low), scipyHigh=float(ref.high))


def summary(x):
    x = np.array(x, dtype=float)
    n = len(x)
    mean = float(np.mean(x))
    low, high = stats.t.interval(0.95, n - 1, loc=mean, scale=stats.sem(x))
    return dict(samples=x.tolist(), mean=mean, std=float(np.std(x, ddof=1)), low=float(low), high=float(high),
                median=float(np.median(x)))


def wilcoxon(d):
    r = stats.wilcoxon(d)
    return dict(differences=[float(v) for v in d], statistic=float(r.statistic), p=float(r.pvalue))


def power(n, std, effect, alpha):
    df = n - 1
    nc = effect * math.sqrt(n) / std
    c = stats.t.ppf(1 - alpha / 2, df)
    return float(stats.nct.sf(c, df, nc) + stats.nct.cdf(-c, df, nc))


def seeds_needed(std, effect, target, alpha):
    n = 2
    while power(n, std, effect, alpha) < target:
        n += 1
    z = stats.norm.ppf(1 - alpha / 2) + stats.norm.ppf(target)
    normal = max(2, math.ceil((z * std / abs(effect)) ** 2))
    return dict(std=std, effect=effect, alpha=alpha, target=target, seeds=n,
                achieved=power(n, std, effect, alpha), below=power(n - 1, std, effect, alpha) if n > 2 else None,
                normal=normal)


sines = [0.025 + 0.01 * math.sin(k) for k in range(48)]
rng = np.random.default_rng(14)
noisy = [float(v) for v in rng.normal(0.02, 0.05, 60)]

golden = dict(
    summaries=[summary(x) for x in (
        [0.71, 0.74, 0.69, 0.73],
        [0.5, -0.25],
        [1, 2, 3, 4, 5, 6, 7, 8, 9, 10.5],
        [0.8123, 0.8099, 0.7711, 0.8342, 0.1234],
        sines,
    )],
    wilcoxon=[wilcoxon(d) for d in (
        [0.01, 0.03, -0.005, 0.02],                 # exact
        [0.3, -0.1, 0.25, 0.4, -0.05, 0.2, 0.15, 0.35, 0.12, 0.22],  # exact
        sines[:20] + [-0.02, -0.031],               # exact, n = 22
        [0.1, -0.1, 0.2, 0.2, 0.3, -0.05],          # ties, n <= 13: permutation
        [0.0, 0.1, 0.2, -0.3, 0.15, 0.25, 0.05],    # a zero, n <= 13: permutation
        noisy,                                      # n > 50: normal
        [round(v, 2) for v in noisy[:30]],          # ties, 13 < n <= 50: normal with tie correction
    )],
    bootstrap=[bootstrap(d, b, s) for d, b, s in (
        ([0.01, 0.03, -0.005, 0.02, 0.015, -0.01, 0.04, 0.022], 10000, 0),
        (sines, 2000, 7),
        (noisy[:20], 10000, 3),
    )],
    nct=[dict(t=t, df=df, nc=nc, cdf=float(stats.nct.cdf(t, df, nc))) for t, df, nc in (
        (2.0, 5, 1.0), (-1.5, 3, 0.5), (2.0117, 47, 3.46), (-2.0117, 47, 3.46), (1.0, 10, -2.0),
        (0.0, 4, 0.0), (3.5, 20, 6.0), (12.7, 1, 2.0), (2.5, 200, 25.0), (-0.3, 7, -0.8),
        (12.7, 1, 40.0), (30.0, 3, 25.0), (-2.0, 10, -35.0), (50.0, 30, 45.0),
    )],
    power=[seeds_needed(std, effect, target, alpha) for std, effect, target, alpha in (
        (0.043, 0.025, 0.8, 0.05), (0.06, 0.025, 0.8, 0.05), (1.0, 0.5, 0.9, 0.05), (0.02, -0.025, 0.8, 0.01),
        (1.0, 2.5, 0.8, 0.05), (1.0, 0.1, 0.8, 0.05),
    )],
    normal=[dict(p=p, x=float(stats.norm.ppf(p))) for p in (0.5, 0.8, 0.975, 0.995, 1e-6, 0.1)],
)
OUT.write_text(json.dumps(golden, indent=1) + "\n")
print(f"wrote {OUT}")
