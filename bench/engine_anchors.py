#!/usr/bin/env python3
"""Spike's LIF kernels against the PyTorch-based SNN libraries, measured in the same run.

Prints one table of neuron-steps per second (forward | forward+backward) for a multi-step LIF
at T steps, batch B, D neurons per sample, on one thread, with ratios against Spike:

    snnTorch Leaky (beta 0.99, atan)      SpikingJelly LIFNode (tau 2, atan, torch backend)
    plain PyTorch LIF loop (atan)         torch.compile of that loop
    spike bench lif (both conventions)

The Python anchors live in a virtual environment made on demand (never in CI):
torch 2.13.0+cpu (a local wheel is found through pip's find-links) with its small pure-Python
dependencies, snnTorch and SpikingJelly 0.0.0.0.14, installed without their heavy extras.

Usage:
    python3 bench/engine_anchors.py [--spike .build/release/spike] [--steps 4 --batch 64 --features 1024]
    python3 bench/engine_anchors.py --steps 32 --batch 32 --features 512
"""
import argparse
import json
import os
import pathlib
import statistics
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv-bench"
PACKAGES = [
    ["torch==2.13.0+cpu", "--no-deps"],
    ["filelock", "typing-extensions", "sympy", "mpmath", "networkx", "jinja2", "MarkupSafe", "fsspec", "numpy",
     "setuptools>=77.0.3"],
    ["snntorch", "--no-deps"],
    ["spikingjelly==0.0.0.0.14", "--no-deps"],
]


