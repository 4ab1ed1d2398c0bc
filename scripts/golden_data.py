#!/usr/bin/env python3
"""Golden values for SpikeEngine's data and metrics tests (docs/science.md §5).

Writes, under Tests/SpikeEngineTests/DataTests/Golden/:

metrics.txt
    Seeded float32 targets y and predictions p of several shapes, and, computed here in
    float64 with NumPy only (an oracle independent of the Swift code):
      r2            = 1 - sum((y - p)^2) / sum((y - mean(y))^2)            (global mean)
      rse_outputs   = sqrt(sum((p - y)^2)) / sqrt(sum((y - ybar_j)^2)),  y read as (N, H*C)
      rse_variates  = the same with y read as (N*H, C)
      mse, mae      = means of the squared / absolute errors
    plus accuracy cases (labels and class scores, arg-max per row).
    Format: blocks of "key value..." lines, a block starting with "case NAME", ending blank.

co2_interpolated.txt
    The co2 column of Sources/SpikeEngine/Resources/Datasets/co2_weekly.csv with its missing
    (empty) values filled by np.interp over the row index: "index value" per missing row.

sunspots_windows.txt
    sunspots windowed with window 12, horizon 6, split 0.7/0.1/0.2 (time steps cut first,
    rows round(0.7 T) and round(0.8 T)), z-score fitted on the training rows only (population
    std): the row ranges, window counts, the fitted mean and std, and the first test window's
    normalized inputs and targets.

Usage: .venv-tools/bin/python scripts/golden_data.py   (needs numpy)
"""
import csv
import pathlib

import numpy as np

ROOT = pathlib.Path(__file__).resolve().parent.parent
DATASETS = ROOT / "Sources/SpikeEngine/Resources/Datasets"
OUT = ROOT / "Tests/SpikeEngineTests/DataTests/Golden"


def numbers(values):
    return " ".join(repr(float(v)) for v in np.asarray(values).reshape(-1))


def regression_case(name, shape, rng, constant=False):
    y = rng.normal(3.0, 2.0, size=shape).astype(np.float32)
    if constant:
        y[...] = np.float32(1.5)
    p = (y + rng.normal(0.0, 0.7, size=shape)).astype(np.float32)
    yd, pd = y.astype(np.float64), p.astype(np.float64)
    lines = [f"case {name}", "shape " + " ".join(str(s) for s in shape),
             "target " + numbers(y), "prediction " + numbers(p)]
    residual = np.sum((yd - pd) ** 2)
    total = np.sum((yd - yd.mean()) ** 2)
    if total > 0:
        lines.append(f"r2 {float(1 - residual / total)!r}")
    n = shape[0]
    outputs = yd.reshape(n, -1) if len(shape) > 1 else yd.reshape(-1, 1)
    variates = yd.reshape(-1, shape[-1]) if len(shape) > 1 else yd.reshape(-1, 1)
    for label, table in (("rse_outputs", outputs), ("rse_variates", variates)):
        denominator = np.sqrt(np.sum((table - table.mean(axis=0)) ** 2))
        if denominator > 0:
            lines.append(f"{label} {float(np.sqrt(residual) / denominator)!r}")
    lines.append(f"mse {float(np.mean((yd - pd) ** 2))!r}")
    lines.append(f"mae {float(np.mean(np.abs(yd - pd)))!r}")
    return "\n".join(lines) + "\n"


def accuracy_case(name, count, classes, rng):
    labels = rng.integers(0, classes, size=count)
    scores = rng.normal(size=(count, classes)).astype(np.float32)
    # Make roughly two thirds right so the value is not trivially 0 or 1.
    right = rng.random(count) < 0.66
    scores[right, labels[right]] += 3
    accuracy = float(np.mean(np.argmax(scores, axis=1) == labels))
    return "\n".join([
        f"case {name}", f"shape {count} {classes}", "labels " + " ".join(str(int(v)) for v in labels),
        "scores " + numbers(scores), f"accuracy {accuracy!r}"]) + "\n"


def write_metrics():
    rng = np.random.default_rng(20241)
    blocks = [
        regression_case("vector", (17,), rng),
        regression_case("matrix", (9, 3), rng),
        regression_case("windows", (7, 4, 3), rng),
        regression_case("windows_one_variate", (11, 6, 1), rng),
        regression_case("constant_target", (5, 2, 2), rng, constant=True),
        accuracy_case("ten_classes", 40, 10, rng),
    ]
    (OUT / "metrics.txt").write_text("\n".join(blocks))


def read_column(path, column):
    with open(path, newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [row[column] for row in rows]


def write_co2():
    raw = read_column(DATASETS / "co2_weekly.csv", "co2")
    values = np.array([float(v) if v.strip() else np.nan for v in raw], dtype=np.float32).astype(np.float64)
    missing = np.flatnonzero(np.isnan(values))
    present = np.flatnonzero(~np.isnan(values))
    filled = np.interp(missing, present, values[present])
    lines = [f"count {len(missing)}", f"rows {len(values)}"]
    lines += [f"{int(i)} {float(np.float32(v))!r}" for i, v in zip(missing, filled)]
    (OUT / "co2_interpolated.txt").write_text("\n".join(lines) + "\n")


def write_sunspots_windows():
    raw = read_column(DATASETS / "sunspots.csv", "SUNACTIVITY")
    x = np.array([float(v) for v in raw], dtype=np.float32)
    total, window, horizon = len(x), 12, 6
    train_end = int(round(total * 0.7))
    valid_end = int(round(total * 0.8))
    train = x[:train_end].astype(np.float64)
    mean, std = train.mean(), train.std()
    scaled = ((x - np.float32(mean)) / np.float32(std)).astype(np.float32)
    span = window + horizon
    lines = [
        f"rows {total}", f"train 0 {train_end}", f"valid {train_end} {valid_end}", f"test {valid_end} {total}",
        f"windows {train_end - span + 1} {valid_end - train_end - span + 1} {total - valid_end - span + 1}",
        f"mean {float(np.float32(mean))!r}", f"std {float(np.float32(std))!r}",
        "test_input " + numbers(scaled[valid_end:valid_end + window]),
        "test_target " + numbers(scaled[valid_end + window:valid_end + span]),
    ]
    (OUT / "sunspots_windows.txt").write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    write_metrics()
    write_co2()
    write_sunspots_windows()
    print("wrote", ", ".join(sorted(p.name for p in OUT.iterdir())))
