#!/usr/bin/env python3
"""Golden data from the SeqSNN reference code itself, for the PE details Spike reproduces
(docs/science.md §6). It imports the reference modules (a read-only checkout) and runs them in
PyTorch; nothing of them is copied into Spike.

Sections of the output, Tests/SpikeEngineTests/Golden/reference_pe.json:
  * "spike_rnn": parameter shapes of SeqSNN's SpikeRNN (network/snn/spikernn.py) built with
    pe_type none / neuron-concat, plus the runner's head Linear(output_size, horizon * C), so
    the Swift test can compare spike_rnn(pe_widen=true) stage by stage. The unused
    nn.Embedding that PositionEmbedding makes for pe_type="none" is listed apart (never run).
  * "cpg_add": NeuronPE(pe_mode="add") (module/positional_encoding.py) in eval mode on fixed
    spikes x [T, B, L, C]: its output x + P, for C = 1 (electricity) and C = 5 (odd: the last
    cosine is dropped); and the width of Spikformer's encoder Linear in add mode.
  * "dropout": for each PositionEmbedding pe_type, on a fixed input of 1s and 3s in train mode,
    the fraction of the nonzero entries (of a run with every Dropout set to p = 0) that were
    zeroed, and the factor survivors were scaled by (1/0.9); for "conv" only the added arm.
    "none" is not run by the models at all (they skip self.pe), so it has no dropout.
  * "cpg_linear": CPGLinear(in, out, CPG()) (module/CPG.py) in eval mode on fixed spikes
    [B, T*L, in] with its (seeded) weights, and the cpg_linear input widths that
    SpikformerCPG(num_pe_neuron=40) gives its encoder and MLP linears.

Everything runs in float32, as Spike does; outputs are float32 values written as decimals that
round-trip. Usage (the reference venv has torch and spikingjelly):
    /work/main/bench/.venv-seqsnn/bin/python scripts/golden_reference_pe.py [--ref /work/ref/SeqSNN]
"""
import argparse
import json
import pathlib
import sys
import warnings

OUTPUT = pathlib.Path(__file__).resolve().parent.parent / "Tests/SpikeEngineTests/Golden/reference_pe.json"


def floats(tensor):
    return [float(v) for v in tensor.detach().reshape(-1).tolist()]


def shapes_of(module, skip=()):
    return [
        {"name": name, "shape": list(p.shape)}
        for name, p in module.named_parameters()
        if not any(name.startswith(prefix) for prefix in skip)
    ]


def spike_rnn_section(torch, SpikeRNN):
    cases = []
    for pe_type, n in [("none", 10), ("neuron", 10), ("neuron", 40)]:
        c, hidden, layers, steps, window, horizon = 3, 16, 2, 4, 12, 4
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            model = SpikeRNN(
                hidden_size=hidden, layers=layers, num_steps=steps, input_size=c, max_length=window,
                pe_type=pe_type, pe_mode="concat", num_pe_neuron=n, neuron_pe_scale=1000.0)
        head = torch.nn.Linear(model.output_size, horizon * c)
        unused = ["pe."] if pe_type == "none" else []
        cases.append({
            "pe_type": pe_type, "pairs": n // 2, "variates": c, "hidden": hidden, "layers": layers, "steps": steps,
            "window": window, "horizon": horizon, "output_size": model.output_size,
            "parameters": shapes_of(model, skip=unused) + [{"name": "fc_out.weight", "shape": list(head.weight.shape)},
                                                           {"name": "fc_out.bias", "shape": list(head.bias.shape)}],
            "unused": shapes_of(model.pe) if pe_type == "none" else [],
        })
    return cases


def cpg_add_section(torch, NeuronPE, Spikformer):
    cases = []
    generator = torch.Generator().manual_seed(14)
    for c, scale in [(1, 10000.0), (5, 10000.0), (5, 100.0)]:
        steps, batch, length = 4, 2, 24
        module = NeuronPE(d_model=c, pe_mode="add", num_pe_neuron=40, neuron_pe_scale=scale, dropout=0.1)
        module.eval()
        x = (torch.rand(steps, batch, length, c, generator=generator) < 0.3).float()
        with torch.no_grad():
            y = module(x)
        cases.append({"variates": c, "tau": scale, "shape": list(x.shape), "x": floats(x), "output": floats(y)})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = Spikformer(dim=16, d_ff=32, depths=1, heads=2, input_size=3, max_length=24, pe_type="neuron",
                           pe_mode="add", num_pe_neuron=40, neuron_pe_scale=10000.0)
    encoder = {"variates": 3, "dim": 16, "weight": list(model.encoder.weight.shape)}
    return {"cases": cases, "spikformer_encoder": encoder}


