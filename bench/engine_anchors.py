#!/usr/bin/env python3
"""Spike's LIF kernels against the PyTorch-based SNN libraries, measured in the same run.

Prints one table of neuron-steps per second (forward | forward+backward, median) for a
multi-step LIF on one thread at each shape (T steps, batch B, D neurons per sample; by default
T=4 B=64 D=1024 and T=32 B=32 D=512), with the ratio Spike / anchor for each, Spike taken in the
anchor's own convention:

    snnTorch Leaky (beta 0.99, subtract reset, atan)          vs  spike bench lif --convention subtract
    SpikingJelly LIFNode (tau 2, hard reset, atan)            vs  spike bench lif --convention decay-input
    Norse LIFBoxCell (dt/tau_mem = 1/2, hard reset, SuperSpike) vs  decay-input
    plain PyTorch LIF loop (tau 2, hard reset, atan)          vs  decay-input
    torch.compile of that loop                                vs  decay-input

The issue's targets are Spike / torch.compile >= 0.8 and Spike / snnTorch >= 8 in both columns
at both shapes. The same rates by CPU time (this process's for the anchors, the benchmark
thread's for Spike) follow the table, and `--json-out` keeps every figure.

The Python anchors live in a virtual environment made on demand (never in CI): torch 2.13.0+cpu
(a local wheel is found through pip's find-links) with its small pure-Python dependencies,
snnTorch, SpikingJelly 0.0.0.0.14 and Norse 1.1.0 (with nir, nirtorch, h5py and torchvision
0.28, which Norse imports), installed without their heavy extras.

Usage:
    python3 bench/engine_anchors.py [--spike .build/release/spike] [--json-out FILE]
    python3 bench/engine_anchors.py --shape 4,64,1024 --shape 32,32,512
"""
import argparse
import json
import math
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
    ["norse==1.1.0", "nir", "nirtorch", "h5py", "torchvision==0.28.0", "--no-deps"],
]
SHAPES = [(4, 64, 1024), (32, 32, 512)]
# Which Spike convention each anchor computes; the ratios compare like with like.
SUBTRACT, DECAY_INPUT = "Spike (subtract)", "Spike (decay-input)"


