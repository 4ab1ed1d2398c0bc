"""Every interrupt is answered promptly, through the real kernel and jupyter_client.

A cell that runs one long engine call (randn, cpg_oscillator, encode, simulate, transpose,
tensor arithmetic and comparisons, `where`, subscripts, math functions and reductions over 1e8
elements, a 1e4 × 1e4 matrix product between blocks of rows) polls the interrupt flag in chunks
and ends with Interrupted soon after `interrupt_request`; so does the evaluator's own
work over long lists, strings and tensors (`==` of lists, list `+`, `list`, `str`, `print`, `tolist`,
`tensor`, string length, indexing and slicing, showing a 1e8-element tensor). Lexing, parsing and checking a
huge cell (a 1e6-element list literal, a 100,000-field record) poll it too, and such a cell
stops before it runs. Work that cannot poll (matching 50,000 named arguments, "did you mean"
among many bindings) is linear or bounded, so such a cell replies soon after the interrupt
either way. The kernel keeps its bindings afterwards, and a long simulation draws a small
figure.

The latency is the time from sending `interrupt_request` on control to receiving the
`execute_reply` on shell. The issue's target is 100 ms; the assertion allows 1 s for a
loaded 2-core machine. Run with `-s` to see the measured figures.
Run: JUPYTER_PATH=<prefix>/share/jupyter python -m pytest Tests/Conformance/test_interrupt_latency.py
"""
from __future__ import annotations

import statistics
import time
import unittest
from queue import Empty
from typing import Any

from dialects import SPIKE
from kernel_harness import TIMEOUT
from test_protocol_extra import _KernelChecks

BOUND = 1.0
# Long single engine calls: each runs for seconds (or far longer) unless interrupted.
ENGINE_CALLS = {
    "randn([5e7])": "big = randn([5e7])",
    "cpg_oscillator(length=1e7)": "big = cpg_oscillator(length=1e7)",
    "encode(cpg(), length=1e7)": "big = encode(cpg(), length=1e7)",
    "encode(random_code(), length=1e7)": "big = encode(random_code(channels=16), length=1e7)",
    "simulate(lif(), steps=4e7)": "big = simulate(lif(), steps=4e7)",
}
# Tensor expressions over 1e8 elements (400 MB each; at most three alive at once, 1.2 GB),
# each a second or more of work.
TENSOR_SETUP = "a = ones([1e8])\nm = reshape(a, [1e4, 1e4])"
TENSOR_EXPRESSIONS = {
    "a * a + a * 2 - a / 3 (1e8 elements)": "big = a * a + a * 2 - a / 3",
    "exp(a) (1e8 elements)": "big = exp(a)",
    "max(m, axis=0) (1e4 × 1e4)": "big = max(m, axis=0)",
    "sum(a * a) + mean(-a) (1e8 elements)": "big = sum(a * a) + mean(-a)",
    "where(a > 0.5, a, 0) (1e8 elements)": "big = sum(where(a > 0.5, a, 0)) + sum(a != a) + sum(a <= 0)",
    "m[:, 1:] and m[1:, :-1] (1e4 × 1e4)": "big = sum(m[:, 1:]) + sum(m[1:, :-1]) + sum(m[:, 2:])",
    "m @ m (1e4 × 1e4, 2e12 flop)": "big = m @ m",
}
# Work over long lists, strings and tensors outside the engine (equality, joining, collecting,
# converting, text forms, showing a result, string indexing). Each case repeats its operation
# so the cell runs well past the latest interrupt (0.25 s), binding nothing until the end.
TENSORS_OUTSIDE_THE_ENGINE_SETUP = "a = ones([1e8])\nb = ones([1e8])"
TENSORS_OUTSIDE_THE_ENGINE = {
    "[a] == [b] (1e8 elements, ×3)": "big = ([a] == [b]) and ([a] == [b]) and ([a] == [b])",
    "showing a 1e8-element tensor (×5)": "display(a)\ndisplay(a)\ndisplay(a)\ndisplay(a)\na",
}
LISTS_SETUP = "t = ones([1e7])\nl = list(range(1e7))\nl2 = list(range(1e7))"
LISTS = {
    "l == l2 (1e7 items, ×3)": "big = (l == l2) and (l == l2) and (l == l2)",
    "l[1:] (1e7 items, ×3)": "big = len(l[1:]) + len(l[1:]) + len(l[1:])",
    "l + l2 (1e7 items each, ×2)": "big = len(l + l2) + len(l + l2)",
    "list(range(1e7)) (×4)": "big = len(list(range(1e7))) + len(list(range(1e7))) + len(list(range(1e7))) + len(list(range(1e7)))",
    "tolist(t) (1e7 elements, ×3)": "big = len(tolist(t)) + len(tolist(t)) + len(tolist(t))",
    "tensor(l) (1e7 items, ×3)": "big = len(tensor(l)) + len(tensor(l)) + len(tensor(l))",
    "str(l) (1e7 items)": "big = str(l)",
    "print(l) (1e7 items)": "print(l)\nbig = 1",
}
# A 134 MB string (2^27 characters).
STRING_SETUP = 's = "x"\nfor i in range(27) { s = s + s }'
STRINGS = {
    "s[1e8] (134 MB string, ×3)": "big = s[1e8] + s[1e8] + s[1e8]",
    "len(s) (134 MB string, ×3)": "big = len(s) + len(s) + len(s)",
    "s[-1e8:] (134 MB string, ×3)": "big = len(s[-1e8:-1e8 + 3]) + len(s[-1e8:-1e8 + 3]) + len(s[-1e8:-1e8 + 3])",
}
REPEATS = 3


