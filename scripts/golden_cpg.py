#!/usr/bin/env python3
"""Golden CPG-PE spike matrix for SpikeEngine's tests (docs/science.md §2).

Computes, in float32 as the reference PyTorch code does,
    omega_k = exp(float32(2k) * float32(-ln(tau) / n)),   k = 0 .. n/2 - 1
    P[p, 2k]   = 1 if sin(float32(p) * omega_k) - 0.8 >= 0 else 0
    P[p, 2k+1] = 1 if cos(float32(p) * omega_k) - 0.8 >= 0 else 0
for p = 0 .. 4999, n = 20 channels, tau = 10000, and writes one line of 0/1 characters per
position to Tests/SpikeEngineTests/Golden/cpg_n20_tau1e4_5000.txt.

It also prints two facts the Swift tests assert independently: the number of distinct codes
among the first 672 positions for n = 10, tau = 1e4 (74), and the mean duty cycle.
Usage: python3 scripts/golden_cpg.py   (needs numpy)
"""
import math
import pathlib

import numpy as np


def cpg_pe(length: int, channels: int, tau: float, threshold: float = 0.8) -> np.ndarray:
    omega = np.exp(np.arange(0, channels, 2, dtype=np.float32) * np.float32(-math.log(tau) / channels))
    position = np.arange(length, dtype=np.float32)[:, None]
    angle = (position * omega[None, :]).astype(np.float32)
    table = np.zeros((length, channels), dtype=np.float32)
    table[:, 0::2] = np.sin(angle)
    table[:, 1::2] = np.cos(angle)[:, : channels // 2]
    return (table - np.float32(threshold) >= 0).astype(np.int8)


def main() -> None:
    out = pathlib.Path(__file__).resolve().parent.parent / "Tests/SpikeEngineTests/Golden/cpg_n20_tau1e4_5000.txt"
    matrix = cpg_pe(5000, 20, 1e4)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("".join("".join(str(int(v)) for v in row) + "\n" for row in matrix))
    small = cpg_pe(672, 10, 1e4)
    distinct = len({row.tobytes() for row in small})
    print(f"wrote {out} ({matrix.shape[0]} x {matrix.shape[1]})")
    print(f"distinct codes, n=10 tau=1e4 L=672: {distinct}")
    print(f"duty cycle of channel 0 over 5000 positions: {matrix[:, 0].mean():.4f}")
    print(f"(pi - 2 asin 0.8) / (2 pi) = {(math.pi - 2 * math.asin(0.8)) / (2 * math.pi):.4f}")


if __name__ == "__main__":
    main()
