#!/usr/bin/env python3
"""Latency / throughput of Jupyter kernels side by side (spike vs ipykernel, or any kernelspecs).

Started from the project's research tool (shared tools/kernel_latency.py) and made ours:
several --kernel options are measured in one run (start-ups interleaved round by round so
machine load hits every kernel alike) and the result is printed as a table; the full
JSON goes to --json-out. Printed, never asserted: `make bench` runs it.

Measures, using jupyter_client only (so the numbers are comparable across
kernels written in any language):

  (i)   startup: launch the kernel process N times and time
          - launch -> first kernel_info_reply on shell        ("first_kernel_info_reply_s")
          - launch -> "ready" as jupyter_client defines it:   ("ready_s")
            kernel_info_reply received AND at least one IOPub message received
            (this is what KernelClient.wait_for_ready / nbclient / papermill wait for;
            a kernel that never publishes status busy/idle around kernel_info_request
            is never "ready")
          - shutdown_request -> process exit                    ("shutdown_s")
          - process launch -> kernel_info_reply / -> first IOPub message, seen by raw
            sockets that retry their connection every 2 ms ("own_start_*_s"): the kernel's
            own start cost, without the ~0.1 s KernelManager's sockets may wait before
            retrying a connection refused because the kernel had not bound yet
  (ii)  on ONE warm kernel, M executions of --code, each timed from
        execute_request send to
          - first IOPub status busy           ("busy_ms")
          - execute_reply on shell            ("reply_ms")
          - IOPub status idle                 ("idle_ms")
        Shell and IOPub sockets are polled together, so arrival times are exact
        (no serial read bias).
  (iii) throughput:
          - sequential: send, wait for reply AND idle, send next  ("sequential_rps"); in
                        --rounds rounds in which the kernels (all started, all warm) take
                        turns, the median round reported: the machine's load drifts, and
                        taking turns lets it hit every kernel alike
          - pipelined:  send K requests back-to-back, wait for all replies and
                        idles (what "Run All" in a notebook does) ("pipelined_rps")

It also runs a few protocol sanity checks on the warm kernel and reports them
under "checks" (busy/idle bracketing of kernel_info, execute_input present,
execution_count monotonic, header version, date has a timezone, ...).  They
are observations, not pass/fail gates.

Output: a table on stdout (progress on stderr); --json prints the JSON document instead.

Usage (from the repo root, with the venv that has jupyter_client; make bench does this):
  JUPYTER_PATH=.build/jupyter/share/jupyter \
      .venv/bin/python bench/kernel_latency.py --kernel spike --kernel python3 -n 10 -m 300
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
from typing import Any

try:
    import zmq
    from jupyter_client import KernelManager
    from jupyter_client import __version__ as jc_version
    from jupyter_client.kernelspec import KernelSpecManager
except ImportError as exc:  # pragma: no cover
    sys.exit(f"needs jupyter_client + pyzmq in this interpreter: {exc}")


def log(*a: Any) -> None:
    print(*a, file=sys.stderr, flush=True)


# Kernel processes inherit our stdout/stderr unless told otherwise; some kernels
# print debug text there, which would corrupt the JSON we print. Everything the
# kernel writes goes to this sink (os.devnull unless --kernel-log is given).
KERNEL_OUT: Any = None


def start_kernel(km: Any) -> None:
    km.start_kernel(stdout=KERNEL_OUT, stderr=KERNEL_OUT)


def pct(values: list[float], p: float) -> float:
    """Nearest-rank percentile (p in 0..100)."""
    if not values:
        return float("nan")
    s = sorted(values)
    k = max(0, min(len(s) - 1, int(round(p / 100.0 * len(s) + 0.5)) - 1))
    return s[k]


def summary(values: list[float], nd: int = 3) -> dict[str, Any]:
    if not values:
        return {"n": 0}
    return {
        "n": len(values),
        "median": round(statistics.median(values), nd),
        "mean": round(statistics.fmean(values), nd),
        "min": round(min(values), nd),
        "max": round(max(values), nd),
        "p90": round(pct(values, 90), nd),
        "p99": round(pct(values, 99), nd),
        "stdev": round(statistics.pstdev(values), nd) if len(values) > 1 else 0.0,
    }


class Wire:
    """Direct polling over a KernelClient's shell+iopub sockets."""

    def __init__(self, kc: Any) -> None:
        self.kc = kc
        self.session = kc.session
        self.shell = kc.shell_channel.socket
        self.iopub = kc.iopub_channel.socket
        self.poller = zmq.Poller()
        self.poller.register(self.shell, zmq.POLLIN)
        self.poller.register(self.iopub, zmq.POLLIN)

    def _recv(self, sock: Any) -> dict[str, Any]:
        frames = sock.recv_multipart(copy=True)
        _idents, msg_list = self.session.feed_identities(frames, copy=True)
        return self.session.deserialize(msg_list, content=True, copy=True)

    def poll(self, timeout_s: float) -> list[tuple[str, float, dict[str, Any]]]:
        """Return all messages available within timeout_s as (channel, t, msg)."""
        out = []
        events = dict(self.poller.poll(int(timeout_s * 1000)))
        t = time.perf_counter()
        # drain everything that's ready
        for sock, name in ((self.shell, "shell"), (self.iopub, "iopub")):
            if sock in events:
                while True:
                    try:
                        frames = sock.recv_multipart(zmq.NOBLOCK, copy=True)
                    except zmq.Again:
                        break
                    _idents, msg_list = self.session.feed_identities(frames, copy=True)
                    msg = self.session.deserialize(msg_list, content=True, copy=True)
                    out.append((name, t, msg))
        return out

    def drain(self, quiet_s: float = 0.2) -> list[tuple[str, float, dict[str, Any]]]:
        got = []
        while True:
            batch = self.poll(quiet_s)
            if not batch:
                return got
            got.extend(batch)


