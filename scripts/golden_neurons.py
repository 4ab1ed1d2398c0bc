#!/usr/bin/env python3
"""Golden values for the IF and PLIF neurons (docs/science.md §1), computed with NumPy only.

Writes Tests/SpikeEngineTests/Golden/neurons.txt: one block per case (blank-line separated),
lines "key value value ...":

    case NAME              neuron family (if / plif) and configuration
    family threshold reset v_reset decay_input detach_reset tau0   the parameters
    w                      PLIF's initial w = float32(-ln(tau0 - 1)) (absent for IF)
    steps neurons          T and N
    input                  X, float32 values, [T, N] row-major (time first)
    coefficients           c, float32, [T, N]: the loss is L = sum(c * S)
    charge membrane spikes H[t], V[t] and S[t] per entry, float64, [T, N]
    grad_input             dL/dX, [T, N]
    grad_w                 dL/dw (PLIF only)

The forward follows SpikingJelly's IFNode / ParametricLIFNode equations in float64 from the
resting membrane (V_reset for a hard reset, 0 for a soft one), with the Heaviside H >= V_th.
The gradients use the atan(alpha = 2) surrogate, g'(x) = alpha / (2 (1 + (pi/2 alpha x)^2)),
and are computed here in FORWARD mode (tangents of V and H carried along time, one pass per
input entry and one for w), an algorithm independent of the engine's reverse-mode BPTT. Inputs
are redrawn until no charge lies within 1e-6 of the threshold, so the spikes are unambiguous.

Usage: .venv/bin/python scripts/golden_neurons.py   (needs numpy)
"""
import math
import pathlib

import numpy as np

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "Tests/SpikeEngineTests/Golden/neurons.txt"
ALPHA = 2.0
STEPS, NEURONS = 16, 3


def surrogate(x):
    u = math.pi / 2 * ALPHA * x
    return ALPHA / (2 * (1 + u * u))


def numbers(values):
    return " ".join(repr(float(v)) for v in np.asarray(values).reshape(-1))


class Config:
    def __init__(self, name, family, threshold=1.0, reset="zero", v_reset=0.0, decay_input=True,
                 detach_reset=True, tau0=2.0):
        self.name, self.family, self.threshold, self.reset = name, family, threshold, reset
        self.v_reset, self.decay_input, self.detach_reset, self.tau0 = v_reset, decay_input, detach_reset, tau0
        self.w = float(np.float32(-math.log(tau0 - 1))) if family == "plif" else None

    @property
    def pull(self):
        """V_r: what the leak pulls towards (V_reset for a hard reset, else 0)."""
        return self.v_reset if self.reset == "zero" else 0.0

    def rest(self):
        return self.v_reset if self.reset == "zero" else 0.0

    def k(self, w):
        return 1 / (1 + math.exp(-w))

    def charge(self, v, x, w):
        """H and its partials dH/dV, dH/dX, dH/dw."""
        if self.family == "if":
            return v + x, 1.0, 1.0, 0.0
        k = self.k(w)
        slope = k * (1 - k)
        if self.decay_input:
            return v + (x - (v - self.pull)) * k, 1 - k, k, (x - v + self.pull) * slope
        return v - (v - self.pull) * k + x, 1 - k, 1.0, -(v - self.pull) * slope

    def run(self, xs, w, tangent_x=None, tangent_w=0.0):
        """One neuron's forward over xs; with tangents, also dS/dθ for the direction given."""
        v, dv = self.rest(), 0.0
        hs, vs, ss, ds = [], [], [], []
        for t, x in enumerate(xs):
            h, dh_dv, dh_dx, dh_dw = self.charge(v, x, w)
            dx = tangent_x[t] if tangent_x is not None else 0.0
            dh = dh_dv * dv + dh_dx * dx + dh_dw * tangent_w
            s = 1.0 if h >= self.threshold else 0.0
            g = surrogate(h - self.threshold)
            dspike = g * dh
            if self.reset == "zero":
                new_v = h * (1 - s) + self.v_reset * s
                dnew = (1 - s) * dh + (0.0 if self.detach_reset else (self.v_reset - h) * dspike)
            else:
                new_v = h - s * self.threshold
                dnew = dh - (0.0 if self.detach_reset else self.threshold * dspike)
            hs.append(h), vs.append(new_v), ss.append(s), ds.append(dspike)
            v, dv = new_v, dnew
        return np.array(hs), np.array(vs), np.array(ss), np.array(ds)


def case_block(config, rng):
    while True:
        x = rng.uniform(-0.3, 2.6 if config.family == "plif" else 1.1, size=(STEPS, NEURONS)).astype(np.float32)
        columns = [config.run(x[:, j].astype(np.float64), config.w) for j in range(NEURONS)]
        charges = np.stack([c[0] for c in columns], axis=1)
        spikes = np.stack([c[2] for c in columns], axis=1)
        if np.all(np.abs(charges - config.threshold) > 1e-6) and 0 < spikes.sum() < spikes.size:
            break
    c = rng.normal(0, 1, size=(STEPS, NEURONS)).astype(np.float32)
    cd = c.astype(np.float64)
    membrane = np.stack([col[1] for col in columns], axis=1)
    grad_input = np.zeros((STEPS, NEURONS))
    grad_w = 0.0
    for j in range(NEURONS):
        xs = x[:, j].astype(np.float64)
        for t in range(STEPS):
            direction = np.zeros(STEPS)
            direction[t] = 1.0
            grad_input[t, j] = float(np.dot(cd[:, j], config.run(xs, config.w, tangent_x=direction)[3]))
        if config.family == "plif":
            grad_w += float(np.dot(cd[:, j], config.run(xs, config.w, tangent_w=1.0)[3]))
    lines = [
        f"case {config.name}",
        f"family {config.family}",
        f"threshold {config.threshold!r}",
        f"reset {config.reset}",
        f"v_reset {config.v_reset!r}",
        f"decay_input {int(config.decay_input)}",
        f"detach_reset {int(config.detach_reset)}",
        f"tau0 {config.tau0!r}",
        f"steps {STEPS}",
        f"neurons {NEURONS}",
        "input " + numbers(x),
        "coefficients " + numbers(c),
        "charge " + numbers(charges),
        "membrane " + numbers(membrane),
        "spikes " + numbers(spikes),
        "grad_input " + numbers(grad_input),
    ]
    if config.family == "plif":
        lines += [f"w {config.w!r}", f"grad_w {grad_w!r}"]
    return "\n".join(lines)


def main():
    rng = np.random.default_rng(20211)
    configs = [
        Config("if_hard", "if"),
        Config("if_hard_to_v_reset", "if", v_reset=-0.25),
        Config("if_subtract", "if", reset="subtract"),
        Config("if_attached_reset", "if", detach_reset=False),
        Config("plif_hard", "plif", tau0=3.0),
        Config("plif_hard_to_v_reset", "plif", v_reset=-0.25, tau0=2.5),
        Config("plif_subtract", "plif", reset="subtract", tau0=3.0),
        Config("plif_no_decay_input", "plif", decay_input=False, tau0=4.0),
        Config("plif_attached_reset", "plif", detach_reset=False, tau0=2.0),
        Config("plif_subtract_attached", "plif", reset="subtract", detach_reset=False, tau0=3.0),
    ]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("\n\n".join(case_block(config, rng) for config in configs) + "\n")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