def ensure_environment():
    """Re-runs this script inside the bench venv, creating and filling it first if needed."""
    if os.environ.get("SPIKE_BENCH_VENV") == "1":
        return
    python = VENV / "bin" / "python"
    stamp = VENV / ".anchors-installed"
    if not python.exists():
        print(f"creating {VENV} (one time; needs PyPI)", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    installed = stamp.read_text() if stamp.exists() else ""
    if installed != repr(PACKAGES):
        for group in PACKAGES:
            subprocess.run([str(python), "-m", "pip", "install", "--quiet", *group], check=True)
        stamp.write_text(repr(PACKAGES))
    env = dict(os.environ, SPIKE_BENCH_VENV="1")
    os.execve(str(python), [str(python), __file__, *sys.argv[1:]], env)


def median_rates(function, neuron_steps, warmup=3, repetitions=7, minimum=0.05):
    """Median neuron-steps per second of `function` by wall clock and by process CPU time."""
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
    wall, cpu = [], []
    for _ in range(repetitions):
        start, start_cpu = time.perf_counter(), time.process_time()
        for _ in range(calls):
            function()
        wall.append((time.perf_counter() - start) / calls)
        cpu.append((time.process_time() - start_cpu) / calls)
    return neuron_steps / statistics.median(wall), neuron_steps / statistics.median(cpu)


def anchors(steps, batch, features):
    """{name: {forward, forward_backward, forward_cpu, forward_backward_cpu}} for each anchor."""
    import torch

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
            forward, forward_cpu = median_rates(lambda: (inference_model or model)(x), neuron_steps)

        def training():
            inputs = x.detach().requires_grad_(True)
            model(inputs).backward(upstream)

        training_rate, training_cpu = median_rates(training, neuron_steps)
        results[name] = {"forward": forward, "forward_backward": training_rate,
                         "forward_cpu": forward_cpu, "forward_backward_cpu": training_cpu}

    def anchor(name, build):
        try:
            measure(name, *build())
        except Exception as error:  # an anchor that fails to import or run is reported, not fatal
            print(f"{name} skipped: {error}", file=sys.stderr)

    def snntorch_models():
        import snntorch as snn
        from snntorch import surrogate as snn_surrogate

        leaky = snn.Leaky(beta=0.99, spike_grad=snn_surrogate.atan(alpha=2.0), threshold=1.0)

        def model(inputs):
            mem = leaky.init_leaky()
            out = []
            for t in range(inputs.shape[0]):
                spk, mem = leaky(inputs[t], mem)
                out.append(spk)
            return torch.stack(out)

        return (model,)

    def spikingjelly_models():
        from spikingjelly.activation_based import functional, neuron, surrogate

        node = neuron.LIFNode(tau=2.0, step_mode="m", detach_reset=True,
                              surrogate_function=surrogate.ATan(), backend="torch")

        def model(inputs):
            functional.reset_net(node)
            return node(inputs)

        return (model,)

    def norse_models():
        import norse.torch as norse

        # dt · tau_mem_inv = 1/2: V + (X − V)/2, SpikingJelly's tau 2; hard reset to 0 at v_th 1.
        parameters = norse.LIFBoxParameters(tau_mem_inv=torch.as_tensor(500.0), v_th=torch.as_tensor(1.0))
        cell = norse.LIFBoxCell(parameters, dt=1e-3)

        def model(inputs):
            state = None
            out = []
            for t in range(inputs.shape[0]):
                spikes, state = cell(inputs[t], state)
                out.append(spikes)
            return torch.stack(out)

        return (model,)

    anchor("snnTorch Leaky", snntorch_models)
    anchor("SpikingJelly LIFNode", spikingjelly_models)
    anchor("Norse LIFBoxCell", norse_models)
    anchor("plain PyTorch", lambda: (plain_lif,))
    anchor("torch.compile", lambda: (torch.compile(surrogate_free_lif), torch.compile(heaviside_lif)))
    return results


def spike(binary, steps, batch, features):
    """The same figures for `spike bench lif` in both conventions."""
    results = {}
    for convention in ["decay-input", "subtract"]:
        output = subprocess.run(
            [str(binary), "bench", "lif", "--steps", str(steps), "--batch", str(batch),
             "--features", str(features), "--threads", "1", "--convention", convention],
            check=True, capture_output=True, text=True).stdout
        report = json.loads(output)
        results[f"Spike ({convention})"] = {
            "forward": report["forward_neuron_steps_per_s"],
            "forward_backward": report["forward_backward_neuron_steps_per_s"],
            "forward_cpu": report["forward_neuron_steps_per_cpu_s"],
            "forward_backward_cpu": report["forward_backward_neuron_steps_per_cpu_s"]}
    return results


def reference(name):
    """The Spike row an anchor is compared with."""
    return SUBTRACT if name.startswith("snnTorch") else DECAY_INPUT


def ratios(results, name, suffix=""):
    """Spike / anchor for the forward and the forward+backward (None for Spike's own rows)."""
    if name.startswith("Spike"):
        return None
    spike_row, row = results[reference(name)], results[name]
    return tuple(spike_row[key + suffix] / row[key + suffix] for key in ("forward", "forward_backward"))


def print_table(by_shape):
    shapes = list(by_shape)
    names = list(dict.fromkeys(name for results in by_shape.values() for name in results))
    cell = 31
    print("LIF multi-step, 1 thread: neuron-steps/s (median), forward | forward+backward;")
    print("ratio = Spike / anchor in the anchor's convention (targets: torch.compile >= 0.8, snnTorch >= 8)")
    print(f"{'':<22}" + "".join(f"{'T=%d B=%d D=%d' % shape:^{cell}}" for shape in shapes))
    print(f"{'implementation':<22}" + f"{'fwd':>7} {'f+b':>7} {'ratio fwd|f+b':>15}" * len(shapes))
    for name in names:
        line = f"{name:<22}"
        for shape in shapes:
            row = by_shape[shape].get(name)
            if row is None:
                line += f"{'-':>7} {'-':>7} {'':>15}"
                continue
            pair = ratios(by_shape[shape], name)
            text = "" if pair is None else f"{pair[0]:6.2f} | {pair[1]:6.2f}"
            line += f"{row['forward'] / 1e9:6.2f}G {row['forward_backward'] / 1e9:6.2f}G {text:>15}"
        print(line)
    print("By CPU time (anchors: this process; Spike: its benchmark thread), Spike / anchor fwd | f+b:")
    for shape in shapes:
        results = by_shape[shape]
        parts = []
        for name in names:
            pair = ratios(results, name, "_cpu") if name in results else None
            if pair is not None:
                parts.append(f"{name} {pair[0]:.2f} | {pair[1]:.2f}")
        spike_rates = " ".join(
            f"{name.split('(')[1].rstrip(')')} {results[name]['forward_cpu'] / 1e9:.2f}G|"
            f"{results[name]['forward_backward_cpu'] / 1e9:.2f}G" for name in (DECAY_INPUT, SUBTRACT))
        print(f"  T={shape[0]} B={shape[1]} D={shape[2]}: Spike {spike_rates}; " + "; ".join(parts))


def parse_shape(text):
    try:
        shape = tuple(int(part) for part in text.split(","))
    except ValueError:
        shape = ()
    if len(shape) != 3 or min(shape) <= 0:
        raise argparse.ArgumentTypeError(f"expected T,B,D with three positive integers, got {text!r}")
    return shape


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spike", default=str(ROOT / ".build/release/spike"))
    parser.add_argument("--shape", type=parse_shape, action="append",
                        help="T,B,D (repeatable; default 4,64,1024 and 32,32,512)")
    parser.add_argument("--json-out", help="also write every figure (wall and CPU) to this JSON file")
    arguments = parser.parse_args()
    binary = pathlib.Path(arguments.spike).resolve()
    if not binary.exists():
        sys.exit(f"{binary} not found: build it with `make build` (or `swift build -c release`) first")
    ensure_environment()
    import torch

    torch.set_num_threads(1)
    load_before = os.getloadavg()
    by_shape = {}
    for shape in arguments.shape or SHAPES:
        results = anchors(*shape)
        results.update(spike(binary, *shape))
        by_shape[shape] = results
    load_after = os.getloadavg()
    print_table(by_shape)
    print(f"load average {load_before[0]:.2f} before, {load_after[0]:.2f} after; torch {torch.__version__}")
    if arguments.json_out:
        document = {"load_average": [load_before[0], load_after[0]], "torch": torch.__version__,
                    "shapes": [{"steps": shape[0], "batch": shape[1], "features": shape[2], "results": results}
                               for shape, results in by_shape.items()]}
        pathlib.Path(arguments.json_out).write_text(json.dumps(document, indent=1, sort_keys=True))


if __name__ == "__main__":
    main()
