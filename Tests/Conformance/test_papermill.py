"""papermill with Spike notebooks, through its real command line and the real kernel: every
parameter type reaches the notebook as the same value, values Spike cannot hold are refused
with a clear error, and `--help-notebook` lists a Spike `parameters` cell.

Needs the companion package (python/, installed into the venv by `make venv`): its
`papermill.engine` entry point registers the Spike translator when papermill starts.
"""
from __future__ import annotations

import importlib.metadata
import re
import shutil
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

import nbformat

TIMEOUT = 120

PARAMETERS_CELL = """\
n = 1            # how many steps
rate = 0.5       # firing rate, per step
text = "a # not a comment"  # a label
flag = false
nothing = 0
items = [1, 2]
config = {a: 1,  # the first field
          b: "x"}  # a record
"""

# Each cell prints one parameter; the expected stdout is what `print` writes for the value.
PRINTING_CELLS = ["print(n)", "print(rate)", "print(text)", "print(len(text))", "print(flag)",
                  "print(nothing)", "print(items)", "print(config)"]

# A string with every character that needs an escape in Spike: quote, backslash, newline, tab,
# non-ASCII (two bytes, and past the Basic Multilingual Plane), a control character.
HARD_TEXT = 'say "hi" \\ back\nnew line\ttab café 😀 \x07 end'


def spike_notebook() -> nbformat.NotebookNode:
    """A Spike notebook: a cell tagged `parameters`, then one printing cell per parameter."""
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {"name": "spike", "language": "spike", "display_name": "Spike"}
    notebook.metadata["language_info"] = {"name": "spike"}
    notebook.cells = [nbformat.v4.new_code_cell(PARAMETERS_CELL, metadata={"tags": ["parameters"]})]
    notebook.cells += [nbformat.v4.new_code_cell(code) for code in PRINTING_CELLS]
    return notebook


def papermill(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "papermill", *args], capture_output=True, text=True,
                          timeout=TIMEOUT, stdin=subprocess.DEVNULL)


def printed(notebook: nbformat.NotebookNode, code: str) -> str:
    """The stdout of the (only) cell whose source is `code`."""
    cell = next(cell for cell in notebook.cells if cell.source == code)
    return "".join(output.get("text", "") for output in cell.outputs if output.output_type == "stream")


class PapermillTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls) -> None:
        try:
            importlib.metadata.distribution("spike-jupyter")
        except importlib.metadata.PackageNotFoundError:
            raise AssertionError("the companion package python/ is not installed in this venv: "
                                 "run `make venv`") from None
        cls.tmp = Path(tempfile.mkdtemp(prefix="spike-papermill-"))
        cls.notebook = cls.tmp / "parameterised.ipynb"
        nbformat.write(spike_notebook(), cls.notebook)

    @classmethod
    def tearDownClass(cls) -> None:
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def run_notebook(self, *parameters: str) -> tuple[subprocess.CompletedProcess[str], Path]:
        out = self.tmp / f"out-{self.id().rsplit('.', 1)[-1]}.ipynb"
        return papermill(str(self.notebook), str(out), "-k", "spike", *parameters), out

    def test_every_parameter_type_reaches_the_notebook_as_the_same_value(self) -> None:
        yaml = ("items: [1, -2, 3.5, 'a', null, [true]]\n"
                "config: {name: spike, sizes: [8, 4], nested: {'my key': true, if: null, 'x\"y': -1}}\n")
        done, out = self.run_notebook("-p", "n", "42", "-p", "rate", "-2.5e-05", "-p", "text", HARD_TEXT,
                                      "-p", "flag", "True", "-p", "nothing", "None", "-y", yaml)
        self.assertEqual(done.returncode, 0, done.stderr[-3000:])
        executed = nbformat.read(out, as_version=4)
        expected = {
            "print(n)": "42",
            "print(rate)": "-2.5e-05",
            "print(text)": HARD_TEXT,
            "print(len(text))": str(len(HARD_TEXT)),  # code points, as Python counts them
            "print(flag)": "true",
            "print(nothing)": "none",
            "print(items)": '[1, -2, 3.5, "a", none, [true]]',
            "print(config)": '{name: "spike", sizes: [8, 4], nested: {"my key": true, if: none, "x\\"y": -1}}',
        }
        for code, text in expected.items():
            with self.subTest(cell=code):
                self.assertEqual(printed(executed, code), text + "\n")

    def test_the_injected_cell_is_spike_and_follows_the_parameters_cell(self) -> None:
        done, out = self.run_notebook("-p", "n", "7", "-p", "text", "é")
        self.assertEqual(done.returncode, 0, done.stderr[-3000:])
        cells = nbformat.read(out, as_version=4).cells
        self.assertIn("injected-parameters", cells[1].metadata.get("tags", []))
        self.assertEqual(cells[1].source, '# Parameters\nn = 7\ntext = "\\u{e9}"\n')
        self.assertEqual(printed(nbformat.read(out, as_version=4), "print(text)"), "é\n")

    def test_the_spike_engine_runs_like_the_default_one(self) -> None:
        done, out = self.run_notebook("--engine", "spike", "-p", "n", "5")
        self.assertEqual(done.returncode, 0, done.stderr[-3000:])
        self.assertEqual(printed(nbformat.read(out, as_version=4), "print(n)"), "5\n")

    def test_values_spike_cannot_hold_are_refused_naming_the_parameter(self) -> None:
        cases = {
            "NaN": (["-p", "x", "nan"], "parameter 'x': nan has no Spike literal"),
            "inf": (["-p", "x", "inf"], "parameter 'x': inf has no Spike literal"),
            "-inf in a list": (["-y", "x: [1, -.inf]"], "parameter 'x': -inf has no Spike literal"),
            "a keyword as name": (["-p", "if", "1"], "parameter 'if' is not a Spike name"),
        }
        for case, (arguments, message) in cases.items():
            with self.subTest(case=case):
                done, out = self.run_notebook(*arguments)
                self.assertNotEqual(done.returncode, 0)
                self.assertIn("SpikeParameterError: " + message, done.stderr)
                self.assertFalse(out.exists(), "nothing is executed")

    def test_help_notebook_lists_names_defaults_types_and_comments(self) -> None:
        done = papermill(str(self.notebook), "--help-notebook")
        self.assertEqual(done.returncode, 0, done.stderr)
        listed = {
            "n: number (default 1)": "how many steps",
            "rate: number (default 0.5)": "firing rate, per step",
            'text: string (default "a # not a comment")': "a label",
            "flag: boolean (default false)": "",
            "nothing: number (default 0)": "",
            "items: list (default [1, 2])": "",
            'config: record (default {a: 1, b: "x"})': "a record",
        }
        for definition, comment in listed.items():
            with self.subTest(parameter=definition):
                self.assertRegex(done.stdout, r"(?m)^  " + re.escape(definition) + r"\s*" + re.escape(comment) + "$")
        self.assertNotIn("the first field", done.stdout, "a comment inside a value is not its help")


