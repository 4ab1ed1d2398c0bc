"""Harness self-check: the protocol checks run against ipykernel with Python snippets.

If a check fails here, the harness (not the Spike kernel) is wrong, except for the
behaviours where ipykernel knowingly differs from Spike's contract, which the
PYTHON dialect switches off (silent streams, replies to unknown request types).
Run with `make harness-selfcheck` (not part of `make test`: it tests the tests).
"""
from __future__ import annotations

import unittest

import jupyter_kernel_test

import test_conformance as conformance
import test_protocol_extra as extra
from dialects import PYTHON


class IPyInterruptTests(extra.InterruptChecks, unittest.TestCase):
    dialect = PYTHON


class IPyQueueTests(extra.QueueChecks, unittest.TestCase):
    dialect = PYTHON


class IPyExecutionTests(extra.ExecutionChecks, unittest.TestCase):
    dialect = PYTHON


class IPyFrontendRequestTests(extra.FrontendRequestChecks, unittest.TestCase):
    dialect = PYTHON


class IPyHostileInputTests(extra.HostileInputChecks, unittest.TestCase):
    dialect = PYTHON


class IPyRobustnessTests(extra.RobustnessChecks, unittest.TestCase):
    dialect = PYTHON


class IPyShutdownTests(extra.ShutdownChecks, unittest.TestCase):
    dialect = PYTHON


class IPyKernelTests(conformance.ExtraConformanceChecks, jupyter_kernel_test.KernelTests):
    """The jupyter_kernel_test attributes of test_conformance.py, in Python."""

    kernel_name = "python3"
    language_name = "python"
    file_extension = ".py"
    code_hello_world = 'print("hello, world")'
    code_stderr = 'import sys; print("careful", file=sys.stderr)'
    code_generate_error = "raise ValueError('boom')"
    code_execute_result = [
        {"code": "6*7", "result": "42"},
        {"code": "[1, 2] + [3]", "result": "[1, 2, 3]"},
        {"code": "'ab' + 'c'", "result": "'abc'"},
    ]
    code_display_data = [
        {"code": "from IPython.display import HTML, display; display(HTML('<b>x</b>'))",
         "mime": "text/html"},
        {"code": "from IPython.display import SVG, display; "
                 "display(SVG('<svg xmlns=\"http://www.w3.org/2000/svg\"/>'))",
         "mime": "image/svg+xml"},
    ]
    code_clear_output = "from IPython.display import clear_output; clear_output()"
    code_page_something = "print?"
    completion_samples = [
        {"text": "isinst", "matches": ["isinstance"]},
        {"text": "zzz_no_such_prefix", "matches": []},
    ]
    code_inspect_sample = "print"
    complete_code_samples = ["1", "x = 1 + 2", "print('x')"]
    incomplete_code_samples = ["def f(a):", "print('x'"]
    invalid_code_samples = ["x = (1 +* 2))"]
    code_history_pattern = "6*7"
    supported_history_operations = ("tail", "range", "search")
    rich_code = "from IPython.display import HTML, display; display(HTML('<b>x</b>'))"
    error_ename = "ValueError"


class IPyIopubWelcomeTests(jupyter_kernel_test.IopubWelcomeTests):
    kernel_name = "python3"
    support_iopub_welcome = True


if __name__ == "__main__":
    unittest.main()