# --------------------------------------------------------------------------
# (i) startup
# --------------------------------------------------------------------------

def startup_once(kernel: str, timeout: float) -> dict[str, Any]:
    """Launch one kernel, wait until ready by jupyter_client's rule, shut it down."""
    run: dict[str, Any] = {"reply": None, "ready": None, "shutdown": None, "failures": []}
    km = KernelManager(kernel_name=kernel)
    t0 = time.perf_counter()
    try:
        start_kernel(km)
    except Exception as exc:  # noqa: BLE001
        run["failures"].append(f"start: {exc!r}")
        return run
    kc = km.client()
    kc.start_channels()
    w = Wire(kc)
    t_reply = t_ready = None
    got_iopub = False
    deadline = t0 + timeout
    next_send = 0.0
    # Re-send kernel_info_request until answered (every 0.5 s), and after the
    # reply keep poking (every 0.25 s) until some IOPub message arrives --
    # the same readiness rule jupyter_client.wait_for_ready applies (an
    # IOPub SUB may join late and miss the first busy/idle; kernels using
    # an XPUB socket send iopub_welcome when the subscription lands).
    while time.perf_counter() < deadline:
        now = time.perf_counter()
        if now >= next_send:
            kc.kernel_info()
            next_send = now + (0.5 if t_reply is None else 0.25)
        for ch, t, msg in w.poll(0.02):
            if ch == "shell" and msg["msg_type"] == "kernel_info_reply":
                if t_reply is None:
                    t_reply = t - t0
                    run["kernel_info"] = msg["content"]
            elif ch == "iopub":
                got_iopub = True
        if t_reply is not None and got_iopub:
            t_ready = time.perf_counter() - t0
            break
    if t_reply is None:
        run["failures"].append(f"no kernel_info_reply within {timeout}s")
    elif t_ready is None:
        run["failures"].append("kernel_info_reply but no IOPub message "
                               "(kernel does not publish status around kernel_info?)")
    run["reply"], run["ready"] = t_reply, t_ready
    kc.stop_channels()
    ts = time.perf_counter()
    try:
        km.shutdown_kernel(now=False)
    except Exception as exc:  # noqa: BLE001
        run["failures"].append(f"shutdown: {exc!r}")
    run["shutdown"] = time.perf_counter() - ts
    return run