class RegistrationTests(unittest.TestCase):
    def test_the_translator_is_registered_whichever_module_is_imported_first(self) -> None:
        # papermill loads the package's engine entry point while it is itself being imported.
        for first in ("papermill", "spike_jupyter.translator", "spike_jupyter.parameter_cell",
                      "spike_jupyter.papermill_engine", "papermill.translators"):
            with self.subTest(first=first):
                code = (f"import {first}\nfrom papermill.translators import papermill_translators\n"
                        "print(papermill_translators.find_translator('other', 'spike').__name__)")
                done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                      timeout=TIMEOUT, stdin=subprocess.DEVNULL)
                self.assertEqual((done.returncode, done.stdout), (0, "SpikeTranslator\n"), done.stderr)


class TranslatorTests(unittest.TestCase):
    def test_numpy_numbers_from_the_python_api_become_spike_numbers(self) -> None:
        import numpy
        from spike_jupyter.translator import SpikeParameterError, SpikeTranslator

        cell = SpikeTranslator.codify({"a": numpy.int64(3), "b": numpy.float32(0.5), "c": (numpy.bool_(True),),
                                       "d": numpy.array([[1, 2], [3, 4]])})
        self.assertEqual(cell, "# Parameters\na = 3\nb = 0.5\nc = [true]\nd = [[1, 2], [3, 4]]\n")
        with self.assertRaisesRegex(SpikeParameterError, "parameter 'e': nan has no Spike literal"):
            SpikeTranslator.codify({"e": numpy.float64("nan")})

    def test_what_spike_cannot_hold_is_refused_naming_the_parameter(self) -> None:
        from spike_jupyter.translator import SpikeParameterError, SpikeTranslator

        cases = {
            "a number key": ({"x": {1: 2}}, "parameter 'x': the record key 1 is not a string"),
            "an inexact integer": ({"x": 2 ** 53 + 1}, f"parameter 'x': {2 ** 53 + 1} has no exact Spike number"),
            "a name with a dash": ({"a-b": 1}, "parameter 'a-b' is not a Spike name"),
            "a lone surrogate": ({"s": "a\ud800"}, "parameter 's': the string .* holds a lone surrogate U\\+D800"),
            "a set": ({"x": {1}}, "parameter 'x': \\{1\\} is a set, which has no Spike literal"),
        }
        for case, (parameters, message) in cases.items():
            with self.subTest(case=case), self.assertRaisesRegex(SpikeParameterError, "^" + message):
                SpikeTranslator.codify(parameters)
        self.assertEqual(SpikeTranslator.codify({"x": 2 ** 60, "k": {"if": 1, "größe": 2}}),
                         '# Parameters\nx = 1152921504606846976\nk = {"if": 1, größe: 2}\n')


class ParameterCellTests(unittest.TestCase):
    """How a `parameters` cell is read, statement by statement, as the kernel splits them."""

    def test_only_assignments_are_parameters_and_each_keeps_its_own_comment(self) -> None:
        from spike_jupyter.parameter_cell import parameters_of

        cell = ("%seed 3\n"
                "# a comment line\n"
                "a = 1; b = -2  # b only\n"
                "fn f(x) = x  # not a parameter\n"
                "print(a)\n"
                "c = a +\n"
                "    b  # sum\n"
                "d = lif(tau=2)\n"
                "e = \"unterminated\n"
                "g = [1,  # inside\n"
                "     [2]]\n")
        found = [(p.name, p.inferred_type_name, p.default, p.help) for p in parameters_of(cell)]
        self.assertEqual(found, [
            ("a", "number", "1", ""),
            ("b", "number", "-2", "b only"),
            ("c", "None", "a + b", "sum"),
            ("d", "None", "lif(tau=2)", ""),
            ("e", "None", '"unterminated', ""),
            ("g", "list", "[1, [2]]", ""),
        ])


if __name__ == "__main__":
    unittest.main()
