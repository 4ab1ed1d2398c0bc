#!/usr/bin/env python3
"""Golden reference for Spike's training loop: a tiny spiking network trained for a few Adam
steps, written independently in NumPy (float32) from the equations of docs/science.md §1 and §5.

Network (per batch x of shape [B, L, C]):
    S0  = LIF(x repeated T times)                      repeat encoder, T = 3
    P   = CPG-PE spikes, pairs 2, tau 100, theta 0.8, p = t*L + l
    Y1  = S0 @ Wx + (P @ Wp)[t, l] + b                 concatenate + linear back to C
    S1  = LIF(Y1)
    Y2  = S1 @ W2                                      linear C -> 5, no bias (batch norm follows)
    Y3  = BN(Y2) over (T, B, L) per feature            training statistics, eps 1e-5
    S   = LIF(Y3)                                      every LIF: tau 2, decay input, hard reset, atan(2)
    Z   = mean over T, then L                          [B, 5]
    out = Z @ W3 + b3, reshaped [B, H, C]              MSE against the target
Training: global-norm gradient clipping at 1.0, then Adam (lr 1e-2, betas 0.9/0.999, eps 1e-8).

Writes Tests/SpikeEngineTests/TrainingTests/Golden/tiny_training.json:
initial weights, batches, the loss of every step, and the weights after the last step.
"""
import json
import os

import numpy as np

F = np.float32
T, B, L, C, H, WIDTH, PAIRS, TAU_PE = 3, 4, 5, 3, 2, 5, 2, 100.0
STEPS, LR, CLIP = 4, 1e-2, 1.0
TAU, THRESHOLD, ALPHA = 2.0, 1.0, 2.0


def cpg_code():
    n = 2 * PAIRS
    omegas = [F(TAU_PE) ** F(-2.0 * k / n) for k in range(PAIRS)]
    code = np.zeros((T * L, n), dtype=F)
    for p in range(T * L):
        for k, omega in enumerate(omegas):
            angle = F(p) * F(omega)
            code[p, 2 * k] = 1.0 if np.sin(angle, dtype=F) - F(0.8) >= 0 else 0.0
            code[p, 2 * k + 1] = 1.0 if np.cos(angle, dtype=F) - F(0.8) >= 0 else 0.0
    return code


def lif_forward(x):
    """SpikingJelly LIF over axis 0: H = V + (X - V)/tau, S = H >= 1, V = H (1 - S)."""
    v = np.zeros(x.shape[1:], dtype=F)
    charges, spikes = np.zeros_like(x), np.zeros_like(x)
    for t in range(x.shape[0]):
        h = (v + (x[t] - v) / F(TAU)).astype(F)
        s = (h >= F(THRESHOLD)).astype(F)
        charges[t], spikes[t] = h, s
        v = (h * (F(1) - s)).astype(F)
    return spikes, charges


def lif_backward(grad_spikes, charges, spikes):
    """BPTT with the atan surrogate and a detached hard reset."""
    grad_x = np.zeros_like(grad_spikes)
    grad_v = np.zeros(grad_spikes.shape[1:], dtype=F)
    for t in reversed(range(grad_spikes.shape[0])):
        u = charges[t] - F(THRESHOLD)
        surrogate = F(ALPHA) / (F(2) * (F(1) + (F(np.pi / 2) * F(ALPHA) * u) ** 2))
        dh = grad_spikes[t] * surrogate + grad_v * (F(1) - spikes[t])
        grad_x[t] = dh / F(TAU)
        grad_v = dh * F(1 - 1 / TAU)
    return grad_x