def process_start_once(kernel: str, timeout: float) -> dict[str, Any]:
    """The kernel's own start cost: process launch -> kernel_info_reply -> first IOPub message,
    seen by sockets that retry their connection every 2 ms. (KernelManager's sockets retry
    every 100 ms, zmq's default, so `ready_s` above carries up to ~0.1 s of client waiting.)"""
    import subprocess
    import tempfile
    import uuid

    from jupyter_client.connect import write_connection_file
    from jupyter_client.session import Session

    spec = KernelSpecManager().get_kernel_spec(kernel)
    key = uuid.uuid4().hex.encode()
    folder = tempfile.mkdtemp(prefix="kernel-latency-")
    fname, conn = write_connection_file(fname=os.path.join(folder, "connection.json"),
                                        ip="127.0.0.1", key=key)
    argv = [a.replace("{connection_file}", fname) for a in spec.argv]
    if argv[0] in ("python", "python3") or argv[0].startswith("python3."):
        argv[0] = sys.executable  # what jupyter_client does too
    session = Session(key=key)
    ctx = zmq.Context()
    shell, iopub = ctx.socket(zmq.DEALER), ctx.socket(zmq.SUB)
    for sock in (shell, iopub):
        sock.setsockopt(zmq.RECONNECT_IVL, 2)
        sock.linger = 0
    iopub.setsockopt(zmq.SUBSCRIBE, b"")
    run: dict[str, Any] = {"reply": None, "ready": None}
    t0 = time.perf_counter()
    proc = subprocess.Popen(argv, env={**os.environ, **spec.env}, stdout=KERNEL_OUT,
                            stderr=KERNEL_OUT, stdin=subprocess.DEVNULL)
    try:
        shell.connect(f"tcp://127.0.0.1:{conn['shell_port']}")
        iopub.connect(f"tcp://127.0.0.1:{conn['iopub_port']}")
        poller = zmq.Poller()
        poller.register(shell, zmq.POLLIN)
        poller.register(iopub, zmq.POLLIN)
        session.send(shell, "kernel_info_request", {})
        next_send = time.perf_counter() + 0.25
        while time.perf_counter() - t0 < timeout and run["ready"] is None:
            events = dict(poller.poll(10))
            now = time.perf_counter()
            if shell in events:
                shell.recv_multipart()
                run["reply"] = run["reply"] or now - t0
            if iopub in events:
                iopub.recv_multipart()
                if run["reply"] is not None:
                    run["ready"] = now - t0
            if now >= next_send and run["ready"] is None:
                session.send(shell, "kernel_info_request", {})  # as wait_for_ready re-asks
                next_send = now + 0.25
    finally:
        proc.terminate()
        proc.wait()
        shell.close()
        iopub.close()
        ctx.term()
        os.unlink(fname)
        os.rmdir(folder)
    return run


def measure_startup(kernels: list[str], n: int, timeout: float) -> dict[str, dict[str, Any]]:
    """n launches of every kernel, alternating kernels round by round."""
    runs: dict[str, list[dict[str, Any]]] = {k: [] for k in kernels}
    for i in range(n):
        for kernel in kernels:
            r = startup_once(kernel, timeout)
            r["own"] = process_start_once(kernel, timeout)
            runs[kernel].append(r)
            log(f"  own start {r['own']['reply'] and round(r['own']['reply'], 4)}s; startup {i + 1}/{n} {kernel}: first_reply={r['reply'] and round(r['reply'], 3)}s "
                f"ready={r['ready'] and round(r['ready'], 3)}s "
                f"shutdown={r['shutdown'] and round(r['shutdown'], 3)}s")
    out = {}
    for kernel, rs in runs.items():
        info = next((r["kernel_info"] for r in rs if "kernel_info" in r), None)
        out[kernel] = {
            "first_kernel_info_reply_s": summary([r["reply"] for r in rs if r["reply"] is not None]),
            "ready_s": summary([r["ready"] for r in rs if r["ready"] is not None]),
            "shutdown_s": summary([r["shutdown"] for r in rs if r["shutdown"] is not None]),
            "own_start_reply_s": summary([r["own"]["reply"] for r in rs if r["own"]["reply"] is not None]),
            "own_start_ready_s": summary([r["own"]["ready"] for r in rs if r["own"]["ready"] is not None]),
            "failures": [f"run {i}: {f}" for i, r in enumerate(rs) for f in r["failures"]],
            "kernel_info": info,
        }
    return out


# --------------------------------------------------------------------------
# (ii) + (iii) execute on a warm kernel
# --------------------------------------------------------------------------

