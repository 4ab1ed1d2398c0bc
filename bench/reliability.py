#!/usr/bin/env python3
"""Reliability figures of Jupyter kernels side by side (spike vs ipykernel), from one run.

Printed, never asserted: `make bench` runs it and the README quotes it. Every figure is
measured the same way for every kernel, through jupyter_client only:

  fuzz        --fuzz cells from one seeded generator (byte soup, Unicode, token soup of both
              languages, deep nesting, huge literals) sent to each kernel, plus --forged
              frames with a wrong signature sent raw to the shell socket. Counted: replies,
              cells that killed the kernel (restarted and counted), requests left unanswered,
              forged frames that got any answer.
  interrupt   --interrupts times: a long loop starts, the client waits for its execute_input,
              lets it run a random 100-150 ms, then interrupts through KernelManager (what
              JupyterLab's stop button does); the time from the interrupt to the
              execute_reply. Median and worst. (Spike holds the reply of a cell that failed
              within 50 ms of starting, to abort a Run-All burst behind it: interrupting
              sooner measures that hold, not the interrupt.)
  soak        --soak sequential requests (bind, compute, print) on one warm kernel:
              requests/s, and the slope of the kernel's resident memory over the second half
              (KiB per 1000 requests; about 0 means nothing accumulates but history).
  restart     --restarts restarts through KernelManager.restart_kernel, timed until the
              kernel answers kernel_info again and IOPub delivers. Median and worst.

Usage (from the repo root; make bench sets JUPYTER_PATH to the test prefix):
  JUPYTER_PATH=.build/jupyter/share/jupyter .venv/bin/python bench/reliability.py \
      --kernel spike --kernel python3
"""
from __future__ import annotations

import argparse
import json
import os
import queue
import random
import statistics
import sys
import time
from typing import Any

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kernel_latency import summary  # noqa: E402

try:
    from jupyter_client import KernelManager
    from jupyter_client.session import Session
except ImportError as exc:  # pragma: no cover
    sys.exit(f"needs jupyter_client + pyzmq in this interpreter: {exc}")

# What each kernel runs for the checks that need real code.
SNIPPETS: dict[str, dict[str, str]] = {
    "spike": {
        "long_loop": "for i in 0..1000000000 { x = i }",
        "soak": "a = {i} * 2\nprint(a)\na + 1",
    },
    "python3": {
        "long_loop": "for i in range(10**10):\n    x = i",
        "soak": "a = {i} * 2\nprint(a)\na + 1",
    },
}

SPIKE_TOKENS = ["fn", "for", "in", "if", "else", "true", "false", "none", "(", ")", "[", "]", "{",
                "}", ",", ".", "..", ">>", "+", "-", "*", "/", "==", "=", "x", "lif", "cpg",
                "simulate", "1", "1e9", "0.5", '"s"', "\n", "%reset", "#"]
PYTHON_TOKENS = ["def", "for", "in", "if", "else:", "True", "None", "lambda", "(", ")", "[", "]",
                 ":", ",", ".", "+", "*", "**", "=", "x", "1", "0.5", "'s'", "\n", "    "]


def log(*a: Any) -> None:
    print(*a, file=sys.stderr, flush=True)


def fuzz_cells(count: int, seed: int) -> list[str]:
    """One deterministic mix of hostile cells, the same for every kernel."""
    rng = random.Random(seed)
    cells = []
    for n in range(count):
        kind = n % 6
        if kind == 0:
            cells.append(bytes(rng.randrange(1, 256) for _ in range(rng.randrange(1, 200))).decode("latin-1"))
        elif kind == 1:
            cells.append("".join(chr(rng.choice([rng.randrange(0x20, 0x7f), rng.randrange(0xa0, 0xd7ff),
                                                 rng.randrange(0xe000, 0x10ffff)]))
                                 for _ in range(rng.randrange(1, 120))))
        elif kind == 2:
            cells.append(" ".join(rng.choice(SPIKE_TOKENS) for _ in range(rng.randrange(1, 60))))
        elif kind == 3:
            cells.append(" ".join(rng.choice(PYTHON_TOKENS) for _ in range(rng.randrange(1, 60))))
        elif kind == 4:
            depth = rng.choice([10, 100, 1000, 10_000])
            opener, closer = rng.choice([("(", ")"), ("[", "]"), ("{", "}")])
            cells.append(opener * depth + "1" + closer * rng.choice([depth, depth - 1, 0]))
        else:
            cells.append(rng.choice(['"' + "a" * 100_000 + '"', "1" + "+1" * 5_000,
                                     "x = " + "9" * 5_000, "\x00\x1b[2J", "%" * 1000, "\\u{110000}"]))
    return cells


