#!/usr/bin/env python3
"""Runs the pre-registered CPG-PE reproduction (notebooks/reproduction.ipynb) end to end.

1. A pilot sweep (seeds 1000.., the four multivariate settings) of notebooks/reproduction.spk.
2. The seed count from the pilot: the paired differences CPG-PE − sinusoidal of the primary
   endpoint, their standard deviation s, and n = ⌈((z₀.₉₇₅ + z₀.₈) s / δ)² + z₀.₉₇₅² / 2⌉ seeds
   (80% power for δ = 0.025 at two-sided α = 0.05; the normal formula with Guenther's
   correction for the t-test), kept between --min-seeds and --max-seeds (the compute budget).
   The notebook repeats this computation and states both numbers.
3. The main sweep (seeds 0..n, every setting, electricity too) with `spike sweep`, resumable.
4. The notebook executed over both sweeps' results through the Spike kernel.

    make reproduce                   # full size: outputs into notebooks/reproduction/, the
                                     # executed notebook written back over notebooks/reproduction.ipynb
    scripts/reproduce.py --reduced --out .build/reproduce-reduced   # what CI runs: a few seeds,
                                     # few epochs; the executed copy goes to OUT, the source is untouched

Needs SPIKE_BIN (the release binary) and a Jupyter path holding the `spike` kernelspec, as the
Makefile's TEST_ENV gives. Exit status 1 if a sweep or a notebook cell failed.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import nbformat.v4
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "Tests" / "Notebooks"))
from nbcompare import stable_copy  # noqa: E402
from run_notebooks import cell_problems  # noqa: E402

SCRIPT = ROOT / "notebooks" / "reproduction.spk"
NOTEBOOK = ROOT / "notebooks" / "reproduction.ipynb"
ARMS = "none,sinusoidal,cpg"
Z_ALPHA, Z_POWER, EFFECT = 1.959963984540054, 0.8416212335729143, 0.025
PILOT_FIRST_SEED = 1000


def sweep(spike: str, out: Path, seeds: range, epochs: int, electricity: bool, workers: int) -> None:
    """`spike sweep` of the reproduction script; raises if the sweep fails or is cut short."""
    command = [spike, "sweep", str(SCRIPT), f"seed={seeds.start}..{seeds.stop}", f"pe={ARMS}",
               f"epochs={epochs}", f"electricity={'true' if electricity else 'false'}",
               "--out", str(out), "--workers", str(workers)]
    print("$", " ".join(command), flush=True)
    subprocess.run(command, check=True)


def seeds_needed(pilot: Path) -> tuple[int, float]:
    """(n, s): the seeds for 80% power on the primary endpoint, from the pilot's paired differences."""
    by_seed: dict[int, dict[str, float]] = {}
    for line in (pilot / "sweep.jsonl").read_text().splitlines():
        record = json.loads(line)
        if record.get("status") == "ok" and record["result"].get("r2") is not None:
            by_seed.setdefault(record["params"]["seed"], {})[str(record["params"]["pe"])] = record["result"]["r2"]
    differences = [arms["cpg"] - arms["sinusoidal"] for arms in by_seed.values()
                   if "cpg" in arms and "sinusoidal" in arms]
    if len(differences) < 2:
        raise SystemExit(f"the pilot in {pilot} has {len(differences)} paired seeds; 2 or more are needed")
    s = statistics.stdev(differences)
    n = math.ceil(((Z_ALPHA + Z_POWER) * s / EFFECT) ** 2 + Z_ALPHA ** 2 / 2)
    return n, s


def execute(notebook: Path, parameters: dict[str, object], timeout: int) -> tuple[nbformat.NotebookNode, list[str]]:
    """The notebook executed in notebooks/ with `parameters` injected after its parameters cell."""
    nb = nbformat.read(notebook, as_version=4)
    if parameters:
        # As papermill does: a cell tagged injected-parameters after the one tagged parameters,
        # written in Spike by the companion package's translator.
        from papermill.translators import translate_parameters
        source = translate_parameters("spike", "spike", parameters, "Parameters")
        at = next(i for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", []))
        nb.cells.insert(at + 1, nbformat.v4.new_code_cell(source, metadata={"tags": ["injected-parameters"]}))
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    client = NotebookClient(nb, kernel_name="spike", timeout=timeout, allow_errors=True, record_timing=False,
                            resources={"metadata": {"path": str(notebook.parent)}})
    client.execute()
    return nb, cell_problems(nb, allow_stderr=False)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, required=True, help="folder for the pilot/ and main/ sweeps")
    ap.add_argument("--reduced", action="store_true",
                    help="CI size: 2 pilot and 2 main seeds, 1 epoch; the notebook is executed, not written back")
    ap.add_argument("--epochs", type=int, default=20)
    ap.add_argument("--pilot-seeds", type=int, default=6)
    ap.add_argument("--min-seeds", type=int, default=10)
    ap.add_argument("--max-seeds", type=int, default=48,
                    help="the compute budget: at most this many main seeds, whatever the pilot asks")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--timeout", type=int, default=600, help="seconds per notebook cell")
    ap.add_argument("--analyze-only", action="store_true",
                    help="run no sweep: execute the notebook over the results already in OUT")
    args = ap.parse_args()
    if args.reduced:
        args.epochs, args.pilot_seeds, args.min_seeds, args.max_seeds = 1, 2, 2, 2
    spike = os.environ.get("SPIKE_BIN", "spike")
    out = args.out.resolve()
    if args.reduced:  # a check that it executes: from scratch every time, never resumed
        shutil.rmtree(out, ignore_errors=True)
    started = time.perf_counter()

    if not args.analyze_only:
        sweep(spike, out / "pilot", range(PILOT_FIRST_SEED, PILOT_FIRST_SEED + args.pilot_seeds),
              args.epochs, electricity=False, workers=args.workers)
        needed, spread = seeds_needed(out / "pilot")
        seeds = max(args.min_seeds, min(needed, args.max_seeds))
        print(f"pilot: sd of the paired differences {spread:.4f}; 80% power for +{EFFECT} needs {needed} seeds; "
              f"running {seeds} (between {args.min_seeds} and {args.max_seeds})", flush=True)
        sweep(spike, out / "main", range(0, seeds), args.epochs, electricity=True, workers=args.workers)
    swept = time.perf_counter() - started

    results = os.path.relpath(out, NOTEBOOK.parent)
    parameters = {"results": results, "epochs": args.epochs, "min_seeds": args.min_seeds,
                  "max_seeds": args.max_seeds}
    defaults = {"results": "reproduction", "epochs": 20, "min_seeds": 10, "max_seeds": 48}
    nb, problems = execute(NOTEBOOK, {} if parameters == defaults else parameters, args.timeout)
    target = out / NOTEBOOK.name if args.reduced else NOTEBOOK
    nbformat.write(stable_copy(nb), target)
    print(f"sweeps: {swept:.0f} s wall on {args.workers} workers; notebook written to {target}")
    for problem in problems:
        print(f"    {problem}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
