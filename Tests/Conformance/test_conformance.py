"""jupyter_kernel_test conformance suite for the `spike` kernel.

Every jupyter_kernel_test attribute is filled with Spike code (docs/language.md),
so no upstream test is skipped; the extra checks below cover what the upstream
suite leaves out (text/plain fallbacks, execution counts, error fields) and the
language's own display and error contract (docs/language.md §4, §6).

Needs the kernelspec `spike` on JUPYTER_PATH (make test writes one into the
build folder with `spike install --prefix`):
    JUPYTER_PATH=.build/jupyter/share/jupyter .venv/bin/python -m pytest Tests/Conformance
"""
from __future__ import annotations

import unittest
from typing import Any

import jupyter_kernel_test
from jupyter_kernel_test import TIMEOUT

from dialects import SPIKE


class ExtraConformanceChecks:
    """Checks that ride on jupyter_kernel_test's helpers; need `rich_code` and `error_ename`."""

    rich_code = ""
    error_ename = ""
    code_generate_error = ""

    def test_rich_outputs_carry_a_text_plain_fallback(self: Any) -> None:
        self.flush_channels()
        reply, outputs = self.execute_helper(self.rich_code)
        self.assertEqual(reply["content"]["status"], "ok")
        rich = [m for m in outputs if m["msg_type"] in ("display_data", "execute_result")]
        self.assertTrue(rich, [m["msg_type"] for m in outputs])
        for m in rich:
            self.assertIn("text/plain", m["content"]["data"])
            self.assertGreater(len(m["content"]["data"]), 1, "no rich MIME type besides text/plain")

    def test_execution_count_counts_stored_executions_only(self: Any) -> None:
        self.flush_channels()
        r1, _ = self.execute_helper("1")
        r2, out2 = self.execute_helper("1")
        self.assertEqual(r2["content"]["execution_count"], r1["content"]["execution_count"] + 1)
        result = [m for m in out2 if m["msg_type"] == "execute_result"]
        self.assertEqual(result[0]["content"]["execution_count"], r2["content"]["execution_count"])
        r3, out3 = self.execute_helper("1", silent=True, store_history=False)
        self.assertEqual(r3["content"]["execution_count"], r2["content"]["execution_count"])
        self.assertEqual([m for m in out3 if m["msg_type"] in ("execute_result", "execute_input")], [])

    def test_error_reply_and_error_message_agree(self: Any) -> None:
        self.flush_channels()
        reply, outputs = self.execute_helper(self.code_generate_error)
        c = reply["content"]
        self.assertEqual(c["status"], "error")
        self.assertEqual(c["ename"], self.error_ename)
        self.assertIsInstance(c["evalue"], str)
        self.assertTrue(c["traceback"] and all(isinstance(line, str) for line in c["traceback"]))
        self.assertIn("execution_count", c)
        published = outputs[0]["content"]
        for key in ("ename", "evalue", "traceback"):
            self.assertEqual(published[key], c[key])