class Kernel:
    """A started kernel with a blocking client."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.km = KernelManager(kernel_name=name)
        self.km.start_kernel(stdout=open(os.devnull, "w"), stderr=open(os.devnull, "w"))
        self.kc = self.km.client()
        self.kc.start_channels()
        self.kc.wait_for_ready(timeout=60)

    def restart(self) -> None:
        self.kc.stop_channels()
        self.km.restart_kernel(now=True)
        self.kc = self.km.client()
        self.kc.start_channels()
        self.kc.wait_for_ready(timeout=60)

    def execute(self, code: str, timeout: float) -> dict[str, Any] | None:
        """Runs `code`, drains its IOPub up to idle; the reply, or None on timeout."""
        msg_id = self.kc.execute(code, store_history=False)
        try:
            reply = self.kc.get_shell_msg(timeout=timeout)
            while reply["parent_header"].get("msg_id") != msg_id:
                reply = self.kc.get_shell_msg(timeout=timeout)
            self.drain_until_idle(msg_id, timeout)
            return reply
        except queue.Empty:
            return None

    def drain_until_idle(self, msg_id: str, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            msg = self.kc.get_iopub_msg(timeout=max(0.01, deadline - time.monotonic()))
            if (msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "status"
                    and msg["content"]["execution_state"] == "idle"):
                return

    def rss_kib(self) -> int:
        pid = self.km.provisioner.process.pid  # type: ignore[union-attr]
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        return 0

    def close(self) -> None:
        self.kc.stop_channels()
        self.km.shutdown_kernel(now=True)


def measure_fuzz(k: Kernel, cells: list[str], forged: int, timeout: float) -> dict[str, Any]:
    replies = deaths = unanswered = 0
    for code in cells:
        reply = k.execute(code, timeout)
        if reply is not None:
            replies += 1
        elif k.km.is_alive():
            unanswered += 1
            k.restart()
        if not k.km.is_alive():
            deaths += 1
            k.restart()
    # Forged frames: a well-formed execute_request signed with the wrong key.
    shell = k.kc.shell_channel.socket
    forger = Session(key=b"not-the-key", username="forger")
    for n in range(forged):
        forger.send(shell, forger.msg("execute_request", {"code": f"forged_{n} = 1", "silent": False}))
    answered_forged = 0
    deadline = time.monotonic() + 1.0
    while time.monotonic() < deadline:
        try:
            k.kc.get_shell_msg(timeout=0.1)
            answered_forged += 1
        except queue.Empty:
            pass
    alive_after = k.execute("1", timeout) is not None
    return {"cells": len(cells), "replies": replies, "kernel_deaths": deaths,
            "unanswered": unanswered, "forged_frames": forged,
            "forged_answered": answered_forged, "alive_after_forged": alive_after}


def measure_interrupts(k: Kernel, code: str, count: int, timeout: float, rng: random.Random) -> dict[str, Any]:
    latencies, failures = [], 0
    for _ in range(count):
        msg_id = k.kc.execute(code, store_history=False)
        started = False
        deadline = time.monotonic() + timeout
        while not started and time.monotonic() < deadline:
            msg = k.kc.get_iopub_msg(timeout=timeout)
            started = msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "execute_input"
        time.sleep(rng.uniform(0.1, 0.15))
        t0 = time.perf_counter()
        k.km.interrupt_kernel()
        try:
            reply = k.kc.get_shell_msg(timeout=timeout)
            while reply["parent_header"].get("msg_id") != msg_id:
                reply = k.kc.get_shell_msg(timeout=timeout)
            latencies.append((time.perf_counter() - t0) * 1000)
            k.drain_until_idle(msg_id, timeout)
        except queue.Empty:
            failures += 1
            k.restart()
    return {"latency_ms": summary(latencies), "unanswered": failures}


def measure_soak(k: Kernel, code: str, count: int, timeout: float) -> dict[str, Any]:
    samples: list[tuple[int, int]] = []
    failures = 0
    t0 = time.perf_counter()
    for i in range(count):
        if k.execute(code.format(i=i), timeout) is None:
            failures += 1
        if i % 250 == 0 or i == count - 1:
            samples.append((i, k.rss_kib()))
    elapsed = time.perf_counter() - t0
    half = [s for s in samples if s[0] >= count // 2]
    slope = 0.0
    if len(half) >= 2:
        xs, ys = [s[0] for s in half], [s[1] for s in half]
        mx, my = statistics.fmean(xs), statistics.fmean(ys)
        slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs) * 1000
    return {"requests": count, "requests_per_s": round(count / elapsed, 1), "failures": failures,
            "rss_start_kib": samples[0][1], "rss_end_kib": samples[-1][1],
            "rss_slope_kib_per_1000": round(slope, 1)}


def measure_restarts(k: Kernel, count: int) -> dict[str, Any]:
    times = []
    for _ in range(count):
        t0 = time.perf_counter()
        k.restart()
        times.append((time.perf_counter() - t0) * 1000)
    return {"restart_ms": summary(times, 1)}


def table(results: dict[str, dict[str, Any]]) -> str:
    rows = [
        ("fuzz cells answered", lambda r: f"{r['fuzz']['replies']}/{r['fuzz']['cells']}"),
        ("  kernel deaths", lambda r: str(r["fuzz"]["kernel_deaths"])),
        ("forged frames answered", lambda r: f"{r['fuzz']['forged_answered']}/{r['fuzz']['forged_frames']}"),
        ("interrupt -> reply, median ms", lambda r: f"{r['interrupt']['latency_ms'].get('median', 'nan')}"),
        ("interrupt -> reply, worst ms", lambda r: f"{r['interrupt']['latency_ms'].get('max', 'nan')}"),
        ("  interrupts unanswered", lambda r: str(r["interrupt"]["unanswered"])),
        ("soak requests/s", lambda r: str(r["soak"]["requests_per_s"])),
        ("soak RSS KiB start -> end", lambda r: f"{r['soak']['rss_start_kib']} -> {r['soak']['rss_end_kib']}"),
        ("soak RSS slope KiB/1000 req", lambda r: str(r["soak"]["rss_slope_kib_per_1000"])),
        ("restart median ms", lambda r: str(r["restart"]["restart_ms"].get("median"))),
        ("restart worst ms", lambda r: str(r["restart"]["restart_ms"].get("max"))),
    ]
    names = list(results)
    width = max(len(r[0]) for r in rows) + 2
    lines = ["".ljust(width) + "".join(n.rjust(16) for n in names)]
    for label, cell in rows:
        lines.append(label.ljust(width) + "".join(cell(results[n]).rjust(16) for n in names))
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--kernel", action="append", required=True, help="kernelspec name (spike, python3)")
    ap.add_argument("--fuzz", type=int, default=600, help="fuzzed cells per kernel")
    ap.add_argument("--forged", type=int, default=2000, help="forged frames per kernel")
    ap.add_argument("--interrupts", type=int, default=30)
    ap.add_argument("--soak", type=int, default=5000)
    ap.add_argument("--restarts", type=int, default=20)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--timeout", type=float, default=10.0, help="seconds before a request counts as unanswered")
    ap.add_argument("--json-out")
    args = ap.parse_args()

    cells = fuzz_cells(args.fuzz, args.seed)
    results: dict[str, dict[str, Any]] = {}
    for name in args.kernel:
        snippets = SNIPPETS.get(name, SNIPPETS["python3"])
        rng = random.Random(args.seed)
        k = Kernel(name)
        try:
            log(f"{name}: fuzz ({len(cells)} cells, {args.forged} forged frames)")
            fuzz = measure_fuzz(k, cells, args.forged, args.timeout)
            log(f"{name}: {args.interrupts} interrupts")
            interrupt = measure_interrupts(k, snippets["long_loop"], args.interrupts, args.timeout, rng)
            log(f"{name}: soak of {args.soak} requests")
            soak = measure_soak(k, snippets["soak"], args.soak, args.timeout)
            log(f"{name}: {args.restarts} restarts")
            restart = measure_restarts(k, args.restarts)
        finally:
            k.close()
        results[name] = {"fuzz": fuzz, "interrupt": interrupt, "soak": soak, "restart": restart}
    print(table(results))
    if args.json_out:
        with open(args.json_out, "w") as out:
            json.dump(results, out, indent=1)


if __name__ == "__main__":
    main()