def forward_backward(params, x, y, code):
    wx, wp, b, w2, gamma, beta, w3, b3 = params
    s0, _ = lif_forward(np.broadcast_to(x, (T,) + x.shape).astype(F))
    table = (code @ wp).reshape(T, 1, L, C)
    y1 = s0 @ wx + table + b
    s1, c1 = lif_forward(y1)
    y2 = s1 @ w2
    rows = y2.reshape(-1, WIDTH)
    mean = rows.mean(axis=0)
    var = ((rows - mean) ** 2).mean(axis=0)
    inv = F(1) / np.sqrt(var + F(1e-5))
    xhat = (rows - mean) * inv
    y3 = (xhat * gamma + beta).reshape(y2.shape)
    spikes, charges = lif_forward(y3)
    z = spikes.mean(axis=0).mean(axis=1)  # [B, WIDTH]
    out = (z @ w3 + b3).reshape(B, H, C)
    loss = ((out - y) ** 2).mean()

    g_out = (F(2) * (out - y) / F(out.size)).reshape(B, H * C)
    g_w3 = z.T @ g_out
    g_b3 = g_out.sum(axis=0)
    g_z = g_out @ w3.T
    g_spikes = np.broadcast_to(g_z[None, :, None, :] / F(T * L), spikes.shape).astype(F)
    g_y3 = lif_backward(g_spikes, charges, spikes).reshape(-1, WIDTH)
    g_gamma = (g_y3 * xhat).sum(axis=0)
    g_beta = g_y3.sum(axis=0)
    g_xhat = g_y3 * gamma
    n = F(rows.shape[0])
    g_rows = inv / n * (n * g_xhat - g_xhat.sum(axis=0) - xhat * (g_xhat * xhat).sum(axis=0))
    g_y2 = g_rows.reshape(y2.shape)
    g_w2 = s1.reshape(-1, C).T @ g_y2.reshape(-1, WIDTH)
    g_s1 = g_y2 @ w2.T
    g_y1 = lif_backward(g_s1, c1, s1)
    g_wx = s0.reshape(-1, C).T @ g_y1.reshape(-1, C)
    g_table = g_y1.sum(axis=1).reshape(T * L, C)
    g_wp = code.T @ g_table
    g_b = g_y1.reshape(-1, C).sum(axis=0)
    grads = [g_wx, g_wp, g_b, g_w2, g_gamma, g_beta, g_w3, g_b3]
    return float(loss), [g.astype(F) for g in grads]


def main():
    rng = np.random.default_rng(20241128)
    n = 2 * PAIRS
    shapes = [(C, C), (n, C), (C,), (C, WIDTH), (WIDTH,), (WIDTH,), (WIDTH, H * C), (H * C,)]
    params = [rng.uniform(-0.8, 0.8, size=s).astype(F) for s in shapes]
    for i in range(3):  # the first LIF must fire: W·[x; P] + b mostly above threshold
        params[i] = rng.uniform(-0.5, 1.5, size=shapes[i]).astype(F)
    params[4] = (F(1) + rng.uniform(-0.2, 0.2, size=WIDTH)).astype(F)  # gamma near 1
    params[5] = rng.uniform(0.3, 0.8, size=WIDTH).astype(F)            # beta: some neurons fire
    initial = [p.copy() for p in params]
    batches = [(rng.uniform(0, 3, size=(B, L, C)).astype(F), rng.normal(size=(B, H, C)).astype(F))
               for _ in range(STEPS)]
    code = cpg_code()
    first = [np.zeros_like(p) for p in params]
    second = [np.zeros_like(p) for p in params]
    losses = []
    for step, (x, y) in enumerate(batches, start=1):
        loss, grads = forward_backward(params, x, y, code)
        losses.append(loss)
        norm = np.sqrt(sum(float((g.astype(np.float64) ** 2).sum()) for g in grads))
        if norm > CLIP:
            grads = [(g * F(CLIP / (norm + 1e-6))).astype(F) for g in grads]
        for i, g in enumerate(grads):
            first[i] = F(0.9) * first[i] + F(0.1) * g
            second[i] = F(0.999) * second[i] + F(0.001) * g * g
            m_hat = first[i] / F(1 - 0.9 ** step)
            v_hat = second[i] / F(1 - 0.999 ** step)
            params[i] = (params[i] - F(LR) * m_hat / (np.sqrt(v_hat) + F(1e-8))).astype(F)

    golden = {
        "shape": {"steps": T, "batch": B, "length": L, "variates": C, "horizon": H, "width": WIDTH,
                  "pairs": PAIRS, "tau_pe": TAU_PE, "lr": LR, "clip": CLIP},
        "initial": [p.ravel().tolist() for p in initial],
        "batches": [{"inputs": x.ravel().tolist(), "targets": y.ravel().tolist()} for x, y in batches],
        "losses": losses,
        "final": [p.ravel().tolist() for p in params],
    }
    here = os.path.dirname(os.path.abspath(__file__))
    target = os.path.join(here, "..", "Tests", "SpikeEngineTests", "TrainingTests", "Golden", "tiny_training.json")
    with open(target, "w") as handle:
        json.dump(golden, handle)
    print("losses", losses)


if __name__ == "__main__":
    main()
