#!/usr/bin/env python3
"""Golden split boundaries for `windows(..., split=...)` (docs/science.md §5).

Writes Tests/SpikeEngineTests/DataTests/Golden/splits.txt, one block per case:

    case NAME                       the case's name
    steps window horizon            T, L, H
    cut                             windows (a SeqSNN split) or steps (Spike's time-step cut)
    fractions                       train valid test
    reference                       the SeqSNN data set whose split it is (cut windows only)
    train valid test                per part: windows, first window's first input row,
                                    last window's last target row

For `cut windows` the numbers come from SeqSNN's own `TSMSDataset` (read from the reference
checkout at run time, never copied): each case writes a ramp series (row r holds r) to a
temporary file (two equal columns: SeqSNN reads a one-column file as 1-D), builds the dataset once per part, and reads `len(ds)`, `ds[0]` and `ds[-1]`.
Its `_split` truncates with int(): train = int(W · train_ratio), test = int(W · test_ratio),
valid the rest, W = T − L − H + 1 windows. SeqSNN's package imports modules this script does
not need (utilsd's registry, time features for dated files), so those are stubbed.

For `cut steps` (Spike's default cut, not SeqSNN's), the boundaries follow the documented rule
in exact rational arithmetic: train rows 0 ..< round(aT), valid up to round((a+b)T), halves
rounded away from zero; each part then holds (rows − L − H + 1) windows.

Usage: /work/main/bench/.venv-seqsnn/bin/python scripts/golden_splits.py [--seqsnn /work/ref/SeqSNN]
(needs numpy, pandas and torch, which SeqSNN's dataset module imports).
"""
import argparse
import importlib.util
import pathlib
import sys
import tempfile
import types
from fractions import Fraction

import numpy as np

OUTPUT = pathlib.Path(__file__).resolve().parent.parent / "Tests/SpikeEngineTests/DataTests/Golden/splits.txt"

# SeqSNN's configurations (exp/forecast/dataset/*.yml): train_ratio, test_ratio.
REFERENCE = {"metr-la": (0.7, 0.1), "pems-bay": (0.7, 0.1), "solar": (0.6, 0.2), "electricity": (0.6, 0.2)}

# (T, L, H): the bundled stand-ins' lengths with SeqSNN's windows, and small awkward ones.
SHAPES = [(4032, 168, 24), (4032, 12, 6), (2000, 12, 6), (309, 12, 6), (100, 4, 2), (137, 5, 3), (1001, 7, 1)]
SPIKE_FRACTIONS = [(0.7, 0.1, 0.2), (0.7, 0.2, 0.1), (0.6, 0.2, 0.2), (0.5, 0.25, 0.25)]


def load_tsmsdataset(root):
    """SeqSNN's TSMSDataset class, loaded from its file with its unneeded imports stubbed."""
    config = types.ModuleType("utilsd.config")

    class Registry(type):
        def __new__(mcls, *args, **_):
            return super().__new__(mcls, *args[:3])

        def __init__(cls, *args, **_):
            super().__init__(*args[:3])

        def register_module(cls, *_, **__):
            return lambda registered: registered

    config.Registry = Registry
    sys.modules["utilsd"] = types.ModuleType("utilsd")
    sys.modules["utilsd.config"] = config
    package = types.ModuleType("seqsnn_dataset")
    package.__path__ = []
    sys.modules["seqsnn_dataset"] = package
    utils = types.ModuleType("seqsnn_dataset.utils")
    utils.time_features = lambda *args, **kwargs: None
    sys.modules["seqsnn_dataset.utils"] = utils
    path = pathlib.Path(root) / "SeqSNN/dataset/tsforecast.py"
    spec = importlib.util.spec_from_file_location("seqsnn_dataset.tsforecast", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.TSMSDataset


def reference_parts(dataset_class, directory, steps, window, horizon, train_ratio, test_ratio):
    path = pathlib.Path(directory) / f"ramp_{steps}.txt"
    np.savetxt(path, np.repeat(np.arange(steps).reshape(steps, 1), 2, axis=1), delimiter=",", fmt="%d")
    parts = []
    for name in ("train", "valid", "test"):
        ds = dataset_class(
            file=str(path), window=window, horizon=horizon, train_ratio=train_ratio, test_ratio=test_ratio,
            normalize=0, raw_label=True, dataset_name=name)
        first, _ = ds[0]
        _, last = ds[len(ds) - 1]
        parts.append((len(ds), int(first[0, 0]), int(last[-1])))
    return parts


def round_half_away(value):
    floor = value.numerator // value.denominator
    return floor + 1 if value - floor >= Fraction(1, 2) else floor


def spike_parts(steps, window, horizon, fractions):
    # Spike rounds the Float64 product T · a; Fraction(float) keeps that float's exact value.
    a, b, _ = fractions
    train_end = round_half_away(Fraction(steps * a))
    valid_end = max(train_end, min(steps, round_half_away(Fraction(steps * (a + b)))))
    span = window + horizon
    parts = []
    for start, end in ((0, train_end), (train_end, valid_end), (valid_end, steps)):
        count = end - start - span + 1
        parts.append((count, start, start + count - 1 + span - 1) if count >= 1 else (0, start, start))
    return parts


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seqsnn", default="/work/ref/SeqSNN", help="the SeqSNN checkout (read only)")
    args = parser.parse_args()
    sys.dont_write_bytecode = True
    dataset_class = load_tsmsdataset(args.seqsnn)
    blocks = []
    with tempfile.TemporaryDirectory() as directory:
        for steps, window, horizon in SHAPES:
            for name, (train_ratio, test_ratio) in REFERENCE.items():
                parts = reference_parts(dataset_class, directory, steps, window, horizon, train_ratio, test_ratio)
                fractions = (train_ratio, 1 - train_ratio - test_ratio, test_ratio)
                blocks.append(block(f"seqsnn_{name}_{steps}_{window}_{horizon}", steps, window, horizon, "windows",
                                    fractions, parts, name))
    for steps, window, horizon in SHAPES:
        for fractions in SPIKE_FRACTIONS:
            parts = spike_parts(steps, window, horizon, fractions)
            if any(count < 1 for count, _, _ in parts):
                continue
            label = "_".join(str(f) for f in fractions)
            blocks.append(block(f"spike_{label}_{steps}_{window}_{horizon}", steps, window, horizon, "steps",
                                fractions, parts, None))
    OUTPUT.write_text("\n\n".join(blocks) + "\n")
    print(f"wrote {OUTPUT}: {len(blocks)} cases")


def block(name, steps, window, horizon, cut, fractions, parts, reference):
    lines = [f"case {name}", f"steps {steps}", f"window {window}", f"horizon {horizon}", f"cut {cut}",
             "fractions " + " ".join(repr(float(f)) for f in fractions)]
    if reference:
        lines.append(f"reference {reference}")
    for part, (count, first, last) in zip(("train", "valid", "test"), parts):
        lines.append(f"{part} {count} {first} {last}")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