def dropout_section(torch, PositionEmbedding, reset_net):
    torch.manual_seed(0)
    steps, batch, length, c = 4, 16, 48, 8
    cases = []
    for pe_type, mode in [("neuron", "concat"), ("neuron", "add"), ("random", "concat"), ("static", "add"),
                          ("conv", "add"), ("learn", "add")]:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            module = PositionEmbedding(input_size=c, pe_type=pe_type, max_len=length, pe_mode=mode, num_pe_neuron=10,
                                       neuron_pe_scale=10000.0, dropout=0.1, num_steps=steps)
        shape = (batch, length, c) if pe_type == "learn" else (steps, batch, length, c)  # learn indexes [*, L, D]
        x = (torch.rand(*shape) < 0.5).float() * 2 + 1  # 1 or 3: never zero
        dropouts = [m for m in module.modules() if isinstance(m, torch.nn.Dropout)]
        module.train()
        with torch.no_grad():
            for m in dropouts:
                m.p = 0.0
            reset_net(module)
            reference = module(x)
            for m in dropouts:
                m.p = 0.1
            reset_net(module)
            dropped = module(x)
        if pe_type == "conv":
            # the dropout is on the conv arm's spikes only: compare the added parts
            reference, dropped = reference - x, dropped - x
        live = reference != 0
        zeroed = (dropped == 0) & live
        kept = live & ~zeroed
        ratio = (dropped[kept] / reference[kept]) if kept.any() else torch.ones(1)
        cases.append({
            "pe_type": pe_type, "pe_mode": mode, "dropout_modules": len(dropouts), "entries": int(live.sum()),
            "zeroed_fraction": float(zeroed.sum()) / max(int(live.sum()), 1),
            "survivor_scale_min": float(ratio.min()), "survivor_scale_max": float(ratio.max()),
            "width": int(reference.shape[-1]),
            # over the input's own channels: the dropout covers x too, not just the code
            "zeroed_fraction_input": float(zeroed[..., :c].sum()) / max(int(live[..., :c].sum()), 1),
        })
    return cases


def cpg_linear_section(torch, CPG, CPGLinear, SpikformerCPG):
    torch.manual_seed(3)
    steps, batch, length, inputs, outputs = 2, 3, 5, 6, 4
    module = CPGLinear(inputs, outputs, CPG())
    module.eval()
    x = (torch.rand(batch, steps * length, inputs) < 0.4).float()
    with torch.no_grad():
        y = module(x)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = SpikformerCPG(dim=16, d_ff=32, depths=1, heads=2, input_size=3, max_length=24, num_pe_neuron=40,
                              neuron_pe_scale=1000.0)
    widths = {name: list(p.shape) for name, p in model.named_parameters() if "cpg_linear.weight" in name}
    return {
        "steps": steps, "batch": batch, "length": length, "inputs": inputs, "outputs": outputs,
        "cpg_channels": CPG().num_neurons, "cpg_w_max": CPG().w_max,
        "x": floats(x), "inp_weight": floats(module.inp_linear.weight), "inp_bias": floats(module.inp_linear.bias),
        "cpg_weight": floats(module.cpg_linear.weight), "cpg_bias": floats(module.cpg_linear.bias),
        "output": floats(y), "spikformer_cpg_weights": widths,
        "parameter_count": sum(p.numel() for p in module.parameters() if p.requires_grad),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--ref", default="/work/ref/SeqSNN", help="the SeqSNN checkout")
    parser.add_argument("--output", default=str(OUTPUT))
    args = parser.parse_args()
    sys.path.insert(0, args.ref)
    import torch  # noqa: E402  (the reference venv only)

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from spikingjelly.activation_based import functional
        from SeqSNN.module.CPG import CPG, CPGLinear
        from SeqSNN.module.positional_encoding import NeuronPE, PositionEmbedding
        from SeqSNN.network.snn.spikernn import SpikeRNN
        from SeqSNN.network.snn.spikformer import Spikformer
        from SeqSNN.network.snn.spikformer_CPG import SpikformerCPG

    golden = {
        "torch": torch.__version__,
        "spike_rnn": spike_rnn_section(torch, SpikeRNN),
        "cpg_add": cpg_add_section(torch, NeuronPE, Spikformer),
        "dropout": dropout_section(torch, PositionEmbedding, functional.reset_net),
        "cpg_linear": cpg_linear_section(torch, CPG, CPGLinear, SpikformerCPG),
    }
    pathlib.Path(args.output).write_text(json.dumps(golden, indent=1) + "\n")
    print(f"wrote {args.output}")
    for case in golden["dropout"]:
        print(case)
    print(golden["cpg_linear"]["spikformer_cpg_weights"])


if __name__ == "__main__":
    main()