class InterruptLatency(_KernelChecks, unittest.TestCase):
    latencies: dict[str, list[float]]

    @classmethod
    def setUpClass(cls) -> None:
        super().setUpClass()
        cls.latencies = {}

    @classmethod
    def tearDownClass(cls) -> None:
        super().tearDownClass()
        every = [value for values in cls.latencies.values() for value in values]
        if every:
            print(f"\ninterrupt → reply latency over {len(every)} interrupts: "
                  f"median {statistics.median(every) * 1000:.0f} ms, worst {max(every) * 1000:.0f} ms")
            for name, values in cls.latencies.items():
                print(f"  {name}: " + ", ".join(f"{value * 1000:.0f} ms" for value in values))

    def setUp(self) -> None:
        super().setUp()
        self.assert_ok(self.rk.run("kept = 41"))

    def interrupt(self, name: str, code: str, delay: float) -> dict[str, Any]:
        """Runs `code`, interrupts it `delay` s after it started, and returns the reply's
        content; records the latency from the interrupt to the reply under `name`."""
        msg_id = self.rk.execute(code)
        self.wait_until_running(msg_id)
        time.sleep(delay)
        sent = time.monotonic()
        self.rk.send("control", "interrupt_request", {})
        deadline = sent + TIMEOUT
        reply = None
        while reply is None and time.monotonic() < deadline:
            try:
                msg = self.rk.kc.get_shell_msg(timeout=0.01)
            except Empty:
                continue
            if msg["parent_header"].get("msg_id") == msg_id:
                reply = msg
        latency = time.monotonic() - sent
        self.assertIsNotNone(reply, f"{name}: no execute_reply within {TIMEOUT} s of the interrupt")
        self.latencies.setdefault(name, []).append(latency)
        self.rk.drain(0.1)
        self.assertLess(latency, BOUND, f"{name}: the reply came {latency:.3f} s after the interrupt")
        return reply["content"]

    def assert_bindings_kept(self) -> None:
        self.assertEqual(self.rk.text_result("kept + 1"), "42")

    def assert_interrupted_each_time(self, name: str, code: str, bound: str = "big") -> None:
        """`code` (binding `bound`) ends with Interrupted however late in its run it is interrupted."""
        for attempt in range(REPEATS):
            with self.subTest(call=name, attempt=attempt):
                content = self.interrupt(name, code, delay=0.05 + 0.1 * attempt)
                self.assertEqual(content["status"], "error", content)
                self.assertEqual(content["ename"], SPIKE.interrupted_ename, content)
                self.assert_bindings_kept()
                self.assertEqual(self.rk.text_result(bound), None, "an interrupted call bound its result")

    def test_a_long_engine_call_ends_with_interrupted_soon_after_the_interrupt(self) -> None:
        for name, code in ENGINE_CALLS.items():
            self.assert_interrupted_each_time(name, code)

    def test_a_long_transpose_ends_with_interrupted_soon_after_the_interrupt(self) -> None:
        self.assert_ok(self.rk.run("square = randn([8000, 8000])", timeout=60))
        self.assert_interrupted_each_time("transpose(randn([8000, 8000]))", "big = transpose(square)")

    def assert_each_interrupted_after(self, setup: str, cells: dict[str, str], teardown: str) -> None:
        """Runs `setup`, then checks that each of `cells` ends with Interrupted however late it
        is interrupted; runs `teardown` (which frees what `setup` made) in any case."""
        self.assert_ok(self.rk.run(setup, timeout=60))
        try:
            for name, code in cells.items():
                self.assert_interrupted_each_time(name, code)
        finally:
            self.rk.run(teardown)

    def test_a_long_tensor_expression_ends_with_interrupted_soon_after_the_interrupt(self) -> None:
        self.assert_each_interrupted_after(TENSOR_SETUP, TENSOR_EXPRESSIONS, "a = 0\nm = 0")

    def test_long_tensor_work_outside_the_engine_ends_with_interrupted_soon_after_the_interrupt(self) -> None:
        self.assert_each_interrupted_after(TENSORS_OUTSIDE_THE_ENGINE_SETUP, TENSORS_OUTSIDE_THE_ENGINE, "a = 0\nb = 0")

    def test_long_list_work_ends_with_interrupted_soon_after_the_interrupt(self) -> None:
        self.assert_each_interrupted_after(LISTS_SETUP, LISTS, "t = 0\nl = 0\nl2 = 0")

    def test_indexing_a_long_string_ends_with_interrupted_soon_after_the_interrupt(self) -> None:
        self.assert_each_interrupted_after(STRING_SETUP, STRINGS, "s = 0")

    def test_a_million_element_list_literal_stops_while_it_is_read(self) -> None:
        # A 6.9 MB cell: lexing, parsing and checking it take a second or more, and poll.
        items = ", ".join(str(i) for i in range(1_000_000))
        self.assert_interrupted_each_time("1e6-element list literal", f"biglist = [{items}]", bound="biglist")

    def test_a_hundred_thousand_field_record_replies_soon_after_the_interrupt(self) -> None:
        fields = ", ".join(f"f{i}: {i}" for i in range(100_000))
        cell = f"record = {{{fields}}}\nfor i in 0..1e9 {{ i }}"
        content = self.interrupt("100,000-field record", cell, delay=0.02)
        # Lexing, parsing and checking poll the flag, and so does the loop after the record, so
        # the interrupt is answered soon and not dropped. An interrupt that lands while the cell
        # is read ends it before anything runs (no record); one that lands in the loop (on a
        # machine that reads the cell within 20 ms) leaves the record bound.
        self.assertEqual(content["status"], "error", content)
        self.assertEqual(content["ename"], SPIKE.interrupted_ename, content)
        self.assert_bindings_kept()
        bound = self.rk.text_result("record.f99999")
        if bound is None:
            self.assertIsNone(self.rk.text_result("record"), "a cell stopped before it ran bound a record")
        else:
            self.assertEqual(bound, "99999")

    def test_a_call_with_fifty_thousand_named_arguments_replies_soon_after_the_interrupt(self) -> None:
        parameters = ", ".join(f"p{i}" for i in range(50_000))
        self.assert_ok(self.rk.run(f"fn wide({parameters}) = p49999 - p0", timeout=60))
        arguments = ", ".join(f"p{i}={i}" for i in reversed(range(50_000)))
        cell = f"wide_result = wide({arguments})\nfor i in 0..1e9 {{ i }}"
        content = self.interrupt("call with 50,000 named arguments", cell, delay=0.02)
        self.assertEqual(content["status"], "error", content)
        self.assertEqual(content["ename"], SPIKE.interrupted_ename, content)
        self.assert_bindings_kept()
        self.assertEqual(self.rk.text_result(f"wide({arguments})"), "49999")

    def test_did_you_mean_among_a_hundred_thousand_bindings_replies_soon_after_the_interrupt(self) -> None:
        self.assert_ok(self.rk.run("\n".join(f"value_{i} = {i}" for i in range(100_000)), timeout=120))
        misspelt = "\n".join(f"vaule_{i}" for i in range(0, 100_000, 50))
        content = self.interrupt("did you mean ×2000 among 100,000 bindings", misspelt, delay=0.02)
        self.assertEqual(content["status"], "error", content)
        self.assertIn(content["ename"], {SPIKE.name_error, SPIKE.interrupted_ename}, content)
        self.assert_bindings_kept()
        self.assertEqual(self.rk.text_result("value_99999"), "99999")

    def test_a_ten_million_step_simulation_draws_a_figure_under_a_megabyte(self) -> None:
        exchange = self.rk.run("simulate(lif(), steps=1e7)", timeout=120)
        self.assert_ok(exchange)
        results = exchange.of_type("execute_result") + exchange.of_type("display_data")
        svgs = [m["content"]["data"]["image/svg+xml"] for m in results if "image/svg+xml" in m["content"]["data"]]
        self.assertEqual(len(svgs), 1, [m["msg_type"] for m in exchange.iopub])
        self.assertLess(len(svgs[0].encode()), 1_000_000)
        self.assertIn("spike-marks", svgs[0])


if __name__ == "__main__":
    unittest.main()