class SpikeKernelTests(ExtraConformanceChecks, jupyter_kernel_test.KernelTests):
    kernel_name = SPIKE.kernel_name

    # kernel_info
    language_name = "spike"
    file_extension = ".spk"

    # streams
    code_hello_world = 'print("hello, world")'
    # print(..., stream="stderr"): beyond docs/language.md, in the standard library
    code_stderr = 'print("careful: low threshold", stream="stderr")'

    # exactly one IOPub output, the error
    code_generate_error = "undefined_population + 1"
    error_ename = "NameError"

    # docs/language.md §4 text forms, plus the rich MIME types of tables and figures
    code_execute_result = [
        {"code": "6*7", "result": "42"},
        {"code": "1/40000", "result": "2.5e-05"},
        {"code": "0.1 + 0.2", "result": "0.30000000000000004"},
        {"code": "[1, 2] + [3]", "result": "[1, 2, 3]"},
        {"code": '"ab" + "c"', "result": '"abc"'},
        {"code": '{a: 1, b: "x"}', "result": '{a: 1, b: "x"}'},
        {"code": "0..5", "result": "0..5"},
        {"code": "true and not false", "result": "true"},
        {"code": "fn sq(x) = x * x\nsq(7)", "result": "49"},
        {"code": 'if 2 > 1 { "yes" } else { "no" }', "result": '"yes"'},
        {"code": "table([{a: 1, b: 2}])", "mime": "text/html"},
        {"code": "raster(encode(cpg(pairs=2), length=16))", "mime": "image/svg+xml"},
    ]

    # display(value) shows now, mid-cell
    code_display_data = [
        {"code": "display(table([{a: 1, b: 2}]))", "mime": "text/html"},
        {"code": "display(raster(encode(cpg(pairs=2), length=16)))", "mime": "image/svg+xml"},
        {"code": "display(42)", "mime": "text/plain"},
    ]
    rich_code = "simulate(lif(tau=2), input=1.2, steps=12)"

    # clear_output(wait=false): beyond docs/language.md, in the standard library
    code_clear_output = "clear_output()"

    # %help opens the pager (a `page` payload)
    code_page_something = "%help lif"

    completion_samples = [
        {"text": "ras", "matches": ["raster"]},
        {"text": "first_", "matches": ["first_spike"]},
        {"text": "sinus", "matches": ["sinusoidal"]},
        {"text": "zzz_no_such_prefix", "matches": []},
    ]
    code_inspect_sample = "lif"

    complete_code_samples = ["1", "x = 1 + 2", 'print("x")', "fn f(a) { a + 1 }",
                             "for i in 0..3 { print(i) }", "%time 1 + 1"]
    incomplete_code_samples = ["fn f(a) {", 'print("x"', "x = 1 +", "[1, 2,",
                               "net = lif(tau=2) >>"]
    invalid_code_samples = ["x = 1 $ 2", 'print("bad \\q escape")']

    # matches "6*7" only (glob); history_helper re-runs the samples, so >= 3 entries exist
    code_history_pattern = "6*7"
    supported_history_operations = ("tail", "range", "search")

    # -- the language's own contract, seen through the protocol ---------------------
    def run_cell(self, code: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        self.flush_channels()
        return self.execute_helper(code)

    def test_a_cell_ending_in_none_or_semicolon_shows_no_result(self) -> None:
        for code in ("none", "x = 1;", "y = 2", "print(1);"):
            with self.subTest(code=code):
                reply, outputs = self.run_cell(code)
                self.assertEqual(reply["content"]["status"], "ok")
                self.assertEqual([m for m in outputs if m["msg_type"] == "execute_result"], [])

    def test_bindings_persist_across_cells_and_survive_a_failing_statement(self) -> None:
        reply, _ = self.run_cell('kept_a = 20\nkept_b = kept_a + 1\nbroken = kept_a + "text"')
        self.assertEqual(reply["content"]["status"], "error")
        self.assertEqual(reply["content"]["ename"], "TypeError")
        reply, outputs = self.run_cell("kept_a + kept_b")
        results = [m for m in outputs if m["msg_type"] == "execute_result"]
        self.assertEqual(results[0]["content"]["data"]["text/plain"], "41")

    def test_errors_show_the_source_line_and_a_caret(self) -> None:
        reply, _ = self.run_cell("a = 1\nb = a + missing_name")
        text = "\n".join(reply["content"]["traceback"])
        self.assertIn("b = a + missing_name", text)
        self.assertIn("^", text)
        self.assertIn("missing_name", reply["content"]["evalue"])

    def test_several_independent_syntax_errors_are_all_reported(self) -> None:
        reply, _ = self.run_cell("x = (1 +* 2)\ny = 3\nz = ]")
        self.assertEqual(reply["content"]["ename"], "SyntaxError")
        text = "\n".join(reply["content"]["traceback"])
        self.assertIn("x = (1 +* 2)", text)
        self.assertIn("z = ]", text)

    def test_an_unknown_named_argument_suggests_the_closest(self) -> None:
        reply, _ = self.run_cell("lif(tua=2)")
        self.assertEqual(reply["content"]["status"], "error")
        self.assertIn("tau", reply["content"]["evalue"] + "\n".join(reply["content"]["traceback"]))

    def test_help_prints_the_same_text_the_pager_shows(self) -> None:
        reply, _ = self.run_cell("%help first_spike")
        page = reply["content"]["payload"][0]["data"]["text/plain"]
        reply, outputs = self.run_cell("help(first_spike)")
        printed = "".join(m["content"]["text"] for m in outputs if m["msg_type"] == "stream")
        self.assertEqual(printed.strip(), page.strip())

    def test_kernel_info_describes_spike(self) -> None:
        self.flush_channels()
        self.kc.kernel_info()
        reply = self.kc.get_shell_msg(timeout=TIMEOUT)
        info = reply["content"]["language_info"]
        self.assertEqual(info["mimetype"], "text/x-spike")
        self.assertEqual(reply["content"]["protocol_version"], "5.5")
        self.assertTrue(reply["content"]["banner"])


class SpikeIopubWelcomeTests(jupyter_kernel_test.IopubWelcomeTests):
    kernel_name = SPIKE.kernel_name
    support_iopub_welcome = True


if __name__ == "__main__":
    unittest.main()
