#!/usr/bin/env python3
"""Spike's training step and inference batch against the reference SeqSNN on PyTorch (CPU),
on 1 or more threads, at one of two shapes:

- `issue5` (default): 8 variates, window 48, horizon 12, batch 32, T = 4, conv encoder, CPG-PE
  concatenated with 10 channels; Spikformer dim 64, depth 2, heads 4 (tau 10000) and SpikeRNN
  hidden 64, 2 layers (tau 1000).
- `paper`: the paper's electricity Spikformer (issue 13): 321 variates, window 168, horizon 24,
  batch 32, T = 4, CPG-PE concatenated; Spikformer dim 256 (MLP 1024), depth 2, heads 8.

Not part of CI. The reference runs in a venv made on demand:

    python3 bench/train_compare.py --setup            # venv at bench/.venv-seqsnn: torch,
                                                      # spikingjelly, snntorch, utilsd, numpy
    python3 bench/train_compare.py --spike .build/release/spike --seqsnn /path/to/SeqSNN
    python3 bench/train_compare.py --shape paper --threads 1,2 --rounds 3 \
        --python /path/to/venv/bin/python --seqsnn /path/to/SeqSNN

`--seqsnn` (or $SEQSNN) is a checkout of the public microsoft/SeqSNN repository (its folder
that holds the `SeqSNN` package); it is read, never copied into this repository; `--python`
(or $SEQSNN_PYTHON) is the reference venv's python. Each side runs in its own process, with
the same thread count (Spike: --threads; PyTorch: torch.set_num_threads and OMP_NUM_THREADS),
so that peak memory (VmHWM / ru_maxrss) is its own. Prints one JSON object per model and
thread count with both sides' figures and the ratios (reference / Spike: above 1 means Spike
is faster or smaller): `*_speedup` from the process's CPU time (robust on a shared machine),
`*_wall_speedup` from wall-clock time (what a user waits for; on a loaded machine a second
thread may not get a core), then a table of the same figures.
"""
import argparse
import json
import os
import subprocess
import sys
import venv
from pathlib import Path

HERE = Path(__file__).resolve().parent
VENV = HERE / ".venv-seqsnn"
SHAPES = {
    "issue5": {
        "data": {"variates": 8, "window": 48, "horizon": 12, "batch": 32, "steps": 4},
        "models": {
            "spikformer": {"dim": 64, "depth": 2, "heads": 4, "tau": 10000},
            "spike_rnn": {"hidden": 64, "layers": 2, "tau": 1000},
        },
        "repetitions": 7,
        "warm": 2,
    },
    "paper": {
        "data": {"variates": 321, "window": 168, "horizon": 24, "batch": 32, "steps": 4},
        "models": {"spikformer": {"dim": 256, "depth": 2, "heads": 8, "tau": 10000}},
        "repetitions": 3,
        "warm": 1,
    },
}