def one_execute(kc: Any, w: Wire, code: str, timeout: float) -> dict[str, Any]:
    t0 = time.perf_counter()
    msg_id = kc.execute(code, silent=False, store_history=True, allow_stdin=False)
    res: dict[str, Any] = {"msg_id": msg_id, "iopub": []}
    deadline = t0 + timeout
    while time.perf_counter() < deadline:
        for ch, t, msg in w.poll(max(0.0, min(1.0, deadline - time.perf_counter()))):
            parent = msg.get("parent_header", {}).get("msg_id")
            if parent != msg_id:
                continue
            mt = msg["msg_type"]
            if ch == "shell" and mt == "execute_reply":
                res["reply_ms"] = (t - t0) * 1000
                res["reply"] = msg
            elif ch == "iopub":
                res["iopub"].append(msg)
                if mt == "status":
                    st = msg["content"].get("execution_state")
                    if st == "busy" and "busy_ms" not in res:
                        res["busy_ms"] = (t - t0) * 1000
                    elif st == "idle":
                        res["idle_ms"] = (t - t0) * 1000
        if "reply_ms" in res and "idle_ms" in res:
            break
    res["total_ms"] = (time.perf_counter() - t0) * 1000
    return res


class OpenKernel:
    """One started kernel with a ready client, kept for the whole execute phase."""

    def __init__(self, kernel: str, timeout: float) -> None:
        self.name = kernel
        self.km = KernelManager(kernel_name=kernel)
        start_kernel(self.km)
        self.kc = self.km.client()
        self.kc.start_channels()
        self.kc.wait_for_ready(timeout=timeout)
        self.wire = Wire(self.kc)
        self.wire.drain(0.3)

    def close(self) -> None:
        self.kc.stop_channels()
        self.km.shutdown_kernel(now=False)


def protocol_checks(k: OpenKernel, code: str, timeout: float) -> dict[str, Any]:
    """Observations on the warm kernel (not gates): bracketing, headers, counts, silent."""
    kc, w = k.kc, k.wire
    checks: dict[str, Any] = {}
    kid = kc.kernel_info()
    seen = []
    t_end = time.perf_counter() + 5
    while time.perf_counter() < t_end:
        for ch, _t, msg in w.poll(0.2):
            if msg.get("parent_header", {}).get("msg_id") == kid:
                seen.append((ch, msg["msg_type"], msg["content"].get("execution_state")))
        if ("iopub", "status", "idle") in seen:
            break
    checks["kernel_info_bracketed_by_busy_idle"] = (
        ("iopub", "status", "busy") in seen and ("iopub", "status", "idle") in seen)

    r = one_execute(kc, w, code, timeout)
    reply = r.get("reply") or {}
    hdr = reply.get("header", {})
    checks["reply_header_version"] = hdr.get("version")
    d = hdr.get("date")
    checks["reply_date_has_tz"] = bool(getattr(d, "tzinfo", None)) if d is not None else None
    types = [x["msg_type"] for x in r["iopub"]]
    checks["iopub_sequence_first_exec"] = types
    checks["execute_input_sent"] = "execute_input" in types
    checks["first_iopub_is_busy"] = bool(types) and types[0] == "status" and \
        r["iopub"][0]["content"].get("execution_state") == "busy"
    checks["last_iopub_is_idle"] = bool(types) and types[-1] == "status" and \
        r["iopub"][-1]["content"].get("execution_state") == "idle"
    checks["reply_status"] = reply.get("content", {}).get("status")
    ec1 = reply.get("content", {}).get("execution_count")
    r2 = one_execute(kc, w, code, timeout)
    ec2 = (r2.get("reply") or {}).get("content", {}).get("execution_count")
    checks["execution_count_increments"] = (ec1 is not None and ec2 == ec1 + 1)
    rs = one_execute(kc, w, code + "\n", timeout)  # still store_history
    # silent execution must not bump the counter nor publish execute_input/result
    t0 = time.perf_counter()
    sid = kc.execute(code, silent=True)
    silent_msgs = []
    while time.perf_counter() - t0 < timeout:
        batch = w.poll(0.5)
        for ch, _t, msg in batch:
            if msg.get("parent_header", {}).get("msg_id") == sid:
                silent_msgs.append((ch, msg))
        if any(ch == "iopub" and m_["msg_type"] == "status" and
               m_["content"].get("execution_state") == "idle" for ch, m_ in silent_msgs):
            break
    sreply = [m_ for ch, m_ in silent_msgs if ch == "shell"]
    s_ec = sreply[0]["content"].get("execution_count") if sreply else None
    ec3 = (rs.get("reply") or {}).get("content", {}).get("execution_count")
    checks["silent_keeps_execution_count"] = (s_ec == ec3) if s_ec is not None else None
    checks["silent_iopub_types"] = [m_["msg_type"] for ch, m_ in silent_msgs if ch == "iopub"]
    w.drain(0.2)
    return checks


