"""Compares a notebook's committed outputs with a fresh execution's, nbval-style.

The engine is deterministic for a given build, so every text and HTML output of a fresh
execution must equal the committed one, and every figure must have the same digest. Before
comparing, both sides are sanitized — and only in these ways (the whole list):

1. **Execution counts** and output/cell metadata are ignored (they number requests, not results).
2. **Wall times** in text, HTML and SVG: a number followed by a time unit (`1.4 s`, `558 ms`,
   `12 µs`, `1 min 10 s`) becomes `<time>`.
3. **Progress displays** (the live bars `train` and `compare` update through
   `update_display_data`) are left out: a `display_data` whose text/plain holds a bar of `█`
   and a ` · status ` field. Their numbers are repeated by the result that follows them.
4. **Kernel version strings**: `language_info.version` and `kernelspec` metadata are not
   compared (they live in the notebook's metadata, never in outputs).
5. **Element ids** inside figures (`spk-4ea60b25-clip`: clip paths and gradients a figure
   refers to) become `spk-<id>`.
6. **Figures** (`image/svg+xml`, after rules 2 and 5) are compared by their SHA-256 digest; the
   figure's text form (`text/plain`, which names its data) is compared exactly and is what the
   diff shows.

Anything else that differs — a number, a line, a missing or extra output — is a failure,
reported as a unified diff that names the notebook, the cell (number, id and first line) and
the output.
"""
from __future__ import annotations

import difflib
import hashlib
import re
from dataclasses import dataclass

import nbformat

_DURATION = r"\d+(?:\.\d+)?(?:e[+-]?\d+)?\s?(?:ms|µs|us|ns|s|min|h)\b"
# One duration, or several in a row ("1 min 10 s", "2 h 5 min"), is one <time>.
TIME = re.compile(rf"(?<![\w.]){_DURATION}(?:\s{_DURATION})*")
SVG_ID = re.compile(r"\bspk-[0-9a-f]{8}")
PROGRESS_BAR = "█"
PROGRESS_STATUS = " · status "
FIGURE = "image/svg+xml"
# MIME types compared as text, in this order; any other type is compared by digest.
TEXT_TYPES = ("text/plain", "text/html", "text/markdown", "text/latex", "application/json")


def sanitize_text(text: str) -> str:
    """`text` with every wall time (a number and a time unit) replaced by `<time>` (rule 2)."""
    return TIME.sub("<time>", text)


def is_progress_display(output: nbformat.NotebookNode) -> bool:
    """True for a live progress display of `train` or `compare` (rule 3)."""
    if output.get("output_type") != "display_data":
        return False
    plain = _joined(output.get("data", {}).get("text/plain", ""))
    return PROGRESS_BAR in plain and PROGRESS_STATUS in plain


def _joined(value) -> str:
    return "".join(value) if isinstance(value, list) else str(value)


def output_lines(output: nbformat.NotebookNode) -> list[str]:
    """One output as the lines that are compared: its kind, then each MIME part, sanitized."""
    kind = output.get("output_type", "?")
    if kind == "stream":
        return [f"[stream {output.get('name', '?')}]"] + sanitize_text(_joined(output.get("text", ""))).splitlines()
    if kind == "error":
        return [f"[error {output.get('ename', '?')}]"] + sanitize_text(str(output.get("evalue", ""))).splitlines()
    lines = [f"[{kind}]"]
    data = output.get("data", {})
    for mime in [m for m in TEXT_TYPES if m in data] + sorted(m for m in data if m not in TEXT_TYPES):
        text = sanitize_text(_joined(data[mime]))
        if mime in TEXT_TYPES:
            if mime == "text/html":  # one table row per diff line, not the whole table
                text = text.replace("</tr>", "</tr>\n").replace("</caption>", "</caption>\n")
            lines.append(f"  {mime}:")
            lines.extend("    " + line for line in text.splitlines())
        else:
            if mime == FIGURE:
                text = SVG_ID.sub("spk-<id>", text)
            digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
            lines.append(f"  {mime}: sha256 {digest}")
    return lines


def cell_lines(cell: nbformat.NotebookNode) -> list[str]:
    """Every compared output of one code cell, in order, progress displays left out."""
    lines: list[str] = []
    for index, output in enumerate(cell.get("outputs", []), start=1):
        if is_progress_display(output):
            continue
        lines.extend(output_lines(output))
    return lines


@dataclass
class Mismatch:
    """One code cell whose fresh outputs differ from the committed ones."""

    notebook: str
    cell: int
    cell_id: str
    first_line: str
    diff: str

    def __str__(self) -> str:
        return f"{self.notebook}, cell {self.cell} (id {self.cell_id}, {self.first_line!r}):\n{self.diff}"


def compare_notebooks(committed: nbformat.NotebookNode, fresh: nbformat.NotebookNode,
                      name: str) -> list[Mismatch]:
    """The code cells whose sanitized outputs differ, each with a unified diff.

    Cells are matched by position; a notebook whose code cells changed in number or source
    (so the committed outputs belong to other code) is one mismatch saying so.
    """
    old_cells = [c for c in committed.cells if c.cell_type == "code"]
    new_cells = [c for c in fresh.cells if c.cell_type == "code"]
    if [c.source for c in old_cells] != [c.source for c in new_cells]:
        return [Mismatch(name, 0, "-", "", "the code cells differ from the committed ones; "
                         "refresh the outputs with `make notebooks`")]
    found = []
    numbers = [i for i, c in enumerate(fresh.cells, start=1) if c.cell_type == "code"]
    for number, old, new in zip(numbers, old_cells, new_cells):
        before, after = cell_lines(old), cell_lines(new)
        if before == after:
            continue
        first = (new.source.strip().splitlines() or [""])[0][:60]
        where = f"{name} cell {number}"
        diff = "\n".join(difflib.unified_diff(before, after, f"{where} (committed)",
                                              f"{where} (this execution)", lineterm=""))
        found.append(Mismatch(name, number, new.get("id", "-"), first, diff))
    return found


def has_outputs(nb: nbformat.NotebookNode) -> bool:
    """True when some code cell of `nb` holds an output (a committed, executed notebook)."""
    return any(c.get("outputs") for c in nb.cells if c.cell_type == "code")


def stable_copy(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """`nb` as `make notebooks` commits it: no timing metadata, no kernel version string.

    nbclient records per-cell timestamps under `metadata.execution` (when asked) and the
    kernel's `language_info.version`; neither belongs in a committed notebook, so a refresh
    that changes no result changes no byte.
    """
    copy = nbformat.from_dict(nb)
    copy.metadata.get("language_info", {}).pop("version", None)
    copy.metadata.pop("papermill", None)
    for cell in copy.cells:
        cell.metadata.pop("execution", None)
        cell.metadata.pop("papermill", None)
        for output in cell.get("outputs", []):
            if output.get("output_type") in ("display_data", "execute_result"):
                output.pop("transient", None)
    return copy