# Runs inside the reference venv: builds the SeqSNN model plus the runner's output layer,
# then times one Adam step (forward, MSE, backward, clip 1.0, update) and one no-grad batch.
REFERENCE = r"""
import json, resource, sys, time
import torch
sys.path.insert(0, sys.argv[1])
from SeqSNN.network.snn.spikformer import Spikformer
from SeqSNN.network.snn.spikernn import SpikeRNN
model_name, shape, sizes = sys.argv[2], json.loads(sys.argv[3]), json.loads(sys.argv[4])
threads, repetitions, warm = int(sys.argv[5]), int(sys.argv[6]), int(sys.argv[7])
torch.set_num_threads(threads)
torch.manual_seed(0)
C, L, H, B, T = shape["variates"], shape["window"], shape["horizon"], shape["batch"], shape["steps"]
if model_name == "spikformer":
    body = Spikformer(dim=sizes["dim"], depths=sizes["depth"], heads=sizes["heads"], num_steps=T, pe_type="neuron",
                      pe_mode="concat", num_pe_neuron=10, neuron_pe_scale=float(sizes["tau"]), input_size=C,
                      max_length=5000)
else:
    body = SpikeRNN(hidden_size=sizes["hidden"], layers=sizes["layers"], num_steps=T, input_size=C, max_length=5000,
                    pe_type="neuron", pe_mode="concat", num_pe_neuron=10, neuron_pe_scale=float(sizes["tau"]))
head = torch.nn.Linear(body.output_size, H * C)
params = list(body.parameters()) + list(head.parameters())
optimizer = torch.optim.Adam(params, lr=1e-3)
x, y = torch.randn(B, L, C), torch.randn(B, H * C)

def step():
    optimizer.zero_grad()
    _, pooled = body(x)
    loss = torch.nn.functional.mse_loss(head(pooled), y)
    loss.backward()
    torch.nn.utils.clip_grad_norm_(params, 1.0)
    optimizer.step()

def infer():
    with torch.no_grad():
        head(body(x)[1])

def median_ms(fn):
    # Median wall-clock and process CPU milliseconds of one call.
    for _ in range(warm):
        fn()
    wall, cpu = [], []
    for _ in range(repetitions):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        wall.append((time.perf_counter() - start) * 1e3)
        cpu.append((time.process_time() - start_cpu) * 1e3)
    return sorted(wall)[len(wall) // 2], sorted(cpu)[len(cpu) // 2]

body.train(); head.train()
train_ms, train_cpu_ms = median_ms(step)
body.eval(); head.eval()
infer_ms, infer_cpu_ms = median_ms(infer)
print(json.dumps({"train_step_ms": train_ms, "train_step_cpu_ms": train_cpu_ms,
                  "inference_batch_ms": infer_ms, "inference_batch_cpu_ms": infer_cpu_ms,
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def setup():
    venv.EnvBuilder(with_pip=True).create(VENV)
    pip = VENV / "bin" / "pip"
    subprocess.run([str(pip), "install", "torch", "spikingjelly==0.0.0.0.14", "snntorch", "utilsd", "numpy"], check=True)
    print(f"reference venv ready: {VENV}")


def spike_figures(spike, shape, model, threads):
    arguments = [spike, "bench", "train", "--model", model, "--pe", "cpg", "--threads", str(threads),
                 "--repetitions", str(SHAPES[shape]["repetitions"])]
    for key, value in list(SHAPES[shape]["data"].items()) + list(SHAPES[shape]["models"][model].items()):
        arguments += [f"--{key}", str(value)]
    output = subprocess.run(arguments, check=True, capture_output=True, text=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def reference_figures(python, seqsnn, shape, model, threads):
    environment = dict(os.environ, OMP_NUM_THREADS=str(threads), MKL_NUM_THREADS=str(threads))
    arguments = [python, "-c", REFERENCE, seqsnn, model, json.dumps(SHAPES[shape]["data"]),
                 json.dumps(SHAPES[shape]["models"][model]), str(threads), str(SHAPES[shape]["repetitions"]),
                 str(SHAPES[shape]["warm"])]
    output = subprocess.run(arguments, check=True, capture_output=True, text=True, env=environment).stdout
    return json.loads(output.strip().splitlines()[-1])


def medians(rounds):
    """Each numeric figure's median over the rounds (other fields from the first round)."""
    result = dict(rounds[0])
    for key, value in rounds[0].items():
        if isinstance(value, float):
            values = sorted(r[key] for r in rounds)
            result[key] = values[len(values) // 2]
    return result


def load_average():
    """The 1-minute load average (how busy the machine was), or None where unknown."""
    try:
        return os.getloadavg()[0]
    except OSError:
        return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--setup", action="store_true", help="create the reference venv and exit")
    parser.add_argument("--spike", default=".build/release/spike", help="the spike executable (release build)")
    parser.add_argument("--seqsnn", default=os.environ.get("SEQSNN"),
                        help="folder holding the SeqSNN package of a microsoft/SeqSNN checkout (default: $SEQSNN)")
    parser.add_argument("--python", default=os.environ.get("SEQSNN_PYTHON", str(VENV / "bin" / "python")),
                        help="the reference venv's python (default: $SEQSNN_PYTHON or bench/.venv-seqsnn)")
    parser.add_argument("--shape", default="issue5", choices=list(SHAPES), help="issue5 (tutorial size) or paper")
    parser.add_argument("--models", nargs="*", choices=["spikformer", "spike_rnn"],
                        help="models to run (default: every model of the shape)")
    parser.add_argument("--threads", default="1", help="comma-separated thread counts, e.g. 1,2")
    parser.add_argument("--rounds", type=int, default=1, help="alternating runs of each side (medians are reported)")
    arguments = parser.parse_args()
    if arguments.setup:
        setup()
        return
    if not arguments.seqsnn:
        parser.error("--seqsnn (or $SEQSNN) is required (a checkout of microsoft/SeqSNN)")
    models = arguments.models or list(SHAPES[arguments.shape]["models"])
    unknown = [m for m in models if m not in SHAPES[arguments.shape]["models"]]
    if unknown:
        parser.error(f"the {arguments.shape} shape has no {', '.join(unknown)}")
    threads = [int(t) for t in arguments.threads.split(",")]
    rows = []
    for model in models:
        for count in threads:
            # Alternate the two sides `rounds` times and keep each figure's median: a burst of load
            # from elsewhere on a shared machine then skews one round, not the ratio.
            ours_rounds, theirs_rounds, loads = [], [], []
            for _ in range(arguments.rounds):
                loads.append(load_average())
                ours_rounds.append(spike_figures(arguments.spike, arguments.shape, model, count))
                theirs_rounds.append(reference_figures(arguments.python, arguments.seqsnn, arguments.shape, model, count))
            ours, theirs = medians(ours_rounds), medians(theirs_rounds)
            row = {
                "model": model, "shape": arguments.shape, **SHAPES[arguments.shape]["data"],
                **SHAPES[arguments.shape]["models"][model], "threads": count, "rounds": arguments.rounds,
                "load_average": loads, "spike": ours, "reference": theirs,
                "train_step_speedup": theirs["train_step_cpu_ms"] / ours["train_step_cpu_ms"],
                "inference_batch_speedup": theirs["inference_batch_cpu_ms"] / ours["inference_batch_cpu_ms"],
                "train_step_wall_speedup": theirs["train_step_ms"] / ours["train_step_ms"],
                "inference_batch_wall_speedup": theirs["inference_batch_ms"] / ours["inference_batch_ms"],
                "peak_memory_ratio": theirs["peak_rss_mb"] / ours["peak_rss_mb"],
            }
            print(json.dumps(row, sort_keys=True), flush=True)
            rows.append(row)
    print("\ntraining step, ms (medians): wall / process CPU; Spike's also main-thread CPU (the work not"
          " split off);\nspeed-up = SeqSNN / Spike by CPU and by wall clock; peak resident MB")
    print(f"{'model':<11} {'threads':>7}  {'Spike':>22}  {'SeqSNN':>15}  {'CPU':>6} {'wall':>6}  {'Spike':>6} {'SeqSNN':>6}")
    for row in rows:
        ours, theirs = row["spike"], row["reference"]
        main_thread = ours.get("train_step_thread_cpu_ms", float("nan"))
        print(f"{row['model']:<11} {row['threads']:>7}  {ours['train_step_ms']:>6.0f} / {ours['train_step_cpu_ms']:>6.0f}"
              f" / {main_thread:>6.0f}  {theirs['train_step_ms']:>6.0f} / {theirs['train_step_cpu_ms']:>6.0f}"
              f"  {row['train_step_speedup']:>5.1f}x {row['train_step_wall_speedup']:>5.1f}x"
              f"  {ours['peak_rss_mb']:>6.0f} {theirs['peak_rss_mb']:>6.0f}")
    loads = [load for row in rows for load in row["load_average"] if load is not None]
    if loads:
        print(f"load average (1 min) at the start of each round: {min(loads):.1f} to {max(loads):.1f}"
              f" on {os.cpu_count()} cores")

if __name__ == "__main__":
    main()