def measure_latency(k: OpenKernel, code: str, m: int, warmup: int, timeout: float) -> dict[str, Any]:
    """m timed executions, one at a time: send -> busy, -> reply, -> idle."""
    for _ in range(warmup):
        one_execute(k.kc, k.wire, code, timeout)
    busy, rep, idle, gap = [], [], [], []
    missing = 0
    for i in range(m):
        r = one_execute(k.kc, k.wire, code, timeout)
        if "reply_ms" not in r or "idle_ms" not in r:
            missing += 1
            continue
        rep.append(r["reply_ms"])
        idle.append(r["idle_ms"])
        gap.append(r["idle_ms"] - r["reply_ms"])
        if "busy_ms" in r:
            busy.append(r["busy_ms"])
        if (i + 1) % 100 == 0:
            log(f"  execute {i + 1}/{m}: median reply {statistics.median(rep):.3f} ms")
    return {
        "warmup": warmup,
        "busy_ms": summary(busy),
        "reply_ms": summary(rep),
        "idle_ms": summary(idle),
        "idle_after_reply_ms": summary(gap),
        "missing": missing,
    }


def sequential_round(k: OpenKernel, code: str, count: int, timeout: float) -> tuple[int, float]:
    """count requests, each sent once the previous one's reply AND idle arrived: (completed, seconds)."""
    t0 = time.perf_counter()
    done = 0
    for _ in range(count):
        r = one_execute(k.kc, k.wire, code, timeout)
        if "reply_ms" in r and "idle_ms" in r:
            done += 1
    return done, time.perf_counter() - t0


def measure_sequential(kernels: list[OpenKernel], code: str, count: int, rounds: int,
                       timeout: float) -> dict[str, dict[str, Any]]:
    """Sequential requests/s in `rounds` rounds, the kernels taking turns within each round (the
    order reversed every other round), so that the machine's changing load hits every kernel
    alike; the median round is the figure."""
    per_round: dict[str, list[float]] = {k.name: [] for k in kernels}
    completed: dict[str, int] = {k.name: 0 for k in kernels}
    for r in range(rounds):
        for k in (kernels if r % 2 == 0 else kernels[::-1]):
            done, elapsed = sequential_round(k, code, count, timeout)
            completed[k.name] += done
            per_round[k.name].append(done / elapsed if elapsed > 0 else float("nan"))
        log(f"  sequential round {r + 1}/{rounds}: " +
            ", ".join(f"{n} {v[-1]:.0f}/s" for n, v in per_round.items()))
    return {
        name: {
            "sequential_requests": count * rounds,
            "sequential_completed": completed[name],
            "sequential_rounds": rounds,
            "sequential_rps_by_round": [round(v, 1) for v in values],
            "sequential_rps": round(statistics.median(values), 1),
            "sequential_rps_min": round(min(values), 1),
            "sequential_rps_max": round(max(values), 1),
        }
        for name, values in per_round.items()
    }


