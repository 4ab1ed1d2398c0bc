#!/usr/bin/env python3
"""Golden forward values and gradients of a small spiking network, for SpikeEngine's tests.

Network (time-first layout [T, B, D], as in the engine):
    h1 = x @ W1 + b1                      Linear(5 -> 6)
    s  = LIF(h1)                          multi-step over T, state from 0
    y  = s @ W2 + b2                      Linear(6 -> 2)
    out = mean over T of y                [B, 2]
    loss = mean((out - target)^2)         MSE

Two neurons are covered (docs/science.md §1):
  * "decay_input": H = V + (X - V)/tau, tau = 2, spike if H >= 1, hard reset to 0, reset detached;
  * "subtract":    H = 0.9 V + X, spike if H > 1, V = H - S, reset NOT detached.
Backward uses the atan surrogate g'(x) = alpha / (2 (1 + (pi/2 alpha x)^2)), alpha = 2, x = H - 1,
with back-propagation through time written out by hand below (independent of the engine).

The forward runs in float32 like the engine; the script checks that no charge lies within 1e-3 of
the threshold, so float32/float64 rounding cannot flip a spike. Gradients are float64 sums of the
float32 forward quantities. Output: Tests/SpikeEngineTests/Golden/spiking_network.json.
Usage: python3 scripts/golden_network.py   (needs numpy)
"""
import json
import math
import pathlib

import numpy as np

T, B, D_IN, D_HIDDEN, D_OUT = 4, 3, 5, 6, 2
ALPHA = 2.0


def surrogate(x):
    return ALPHA / (2.0 * (1.0 + (math.pi / 2.0 * ALPHA * x) ** 2))


def lif_forward(current, convention):
    """Spikes and charges of the LIF over axis 0, in float32."""
    v = np.zeros(current.shape[1:], dtype=np.float32)
    spikes, charges = [], []
    for t in range(current.shape[0]):
        if convention == "decay_input":
            h = (v + (current[t] - v) * np.float32(0.5)).astype(np.float32)
            s = (h >= np.float32(1.0)).astype(np.float32)
            v = (h - h * s).astype(np.float32)
        else:
            h = (np.float32(0.9) * v + current[t]).astype(np.float32)
            s = (h > np.float32(1.0)).astype(np.float32)
            v = (h - s * np.float32(1.0)).astype(np.float32)
        spikes.append(s)
        charges.append(h)
    return np.stack(spikes), np.stack(charges)


def lif_backward(grad_spikes, spikes, charges, convention):
    """dL/dcurrent by back-propagation through time, in float64."""
    grad_current = np.zeros_like(grad_spikes, dtype=np.float64)
    grad_v = np.zeros(grad_spikes.shape[1:], dtype=np.float64)
    for t in reversed(range(grad_spikes.shape[0])):
        h = charges[t].astype(np.float64)
        s = spikes[t].astype(np.float64)
        g = surrogate(h - 1.0)
        if convention == "decay_input":
            dv_dh = 1.0 - s                     # hard reset, detached
            grad_h = grad_spikes[t] * g + grad_v * dv_dh
            grad_current[t] = grad_h * 0.5
            grad_v = grad_h * 0.5
        else:
            dv_dh = 1.0 - 1.0 * g               # subtract reset, not detached
            grad_h = grad_spikes[t] * g + grad_v * dv_dh
            grad_current[t] = grad_h
            grad_v = grad_h * 0.9
    return grad_current


def case(convention, rng):
    while True:
        x = rng.normal(0.0, 1.0, (T, B, D_IN)).astype(np.float32)
        w1 = rng.normal(0.0, 0.8, (D_IN, D_HIDDEN)).astype(np.float32)
        b1 = rng.normal(0.6, 0.3, (D_HIDDEN,)).astype(np.float32)
        w2 = rng.normal(0.0, 0.5, (D_HIDDEN, D_OUT)).astype(np.float32)
        b2 = rng.normal(0.0, 0.1, (D_OUT,)).astype(np.float32)
        target = rng.normal(0.0, 1.0, (B, D_OUT)).astype(np.float32)
        h1 = (x.reshape(T * B, D_IN) @ w1 + b1).astype(np.float32).reshape(T, B, D_HIDDEN)
        spikes, charges = lif_forward(h1, convention)
        if np.min(np.abs(charges - 1.0)) > 1e-3 and 0.2 < spikes.mean() < 0.8:
            break
    y = (spikes.reshape(T * B, D_HIDDEN) @ w2 + b2).astype(np.float32).reshape(T, B, D_OUT)
    out = y.astype(np.float64).mean(axis=0)
    loss = np.mean((out - target) ** 2)
    # Backward in float64.
    grad_out = 2.0 * (out - target) / out.size
    grad_y = np.broadcast_to(grad_out / T, (T, B, D_OUT))
    grad_w2 = spikes.reshape(T * B, D_HIDDEN).astype(np.float64).T @ grad_y.reshape(T * B, D_OUT)
    grad_b2 = grad_y.reshape(T * B, D_OUT).sum(axis=0)
    grad_spikes = (grad_y.reshape(T * B, D_OUT) @ w2.astype(np.float64).T).reshape(T, B, D_HIDDEN)
    grad_h1 = lif_backward(grad_spikes, spikes, charges, convention)
    grad_w1 = x.reshape(T * B, D_IN).astype(np.float64).T @ grad_h1.reshape(T * B, D_HIDDEN)
    grad_b1 = grad_h1.reshape(T * B, D_HIDDEN).sum(axis=0)
    grad_x = (grad_h1.reshape(T * B, D_HIDDEN) @ w1.astype(np.float64).T).reshape(T, B, D_IN)
    flat = lambda a: [float(v) for v in np.asarray(a).ravel()]
    return {
        "convention": convention,
        "shapes": {"x": [T, B, D_IN], "w1": [D_IN, D_HIDDEN], "w2": [D_HIDDEN, D_OUT], "target": [B, D_OUT]},
        "x": flat(x), "w1": flat(w1), "b1": flat(b1), "w2": flat(w2), "b2": flat(b2), "target": flat(target),
        "spikes": flat(spikes), "output": flat(out), "loss": float(loss),
        "grad_x": flat(grad_x), "grad_w1": flat(grad_w1), "grad_b1": flat(grad_b1),
        "grad_w2": flat(grad_w2), "grad_b2": flat(grad_b2),
    }


def main():
    rng = np.random.default_rng(2024)
    cases = [case("decay_input", rng), case("subtract", rng)]
    out = pathlib.Path(__file__).resolve().parent.parent / "Tests/SpikeEngineTests/Golden/spiking_network.json"
    out.write_text(json.dumps({"cases": cases}, indent=1) + "\n")
    for c in cases:
        print(f"{c['convention']}: loss {c['loss']:.6f}, firing rate {np.mean(c['spikes']):.3f}")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
