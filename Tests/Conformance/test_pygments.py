"""The Spike Pygments lexer of the companion package (python/): it is what Pygments finds for
`spike`, it marks exactly what the kernel's lexer rejects, it gives the right token types, and
nbconvert's HTML of an executed Spike notebook is highlighted with it.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from spike_binary import REPO_ROOT, spike_binary
from test_docs import listed_builtins

try:
    import pygments.lexers
    from pygments.token import Comment, Error, Keyword, Name, Number, Operator, Punctuation, String, Text
    from spike_jupyter.lexer import BUILTINS, SpikeLexer
except ImportError as missing:  # a failure, not a skip: `make venv` installs the package
    raise AssertionError(f"the companion package python/ is not installed ({missing}): run `make venv`")

GOLDEN = REPO_ROOT / "Tests" / "SpikeLangTests" / "Golden"
# The kernel's lexical errors (Lexer.swift), as the golden files' `# error:` lines spell them.
LEXICAL_ERROR = re.compile(r"# error: SyntaxError at (\d+):(\d+): "
                           r"(?:unterminated string|unexpected character|invalid escape|malformed number)")

# The same errors as `spike run` shows them: the message, the source line, the carets.
KERNEL_LEXICAL_ERROR = re.compile(r"SyntaxError at (\d+):(\d+): (unterminated string|unexpected character|"
                                  r"invalid escape|malformed number)[^\n]*\n[^\n]*\n *\| *(\^+)")


def golden_cells() -> list[tuple[str, str]]:
    """(file:cell number, source) for every cell of every golden file (cells split at `#%%`)."""
    cells = []
    for path in sorted(GOLDEN.glob("*.spk")):
        for number, cell in enumerate(path.read_text(encoding="utf-8").split("#%%\n"), start=1):
            cells.append((f"{path.name}:{number}", cell))
    return cells


def position(source: str, offset: int) -> tuple[int, int]:
    """(line, column) of a code-point offset, both from 1."""
    before = source[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


def significant_tokens(code: str) -> list[tuple[object, str]]:
    return [(token_type, text) for token_type, text in SpikeLexer().get_tokens(code) if text.strip()]


class LexerTests(unittest.TestCase):
    def test_pygments_finds_the_lexer_by_alias_file_name_and_mime_type(self) -> None:
        self.assertIsInstance(pygments.lexers.get_lexer_by_name("spike"), SpikeLexer)
        self.assertIsInstance(pygments.lexers.get_lexer_for_filename("model.spk"), SpikeLexer)
        self.assertIsInstance(pygments.lexers.get_lexer_for_mimetype("text/x-spike"), SpikeLexer)

    def test_error_tokens_stand_exactly_where_the_kernel_reports_lexical_errors(self) -> None:
        cells = golden_cells()
        self.assertGreater(len(cells), 200)
        for name, cell in cells:
            with self.subTest(cell=name):
                reported = {(int(line), int(column)) for line, column in LEXICAL_ERROR.findall(cell)}
                marked = {position(cell, offset) for offset, token_type, _ in
                          SpikeLexer().get_tokens_unprocessed(cell) if token_type in Error}
                self.assertEqual(marked, reported, cell)

    def test_error_tokens_cover_what_the_kernel_underlines_on_tricky_input(self) -> None:
        # The kernel (`spike run`) is the oracle: each lexical error's line, column and caret
        # span. For an unterminated string the lexer marks only the opening quote.
        cell = ("a = 1_.5 + 1e+ + 10__0 + 1_000.5_0 + 2e1_0 + 3E-0 + 1.5e + 1e+5x + 12abc.5 + 0x1F\n"
                'b = "\\u{110000}" + "\\u{}" + "\\u{D800}" + "\\u{123456789}" + "\\u{1F600}" + "\\q" + "\\u"\n'
                "c = \u0663 + 'a' + x$y + `z` + gr\u00f6\u00dfe_2 + 1.5.6 + 1..5 + 3.e + x.1\n"
                'd = "ok" + "t\\t\\n\\\\\\"" # "not a string\n'
                'e = "abc\\\n')
        with tempfile.TemporaryDirectory(prefix="spike-lexer-") as scratch:
            script = Path(scratch) / "tricky.spk"
            script.write_text(cell, encoding="utf-8")
            done = subprocess.run([str(spike_binary()), "run", str(script), "--out", scratch],
                                  capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
        underlined = set()
        for line, column, kind, carets in KERNEL_LEXICAL_ERROR.findall(done.stdout + done.stderr):
            underlined.add((int(line), int(column), 1 if kind == "unterminated string" else len(carets)))
        self.assertEqual(len(underlined), 20, done.stdout + done.stderr)
        marked = {(*position(cell, offset), len(text)) for offset, token_type, text in
                  SpikeLexer().get_tokens_unprocessed(cell) if token_type in Error}
        self.assertEqual(sorted(marked), sorted(underlined))

    def test_lines_get_their_token_types(self) -> None:
        cases = {
            "fn f(a, b=2) = a ** b  # power": [
                (Keyword, "fn"), (Name.Function, "f"), (Punctuation, "("), (Name, "a"), (Punctuation, ","),
                (Name, "b"), (Operator, "="), (Number.Integer, "2"), (Punctuation, ")"), (Operator, "="),
                (Name, "a"), (Operator, "**"), (Name, "b"), (Comment.Single, "# power")],
            "for i in 0..10_000 { if i > 2.5e-3 and not flag { none } else { true } }": [
                (Keyword, "for"), (Name, "i"), (Keyword, "in"), (Number.Integer, "0"), (Operator, ".."),
                (Number.Integer, "10_000"), (Punctuation, "{"), (Keyword, "if"), (Name, "i"), (Operator, ">"),
                (Number.Float, "2.5e-3"), (Operator.Word, "and"), (Operator.Word, "not"), (Name, "flag"),
                (Punctuation, "{"), (Keyword.Constant, "none"), (Punctuation, "}"), (Keyword, "else"),
                (Punctuation, "{"), (Keyword.Constant, "true"), (Punctuation, "}"), (Punctuation, "}")],
            'net = lif(tau=2) >> linear(4); r = {a: "x\\"y\\u{1F600}"}; r.a': [
                (Name, "net"), (Operator, "="), (Name.Builtin, "lif"), (Punctuation, "("), (Name, "tau"),
                (Operator, "="), (Number.Integer, "2"), (Punctuation, ")"), (Operator, ">>"),
                (Name.Builtin, "linear"), (Punctuation, "("), (Number.Integer, "4"), (Punctuation, ")"),
                (Punctuation, ";"), (Name, "r"), (Operator, "="), (Punctuation, "{"), (Name, "a"),
                (Punctuation, ":"), (String.Double, '"'), (String.Double, "x"), (String.Escape, '\\"'),
                (String.Double, "y"), (String.Escape, "\\u{1F600}"), (String.Double, '"'), (Punctuation, "}"),
                (Punctuation, ";"), (Name, "r"), (Punctuation, "."), (Name.Attribute, "a")],
            "%seed 3\n%help %time\n%time x = 1": [
                (Keyword.Pseudo, "%seed"), (Number.Integer, "3"), (Keyword.Pseudo, "%help"),
                (Keyword.Pseudo, "%time"), (Keyword.Pseudo, "%time"), (Name, "x"), (Operator, "="),
                (Number.Integer, "1")],
            "%timeit -n 3 -r 2 sum(x)": [
                (Keyword.Pseudo, "%timeit"), (Text, " -n 3 -r 2"), (Name.Builtin, "sum"), (Punctuation, "("),
                (Name, "x"), (Punctuation, ")")],
            "%%timeit -n 3\nx": [(Keyword.Pseudo, "%%timeit"), (Text, "-"), (Name, "n"), (Number.Integer, "3"), (Name, "x")],
            "lif??": [(Name, "lif"), (Keyword.Pseudo, "??")],
            "?simulate": [(Keyword.Pseudo, "?"), (Name, "simulate")],
            "y = where(x[:, 1] @ w > 0, 1, 0)": [
                (Name, "y"), (Operator, "="), (Name.Builtin, "where"), (Punctuation, "("), (Name, "x"),
                (Punctuation, "["), (Punctuation, ":"), (Punctuation, ","), (Number.Integer, "1"), (Punctuation, "]"),
                (Operator, "@"), (Name, "w"), (Operator, ">"), (Number.Integer, "0"), (Punctuation, ","),
                (Number.Integer, "1"), (Punctuation, ","), (Number.Integer, "0"), (Punctuation, ")")],
            # After code, `%` is the remainder operator (a `%` line there is not a magic).
            "x = 7\n% 3": [(Name, "x"), (Operator, "="), (Number.Integer, "7"), (Operator, "%"),
                           (Number.Integer, "3")],
            # f-strings: fields are expressions (a record or slice inside brackets), `:` outside
            # them starts the spec, `{{` is a brace; `#` in a field is the kernel's lexical error.
            'f"r2={r2:.3f} {{n}} { {a: 1}.a }" + f"{xs[1:2]} {x#}"': [
                (String.Affix, "f"), (String.Double, '"'), (String.Double, "r2="), (String.Interpol, "{"),
                (Name, "r2"), (String.Interpol, ":"), (String.Interpol, ".3f"), (String.Interpol, "}"),
                (String.Escape, "{{"), (String.Double, "n"), (String.Escape, "}}"),
                (String.Interpol, "{"), (Punctuation, "{"), (Name, "a"), (Punctuation, ":"),
                (Number.Integer, "1"), (Punctuation, "}"), (Punctuation, "."), (Name.Attribute, "a"),
                (String.Interpol, "}"), (String.Double, '"'), (Operator, "+"), (String.Affix, "f"),
                (String.Double, '"'), (String.Interpol, "{"), (Name, "xs"), (Punctuation, "["),
                (Number.Integer, "1"), (Punctuation, ":"), (Number.Integer, "2"), (Punctuation, "]"),
                (String.Interpol, "}"), (String.Interpol, "{"), (Name, "x"), (Error, "#"),
                (String.Interpol, "}"), (String.Double, '"')],
            # A `"` in a field ends the f-string (the kernel: "'{' was never closed", not lexical);
            # text that runs to the line's end is an unterminated f-string, its `f` the error.
            'f"{x" + f"{y}abc': [
                (String.Affix, "f"), (String.Double, '"'), (String.Interpol, "{"), (Name, "x"),
                (String.Double, '"'), (Operator, "+"), (Error, "f"), (String.Double, '"'), (String.Interpol, "{"),
                (Name, "y"), (String.Interpol, "}"), (String.Double, "abc")],
            '"\\u{D800}" 1_0e5 12abc': [
                (String.Double, '"'), (Error, "\\u{D800}"), (String.Double, '"'), (Number.Float, "1_0e5"),
                (Error, "12abc")],
        }
        for code, expected in cases.items():
            with self.subTest(code=code):
                self.assertEqual(significant_tokens(code), expected)

    def test_builtins_are_those_help_lists(self) -> None:
        self.assertEqual(sorted(BUILTINS), sorted(listed_builtins()))


class NbconvertTests(unittest.TestCase):
    def test_html_of_an_executed_notebook_is_highlighted_as_spike(self) -> None:
        tmp = Path(tempfile.mkdtemp(prefix="spike-nbconvert-"))
        self.addCleanup(shutil.rmtree, tmp, ignore_errors=True)
        notebook = nbformat.v4.new_notebook()
        notebook.metadata["kernelspec"] = {"name": "spike", "language": "spike", "display_name": "Spike"}
        notebook.cells = [nbformat.v4.new_code_cell('%seed 1\nfn twice(x) = 2 * x  # doubles\n'
                                                    'if true { print(twice(0.5), "a\\tb") }')]
        NotebookClient(notebook, timeout=60, kernel_name="spike").execute()
        self.assertEqual(notebook.metadata["language_info"]["pygments_lexer"], "spike",
                         "the kernel's language_info names the Spike lexer")
        path = tmp / "executed.ipynb"
        nbformat.write(notebook, path)
        done = subprocess.run([sys.executable, "-m", "nbconvert", "--to", "html", str(path)],
                              capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
        self.assertEqual(done.returncode, 0, done.stderr)
        self.assertNotIn("No lexer found", done.stderr)
        html = (tmp / "executed.html").read_text(encoding="utf-8")
        for span in ('<span class="kp">%seed</span>', '<span class="k">fn</span>',
                     '<span class="nf">twice</span>', '<span class="kc">true</span>',
                     '<span class="nb">print</span>', '<span class="se">\\t</span>',
                     '<span class="c1"># doubles</span>'):
            with self.subTest(span=span):
                self.assertIn(span, html)
        self.assertNotIn('class="err"', html)


if __name__ == "__main__":
    unittest.main()