def measure_pipelined(k: OpenKernel, code: str, count: int, timeout: float) -> dict[str, Any]:
    """count requests sent back to back (what Run All does), then every reply and idle collected."""
    kc, w = k.kc, k.wire
    w.drain(0.2)
    t0 = time.perf_counter()
    ids = {kc.execute(code, silent=False, store_history=True, allow_stdin=False)
           for _ in range(count)}
    replies, idles = set(), set()
    deadline = t0 + timeout
    while (len(replies) < len(ids) or len(idles) < len(ids)) and time.perf_counter() < deadline:
        for ch, _t, msg in w.poll(0.5):
            pid = msg.get("parent_header", {}).get("msg_id")
            if pid not in ids:
                continue
            if ch == "shell" and msg["msg_type"] == "execute_reply":
                replies.add(pid)
            elif ch == "iopub" and msg["msg_type"] == "status" and \
                    msg["content"].get("execution_state") == "idle":
                idles.add(pid)
    elapsed = time.perf_counter() - t0
    return {
        "pipelined_requests": count,
        "pipelined_replies": len(replies),
        "pipelined_idles": len(idles),
        "pipelined_elapsed_s": round(elapsed, 3),
        "pipelined_rps": round(len(replies) / elapsed, 1) if elapsed > 0 else float("nan"),
        "pipelined_stalled": len(replies) < count or len(idles) < count,
    }


TARGETS = {  # issue 2's targets for the spike kernel, shown beside its numbers
    "ready_ms": "<= 30",
    "idle_ms": "<= 0.5",
    "sequential_rps": ">= 2000",
}