def ensure_environment():
    """Re-runs this script inside the bench venv, creating and filling it first if needed."""
    if os.environ.get("SPIKE_BENCH_VENV") == "1":
        return
    python = VENV / "bin" / "python"
    if not python.exists():
        print(f"creating {VENV} (one time; needs PyPI)", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        for group in PACKAGES:
            subprocess.run([str(python), "-m", "pip", "install", "--quiet", *group], check=True)
    env = dict(os.environ, SPIKE_BENCH_VENV="1")
    os.execve(str(python), [str(python), __file__, *sys.argv[1:]], env)


def median_rate(function, neuron_steps, warmup=3, repetitions=7, minimum=0.05):
    """Median neuron-steps per second of `function` (warm-up, then timed repetitions)."""
    for _ in range(warmup):
        function()
    calls = 1
    while True:
        start = time.perf_counter()
        for _ in range(calls):
            function()
        if time.perf_counter() - start >= minimum or calls >= 1 << 16:
            break
        calls *= 2
    samples = []
    for _ in range(repetitions):
        start = time.perf_counter()
        for _ in range(calls):
            function()
        samples.append((time.perf_counter() - start) / calls)
    return neuron_steps / statistics.median(samples)


def anchors(steps, batch, features):
    import math

    import torch

    torch.set_num_threads(1)
    torch.manual_seed(0)
    x = torch.randn(steps, batch, features) * 0.5 + 1
    upstream = torch.ones_like(x)
    neuron_steps = steps * batch * features
    results = {}

    class ATanSpike(torch.autograd.Function):
        @staticmethod
        def forward(ctx, h):
            ctx.save_for_backward(h)
            return (h >= 0).to(h.dtype)

        @staticmethod
        def backward(ctx, grad):
            (h,) = ctx.saved_tensors
            return grad * (2.0 / (2 * (1 + (math.pi / 2 * 2.0 * h) ** 2)))

    def plain_lif(inputs):
        v = torch.zeros_like(inputs[0])
        out = []
        for t in range(inputs.shape[0]):
            h = v + (inputs[t] - v) * 0.5
            s = ATanSpike.apply(h - 1.0)
            v = h * (1 - s.detach())
            out.append(s)
        return torch.stack(out)

    def surrogate_free_lif(inputs):
        # torch.compile cannot trace a custom autograd.Function into one kernel everywhere;
        # the straight-through form below has the same forward and the atan backward.
        v = torch.zeros_like(inputs[0])
        out = []
        for t in range(inputs.shape[0]):
            h = v + (inputs[t] - v) * 0.5
            u = h - 1.0
            soft = torch.atan(math.pi / 2 * 2.0 * u) / math.pi + 0.5
            s = soft + ((u >= 0).to(u.dtype) - soft).detach()
            v = h * (1 - s.detach())
            out.append(s)
        return torch.stack(out)

    def heaviside_lif(inputs):
        # Forward only: the hard step without any surrogate arithmetic.
        v = torch.zeros_like(inputs[0])
        out = []
        for t in range(inputs.shape[0]):
            h = v + (inputs[t] - v) * 0.5
            s = (h >= 1.0).to(h.dtype)
            v = h * (1 - s)
            out.append(s)
        return torch.stack(out)

    def measure(name, model, inference_model=None):
        with torch.no_grad():
            forward = median_rate(lambda: (inference_model or model)(x), neuron_steps)

        def training():
            inputs = x.detach().requires_grad_(True)
            model(inputs).backward(upstream)

        results[name] = (forward, median_rate(training, neuron_steps))

    try:
        import snntorch as snn
        from snntorch import surrogate as snn_surrogate

        leaky = snn.Leaky(beta=0.99, spike_grad=snn_surrogate.atan(alpha=2.0), threshold=1.0)

        def snntorch_model(inputs):
            mem = leaky.init_leaky()
            out = []
            for t in range(inputs.shape[0]):
                spk, mem = leaky(inputs[t], mem)
                out.append(spk)
            return torch.stack(out)

        measure("snnTorch Leaky", snntorch_model)
    except Exception as error:  # an anchor that fails to import is reported, not fatal
        print(f"snnTorch skipped: {error}", file=sys.stderr)

    try:
        from spikingjelly.activation_based import functional, neuron, surrogate

        node = neuron.LIFNode(tau=2.0, step_mode="m", detach_reset=True,
                              surrogate_function=surrogate.ATan(), backend="torch")

        def jelly_model(inputs):
            functional.reset_net(node)
            return node(inputs)

        measure("SpikingJelly LIFNode", jelly_model)
    except Exception as error:
        print(f"SpikingJelly skipped: {error}", file=sys.stderr)

    measure("plain PyTorch", plain_lif)
    try:
        measure("torch.compile", torch.compile(surrogate_free_lif), torch.compile(heaviside_lif))
    except Exception as error:
        print(f"torch.compile skipped: {error}", file=sys.stderr)
    return results


def spike(binary, steps, batch, features):
    results = {}
    for convention in ["decay-input", "subtract"]:
        output = subprocess.run(
            [str(binary), "bench", "lif", "--steps", str(steps), "--batch", str(batch),
             "--features", str(features), "--threads", "1", "--convention", convention],
            check=True, capture_output=True, text=True).stdout
        report = json.loads(output)
        results[f"Spike ({convention})"] = (report["forward_neuron_steps_per_s"],
                                            report["forward_backward_neuron_steps_per_s"])
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spike", default=str(ROOT / ".build/release/spike"))
    parser.add_argument("--steps", type=int, default=4)
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--features", type=int, default=1024)
    arguments = parser.parse_args()
    ensure_environment()
    binary = pathlib.Path(arguments.spike)
    if not binary.exists():
        sys.exit(f"{binary} not found: build it with `swift build -c release` first")
    shape = (arguments.steps, arguments.batch, arguments.features)
    results = anchors(*shape)
    results.update(spike(binary, *shape))
    reference = results["Spike (decay-input)"]
    print(f"LIF, T={shape[0]} B={shape[1]} D={shape[2]}, 1 thread, neuron-steps/s (median)")
    print(f"{'implementation':<24} {'forward':>10} {'fwd+bwd':>10} {'Spike/this fwd':>15} {'Spike/this f+b':>15}")
    for name, (forward, training) in results.items():
        print(f"{name:<24} {forward / 1e9:>9.2f}G {training / 1e9:>9.2f}G "
              f"{reference[0] / forward:>15.2f} {reference[1] / training:>15.2f}")


if __name__ == "__main__":
    main()
