#!/usr/bin/env python3
"""Execute every notebook in notebooks/ and check its outputs against the committed ones.

Each notebook runs headless with nbclient, in its own folder (so relative paths
work), with the kernel named in its metadata (or --kernel). A notebook fails if
execution raises, if any cell has an `error` output, if a cell writes to stderr
(--allow-stderr to permit), if it was committed without outputs, or if a fresh
output differs from the committed one after the sanitizing nbcompare.py lists
(wall times, progress displays, execution counts, figure ids; figures by digest):
the failure is a unified diff naming notebook, cell and output. Executed copies
go to --out when given.

--write (what `make notebooks` runs) instead writes each executed notebook back
over its source, with stable metadata (no timestamps, no kernel version), so the
committed outputs change only when a result does.

Usage:
    JUPYTER_PATH=.build/jupyter/share/jupyter python Tests/Notebooks/run_notebooks.py \
        [--kernel spike] [--out DIR] [--timeout 600] [--write] [NOTEBOOK ...]
Prints one line per notebook and a closing `N passed, N failed` line.
"""
from __future__ import annotations

import argparse
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

sys.path.insert(0, str(Path(__file__).resolve().parent))
from nbcompare import compare_notebooks, has_outputs, stable_copy  # noqa: E402

REPO_ROOT = Path(__file__).resolve().parents[2]
ANSI = re.compile(r"\x1b\[[0-9;]*m")


@dataclass
class Outcome:
    """What went wrong in one notebook (nothing, when `problems` is empty)."""

    path: Path
    seconds: float = 0.0
    cells: int = 0
    problems: list[str] = field(default_factory=list)


def cell_problems(nb: nbformat.NotebookNode, allow_stderr: bool) -> list[str]:
    """Every error output (and stderr stream, unless allowed), named by cell number and source."""
    found = []
    for index, cell in enumerate(nb.cells, start=1):
        if cell.cell_type != "code":
            continue
        first_line = (cell.source.strip().splitlines() or [""])[0][:60]
        for out in cell.get("outputs", []):
            if out.output_type == "error":
                trace = ANSI.sub("", "\n".join(out.get("traceback", []))).strip()
                trace = "\n      ".join(trace.splitlines()[-6:])
                found.append(f"cell {index} ({first_line!r}): {out.ename}: {out.evalue}\n      {trace}")
            elif out.output_type == "stream" and out.name == "stderr" and not allow_stderr:
                found.append(f"cell {index} ({first_line!r}) wrote to stderr: {out.text[:300]!r}")
    return found


def run_notebook(path: Path, kernel: str | None, timeout: int, out_dir: Path | None,
                 allow_stderr: bool, write: bool = False) -> Outcome:
    outcome = Outcome(path)
    committed = nbformat.read(path, as_version=4)
    nb = nbformat.from_dict(committed)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    outcome.cells = sum(1 for c in nb.cells if c.cell_type == "code")
    name = kernel or nb.metadata.get("kernelspec", {}).get("name")
    if not name:
        outcome.problems.append("no kernelspec in the notebook's metadata and no --kernel given")
        return outcome
    client = NotebookClient(nb, kernel_name=name, timeout=timeout, allow_errors=True,
                            record_timing=False, resources={"metadata": {"path": str(path.parent)}})
    started = time.perf_counter()
    try:
        client.execute()
    except (CellExecutionError, CellTimeoutError, DeadKernelError, RuntimeError) as exc:
        outcome.problems.append(f"execution stopped: {type(exc).__name__}: {exc}")
    outcome.seconds = time.perf_counter() - started
    outcome.problems.extend(cell_problems(nb, allow_stderr))
    unexecuted = [i for i, c in enumerate(nb.cells, start=1)
                  if c.cell_type == "code" and c.source.strip() and c.get("execution_count") is None]
    if unexecuted:
        outcome.problems.append(f"cells never executed: {unexecuted}")
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, out_dir / path.name)
    if write:
        if not outcome.problems:
            nbformat.write(stable_copy(nb), path)
    elif not has_outputs(committed):
        outcome.problems.append("committed without outputs: run `make notebooks` and commit the result")
    else:
        outcome.problems.extend(str(m) for m in compare_notebooks(committed, nb, path.name))
    return outcome


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("notebooks", nargs="*", type=Path,
                    help="notebooks to run (default: every notebooks/*.ipynb)")
    ap.add_argument("--kernel", help="kernelspec to use instead of each notebook's own")
    ap.add_argument("--timeout", type=int, default=600, help="seconds per cell")
    ap.add_argument("--out", type=Path, help="write the executed notebooks here")
    ap.add_argument("--allow-stderr", action="store_true", help="do not fail on stderr output")
    ap.add_argument("--write", action="store_true",
                    help="write each executed notebook back over its source instead of comparing")
    args = ap.parse_args()

    paths = args.notebooks or sorted((REPO_ROOT / "notebooks").glob("*.ipynb"))
    if not paths:
        print("no notebooks found in notebooks/", file=sys.stderr)
        return 1
    failed = 0
    for path in paths:
        outcome = run_notebook(path, args.kernel, args.timeout, args.out, args.allow_stderr, args.write)
        status = "FAIL" if outcome.problems else "ok"
        print(f"{status:4} {path.name}: {outcome.cells} code cells in {outcome.seconds:.2f} s",
              flush=True)
        for problem in outcome.problems:
            print(f"    {problem}", flush=True)
        failed += bool(outcome.problems)
    print(f"notebooks: {len(paths) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
