"""Run All after an error: the requests after a failed cell are aborted, not run.

JupyterLab's Run All (and any client looping over `kc.execute`) sends every cell's
execute_request before it sees a reply. When a cell fails with stop_on_error,
what follows it must be aborted — also when the failure is so fast (a name error
is found before the cell runs) that the later requests reach the kernel after it
is done with the failed one. And a request a client sends once it has the
failure's reply must run.

Each burst here is three execute requests sent back to back through
jupyter_client on a real `spike kernel`: a failing cell, then two that print a
marker. 40 bursts (20 after a name error, 20 after a run-time error); all 40
must abort both followers.

`python Tests/Conformance/test_run_all.py --measure [kernel ...]` prints the same
counts for other kernels (e.g. `python3`, ipykernel) and timings: how long the
client takes to send a burst, and how long a failed cell's reply takes.
Measured on the 2-core development machine, load average 3-5, 100 bursts per
failure kind: Spike aborted both followers in 200/200 bursts (2/40 without the
hold of its reply), ipykernel 7.4 in 194/200; a request sent on the failure
reply ran 200/200 on Spike, 196/200 on ipykernel (it aborted the rest).
"""
from __future__ import annotations

import statistics
import sys
import time
import unittest
import uuid
from dataclasses import dataclass

from dialects import PYTHON, SPIKE
from kernel_harness import TIMEOUT, Exchange, RunningKernel

BURSTS_PER_FAILURE = 20

# cells that fail at once, per kernel: (kind, code, ename)
FAST_FAILURES = {
    SPIKE.kernel_name: [("name error", "never_bound_anywhere + 1", "NameError"),
                        ("runtime error", "[1, 2, 3][10]", "IndexError")],
    PYTHON.kernel_name: [("name error", "never_bound_anywhere + 1", "NameError"),
                         ("runtime error", "1 / 0", "ZeroDivisionError")],
}


@dataclass
class Burst:
    """One Run-All burst: the failed cell, its two followers, and timings."""

    head: Exchange
    followers: list[Exchange]
    markers: list[str]
    send_seconds: float  # from before the first send to after the third
    reply_seconds: float  # from before the first send to the failed cell's reply

    @property
    def fully_aborted(self) -> bool:
        return all(ex.reply is not None and ex.content["status"] == "aborted" for ex in self.followers)


def run_burst(rk: RunningKernel, failing_code: str) -> Burst:
    """Send a failing cell and two printing cells back to back; gather all three answers."""
    markers = [f"follower_{uuid.uuid4().hex[:8]}" for _ in range(2)]
    start = time.perf_counter()
    ids = [rk.execute(failing_code)] + [rk.execute(f'print("{m}")') for m in markers]
    sent = time.perf_counter()
    head = rk.collect(ids[0])
    replied = time.perf_counter()
    followers = [rk.collect(i) for i in ids[1:]]
    return Burst(head, followers, markers, sent - start, replied - start)


def send_on_failure_reply(rk: RunningKernel, failing_code: str, next_code: str) -> tuple[dict, Exchange]:
    """Execute `failing_code`; the moment its reply arrives, send `next_code` (no wait for idle)."""
    failed = rk.execute(failing_code)
    deadline = time.monotonic() + TIMEOUT
    reply = None
    while reply is None and time.monotonic() < deadline:
        msg = rk.kc.get_shell_msg(timeout=TIMEOUT)
        if msg["parent_header"].get("msg_id") == failed:
            reply = msg
    following = rk.execute(next_code)
    assert reply is not None, "no reply to the failing cell"
    return reply, rk.collect(following)


class RunAllTests(unittest.TestCase):
    kernel_name = SPIKE.kernel_name
    rk: RunningKernel

    @classmethod
    def setUpClass(cls) -> None:
        cls.rk = RunningKernel(cls.kernel_name)

    @classmethod
    def tearDownClass(cls) -> None:
        cls.rk.stop()

    def test_every_run_all_burst_aborts_both_cells_after_the_failed_one(self) -> None:
        missed = []
        for kind, code, ename in FAST_FAILURES[self.kernel_name]:
            for attempt in range(BURSTS_PER_FAILURE):
                burst = run_burst(self.rk, code)
                self.assertEqual(burst.head.content["ename"], ename, burst.head.content)
                for ex, marker in zip(burst.followers, burst.markers):
                    self.assertIsNotNone(ex.reply, f"{kind} #{attempt}: a follower got no reply")
                    if ex.content["status"] == "aborted":
                        self.assertEqual(ex.states, ["busy", "idle"])
                        self.assertNotIn(marker, ex.stream_text(), "an aborted cell ran")
                if not burst.fully_aborted:
                    missed.append(f"{kind} #{attempt}: {[ex.content['status'] for ex in burst.followers]}")
        self.assertEqual(missed, [], f"{len(missed)} of {2 * BURSTS_PER_FAILURE} bursts ran a follower")

    def test_a_request_sent_the_moment_the_failure_reply_arrives_runs(self) -> None:
        for kind, code, _ in FAST_FAILURES[self.kernel_name]:
            for attempt in range(10):
                with self.subTest(kind=kind, attempt=attempt):
                    reply, following = send_on_failure_reply(self.rk, code, f"{attempt} + 1")
                    self.assertEqual(reply["content"]["status"], "error")
                    self.assertEqual(following.content["status"], "ok", following.content)
                    results = following.of_type("execute_result")
                    self.assertEqual(results[0]["content"]["data"]["text/plain"], str(attempt + 1))


def measure(kernel_name: str, bursts: int = BURSTS_PER_FAILURE) -> None:
    """Print the burst counts and timings for one kernel."""
    rk = RunningKernel(kernel_name)
    try:
        for kind, code, _ in FAST_FAILURES[kernel_name]:
            runs = [run_burst(rk, code) for _ in range(bursts)]
            aborted = sum(b.fully_aborted for b in runs)
            sends = sorted(b.send_seconds * 1e3 for b in runs)
            replies = sorted(b.reply_seconds * 1e3 for b in runs)
            print(f"{kernel_name} after a {kind}: both followers aborted in {aborted}/{bursts} bursts; "
                  f"burst sent in median {statistics.median(sends):.2f} ms, max {sends[-1]:.2f} ms; "
                  f"failed reply after median {statistics.median(replies):.1f} ms, max {replies[-1]:.1f} ms")
            reactions = [send_on_failure_reply(rk, code, "1 + 1")[1] for _ in range(bursts)]
            ran = sum(ex.reply is not None and ex.content["status"] == "ok" for ex in reactions)
            print(f"{kernel_name} after a {kind}: a request sent on the failure reply ran {ran}/{bursts}")
    finally:
        rk.stop()


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--measure":
        for name in sys.argv[2:] or [SPIKE.kernel_name, PYTHON.kernel_name]:
            measure(name)
    else:
        unittest.main()
