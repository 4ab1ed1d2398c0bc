#!/usr/bin/env python3
"""Spike's training step and inference batch against the reference SeqSNN on PyTorch (CPU,
one thread), on the configuration of issue 5: 8 variates, window 48, horizon 12, batch 32,
T = 4, conv encoder, CPG-PE concatenated with 10 channels; Spikformer dim 64, depth 2,
heads 4 (tau 10000) and SpikeRNN hidden 64, 2 layers (tau 1000).

Not part of CI. The reference runs in a venv made on demand:

    python3 bench/train_compare.py --setup            # venv at bench/.venv-seqsnn: torch,
                                                      # spikingjelly, snntorch, utilsd, numpy
    python3 bench/train_compare.py --spike .build/release/spike --seqsnn /path/to/SeqSNN

`--seqsnn` is a checkout of the public microsoft/SeqSNN repository (its folder that holds the
`SeqSNN` package); it is read, never copied into this repository. Each side runs in its own
process so that peak memory (VmHWM / ru_maxrss) is its own. Prints one JSON object per model
with both sides' figures and the ratios (reference / Spike: above 1 means Spike is faster or
smaller): `*_speedup` from CPU time (robust on a shared machine), `*_wall_speedup` from
wall-clock time, both medians of 7.
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
SHAPE = {"variates": 8, "window": 48, "horizon": 12, "batch": 32, "steps": 4}
MODELS = {
    "spikformer": {"spike": ["--dim", "64", "--depth", "2", "--heads", "4", "--tau", "10000"]},
    "spike_rnn": {"spike": ["--hidden", "64", "--layers", "2", "--tau", "1000"]},
}

# Runs inside the reference venv: builds the SeqSNN model plus the runner's output layer,
# then times one Adam step (forward, MSE, backward, clip 1.0, update) and one no-grad batch.
REFERENCE = r"""
import json, resource, sys, time
import torch
sys.path.insert(0, sys.argv[1])
from SeqSNN.network.snn.spikformer import Spikformer
from SeqSNN.network.snn.spikernn import SpikeRNN
model_name, shape = sys.argv[2], json.loads(sys.argv[3])
torch.set_num_threads(1)
torch.manual_seed(0)
C, L, H, B, T = shape["variates"], shape["window"], shape["horizon"], shape["batch"], shape["steps"]
if model_name == "spikformer":
    body = Spikformer(dim=64, depths=2, heads=4, num_steps=T, pe_type="neuron", pe_mode="concat",
                      num_pe_neuron=10, neuron_pe_scale=10000.0, input_size=C, max_length=5000)
else:
    body = SpikeRNN(hidden_size=64, layers=2, num_steps=T, input_size=C, max_length=5000,
                    pe_type="neuron", pe_mode="concat", num_pe_neuron=10, neuron_pe_scale=1000.0)
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

def median_ms(fn, repetitions=7, warm=2):
    # Median wall-clock and CPU milliseconds of one call.
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


def spike_figures(spike, model):
    arguments = [spike, "bench", "train", "--model", model, "--pe", "cpg", "--threads", "1"]
    for key in ("variates", "window", "horizon", "batch", "steps"):
        arguments += [f"--{key}", str(SHAPE[key])]
    output = subprocess.run(arguments + MODELS[model]["spike"], check=True, capture_output=True, text=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def reference_figures(python, seqsnn, model):
    environment = dict(os.environ, OMP_NUM_THREADS="1", MKL_NUM_THREADS="1")
    output = subprocess.run([python, "-c", REFERENCE, seqsnn, model, json.dumps(SHAPE)],
                            check=True, capture_output=True, text=True, env=environment).stdout
    return json.loads(output.strip().splitlines()[-1])


def medians(rounds):
    """Each numeric figure's median over the rounds (other fields from the first round)."""
    result = dict(rounds[0])
    for key, value in rounds[0].items():
        if isinstance(value, float):
            values = sorted(r[key] for r in rounds)
            result[key] = values[len(values) // 2]
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--setup", action="store_true", help="create the reference venv and exit")
    parser.add_argument("--spike", default=".build/release/spike", help="the spike executable (release build)")
    parser.add_argument("--seqsnn", help="folder holding the SeqSNN package of a microsoft/SeqSNN checkout")
    parser.add_argument("--python", default=str(VENV / "bin" / "python"), help="the reference venv's python")
    parser.add_argument("--models", nargs="*", default=list(MODELS), choices=list(MODELS))
    parser.add_argument("--rounds", type=int, default=1, help="alternating runs of each side (medians are reported)")
    arguments = parser.parse_args()
    if arguments.setup:
        setup()
        return
    if not arguments.seqsnn:
        parser.error("--seqsnn is required (a checkout of microsoft/SeqSNN)")
    for model in arguments.models:
        # Alternate the two sides `rounds` times and keep each figure's median: a burst of load
        # from elsewhere on a shared machine then skews one round, not the ratio.
        ours_rounds, theirs_rounds = [], []
        for _ in range(arguments.rounds):
            ours_rounds.append(spike_figures(arguments.spike, model))
            theirs_rounds.append(reference_figures(arguments.python, arguments.seqsnn, model))
        ours, theirs = medians(ours_rounds), medians(theirs_rounds)
        print(json.dumps({
            "model": model, **SHAPE, "spike": ours, "reference": theirs,
            "train_step_speedup": theirs["train_step_cpu_ms"] / ours["train_step_cpu_ms"],
            "inference_batch_speedup": theirs["inference_batch_cpu_ms"] / ours["inference_batch_cpu_ms"],
            "train_step_wall_speedup": theirs["train_step_ms"] / ours["train_step_ms"],
            "inference_batch_wall_speedup": theirs["inference_batch_ms"] / ours["inference_batch_ms"],
            "peak_memory_ratio": theirs["peak_rss_mb"] / ours["peak_rss_mb"],
        }, sort_keys=True))


if __name__ == "__main__":
    main()