def table(results: dict[str, dict[str, Any]]) -> str:
    """The side-by-side table printed by `make bench`."""
    kernels = list(results)

    def cell(kernel: str, path: tuple[str, ...], scale: float = 1.0, nd: int = 2) -> str:
        node: Any = results[kernel]
        for key in path:
            if not isinstance(node, dict) or key not in node:
                return "-"
            node = node[key]
        if isinstance(node, bool) or node is None:
            return str(node)
        if isinstance(node, (int, float)):
            return f"{node * scale:.{nd}f}"
        return str(node)

    rows = [
        ("launch -> ready, median (ms)", ("startup", "ready_s", "median"), 1000, 1, "ready_ms"),
        ("launch -> ready, p90 (ms)", ("startup", "ready_s", "p90"), 1000, 1, None),
        ("own start -> reply, median (ms)", ("startup", "own_start_reply_s", "median"), 1000, 1, None),
        ("own start -> ready, median (ms)", ("startup", "own_start_ready_s", "median"), 1000, 1, "ready_ms"),
        ("shutdown, median (ms)", ("startup", "shutdown_s", "median"), 1000, 1, None),
        ("execute -> busy, median (ms)", ("execute", "busy_ms", "median"), 1, 3, None),
        ("execute -> reply, median (ms)", ("execute", "reply_ms", "median"), 1, 3, None),
        ("execute -> reply, p99 (ms)", ("execute", "reply_ms", "p99"), 1, 3, None),
        ("execute -> idle, median (ms)", ("execute", "idle_ms", "median"), 1, 3, "idle_ms"),
        ("execute -> idle, p99 (ms)", ("execute", "idle_ms", "p99"), 1, 3, None),
        ("idle after reply, median (ms)", ("execute", "idle_after_reply_ms", "median"), 1, 3, None),
        ("sequential requests/s, median round", ("execute", "throughput", "sequential_rps"), 1, 0,
         "sequential_rps"),
        ("sequential requests/s, worst round", ("execute", "throughput", "sequential_rps_min"), 1, 0, None),
        ("sequential requests/s, best round", ("execute", "throughput", "sequential_rps_max"), 1, 0, None),
        ("pipelined requests/s", ("execute", "throughput", "pipelined_rps"), 1, 0, None),
        ("pipelined stalled", ("execute", "throughput", "pipelined_stalled"), 1, 0, None),
        ("kernel_info in busy/idle", ("execute", "checks", "kernel_info_bracketed_by_busy_idle"), 1, 0, None),
        ("silent keeps execution_count", ("execute", "checks", "silent_keeps_execution_count"), 1, 0, None),
        ("header version", ("execute", "checks", "reply_header_version"), 1, 0, None),
    ]
    width = max(12, *(len(k) + 2 for k in kernels))
    lines = [f"{'metric':38}" + "".join(f"{k:>{width}}" for k in kernels) + f"{'spike target':>14}"]
    lines.append("-" * len(lines[0]))
    for title, path, scale, nd, target in rows:
        values = "".join(f"{cell(k, path, scale, nd):>{width}}" for k in kernels)
        lines.append(f"{title:38}{values}{TARGETS.get(target or '', ''):>14}")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--kernel", action="append", required=True,
                    help="kernelspec name; repeat to compare (see `jupyter kernelspec list`)")
    ap.add_argument("--code", default="1+1", help="snippet to execute (default: 1+1, valid Spike and Python)")
    ap.add_argument("-n", "--starts", type=int, default=10, help="kernel launches for startup timing")
    ap.add_argument("-m", "--executes", type=int, default=300, help="timed executions on one kernel")
    ap.add_argument("--warmup", type=int, default=20, help="untimed executions before timing")
    ap.add_argument("--throughput", type=int, default=300, help="sequential requests per kernel and round")
    ap.add_argument("--rounds", type=int, default=7,
                    help="interleaved rounds of sequential requests; the median round is reported")
    ap.add_argument("--pipelined", type=int, default=300, help="back-to-back requests for pipelined throughput")
    ap.add_argument("--timeout", type=float, default=60.0, help="per-operation timeout, seconds")
    ap.add_argument("--skip-startup", action="store_true")
    ap.add_argument("--json", action="store_true", help="print the JSON document instead of the table")
    ap.add_argument("--json-out", help="also write the JSON here")
    ap.add_argument("--kernel-log", default=os.devnull,
                    help="file that receives the kernel processes' stdout/stderr (default: discard)")
    args = ap.parse_args()
    global KERNEL_OUT
    KERNEL_OUT = open(args.kernel_log, "ab")  # noqa: SIM115

    ksm = KernelSpecManager()
    specs = {}
    for kernel in args.kernel:
        try:
            specs[kernel] = ksm.get_kernel_spec(kernel)
        except Exception as exc:  # noqa: BLE001
            sys.exit(f"kernelspec {kernel!r} not found: {exc}; have {sorted(ksm.find_kernel_specs())}")

    la0 = os.getloadavg()
    out: dict[str, Any] = {
        "code": args.code,
        "env": {
            "python": platform.python_version(),
            "jupyter_client": jc_version,
            "pyzmq": zmq.__version__,
            "libzmq": zmq.zmq_version(),
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
            "loadavg_start": [round(x, 2) for x in la0],
        },
        "kernels": {k: {"kernelspec": {"argv": s.argv, "language": s.language,
                                       "interrupt_mode": s.interrupt_mode,
                                       "display_name": s.display_name}}
                    for k, s in specs.items()},
    }
    t_all = time.perf_counter()
    if not args.skip_startup:
        log(f"[startup] {args.starts} launches of each of {', '.join(args.kernel)}")
        for kernel, result in measure_startup(args.kernel, args.starts, args.timeout).items():
            out["kernels"][kernel]["startup"] = result
    opened = [OpenKernel(kernel, args.timeout) for kernel in args.kernel]
    try:
        for k in opened:
            log(f"[execute] {k.name}: {args.executes} x {args.code!r}")
            result = {"checks": protocol_checks(k, args.code, args.timeout)}
            result.update(measure_latency(k, args.code, args.executes, args.warmup, args.timeout))
            out["kernels"][k.name]["execute"] = result
        log(f"[sequential] {args.rounds} rounds of {args.throughput} requests per kernel, interleaved")
        sequential = measure_sequential(opened, args.code, args.throughput, args.rounds, args.timeout)
        for k in opened:
            throughput = sequential[k.name]
            throughput.update(measure_pipelined(k, args.code, args.pipelined, args.timeout))
            out["kernels"][k.name]["execute"]["throughput"] = throughput
    finally:
        for k in opened:
            k.close()
    out["env"]["loadavg_end"] = [round(x, 2) for x in os.getloadavg()]
    out["wall_s"] = round(time.perf_counter() - t_all, 2)
    text = json.dumps(out, indent=2, default=str)
    if args.json:
        print(text)
    else:
        print(f"code {args.code!r}; load average {out['env']['loadavg_start'][0]} -> "
              f"{out['env']['loadavg_end'][0]}; libzmq {out['env']['libzmq']}; "
              f"{out['env']['cpus']} cpus; {out['wall_s']} s")
        print(table(out["kernels"]))
        for kernel, result in out["kernels"].items():
            for failure in result.get("startup", {}).get("failures", []):
                print(f"{kernel}: {failure}")
    if args.json_out:
        with open(args.json_out, "w") as fh:
            fh.write(text + "\n")


if __name__ == "__main__":
    main()
