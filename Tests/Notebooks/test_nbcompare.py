"""The notebook output comparison (nbcompare.py): what fails, what passes, and the diff it shows."""
from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_notebook, new_output

sys.path.insert(0, str(Path(__file__).resolve().parent))
from nbcompare import compare_notebooks, has_outputs, sanitize_text, stable_copy  # noqa: E402

SVG = ('<svg xmlns="http://www.w3.org/2000/svg"><defs><clipPath id="spk-{id}-clip"/></defs>'
       '<title>Bar chart: r2 {r2}</title><path d="M0 {y}h10"/></svg>')


def table(r2: str, seconds: str) -> str:
    return ("test metrics over 3 seeds: mean ± std\nmodel   r2  time per run\n"
            f"none    {r2}  {seconds}\n")


def executed(r2="0.647 ± 0.068", seconds="3.0 s", progress_time="38.0 s", count=3,
             svg_id="4ea60b25", svg_r2="0.647", y="12", extra_output=False, source="compare(m, d)"):
    """A notebook as an execution leaves it: a progress display, then the comparison's result."""
    nb = new_notebook(metadata={"kernelspec": {"name": "spike", "display_name": "Spike", "language": "spike"},
                                "language_info": {"name": "spike", "version": "0.1.0"}})
    progress = new_output("display_data", data={
        "text/plain": f"compare · ████████████████████ 100% · status 12 runs in {progress_time}",
        "text/html": f"<table><tr><td>12 runs in {progress_time}</td></tr></table>"})
    result = new_output("execute_result", execution_count=count, data={
        "text/plain": table(r2, seconds),
        "text/html": f"<table><tr><td>{r2}</td><td>{seconds}</td></tr></table>",
        "image/svg+xml": SVG.format(id=svg_id, r2=svg_r2, y=y)})
    first = new_code_cell("data = windows(dataset(\"traffic\"))", execution_count=count - 1,
                          outputs=[new_output("stream", name="stdout", text="loaded\n")])
    outputs = [progress, result] + ([new_output("stream", name="stdout", text="more\n")] if extra_output else [])
    nb.cells = [first, new_code_cell(source, execution_count=count, outputs=outputs, id="cell-two")]
    return nb


def test_a_changed_number_fails_with_a_diff_naming_notebook_cell_and_output():
    mismatches = compare_notebooks(executed(r2="0.647 ± 0.068"), executed(r2="0.651 ± 0.068"), "forecast.ipynb")
    assert len(mismatches) == 1
    m = mismatches[0]
    assert (m.notebook, m.cell, m.cell_id) == ("forecast.ipynb", 2, "cell-two")
    report = str(m)
    assert report.startswith("forecast.ipynb, cell 2 (id cell-two, 'compare(m, d)'):")
    assert "--- forecast.ipynb cell 2 (committed)" in report
    assert "+++ forecast.ipynb cell 2 (this execution)" in report
    assert "-    none    0.647 ± 0.068  <time>" in report
    assert "+    none    0.651 ± 0.068  <time>" in report
    assert "-    <table><tr><td>0.647 ± 0.068</td>" in report


def test_only_sanitized_differences_pass():
    committed = executed(seconds="3.0 s", progress_time="38.0 s", count=3, svg_id="4ea60b25")
    fresh = executed(seconds="558 ms", progress_time="7.9 s", count=7, svg_id="0badc0de")
    fresh.metadata.language_info["version"] = "0.2.0"
    fresh.cells[1].outputs[0].data["text/plain"] = "compare · ██████████ 50% · status 6 runs in 2.0 s"
    assert compare_notebooks(committed, fresh, "forecast.ipynb") == []


def test_a_changed_figure_fails_by_its_digest():
    mismatches = compare_notebooks(executed(y="12"), executed(y="13"), "forecast.ipynb")
    assert len(mismatches) == 1
    assert "image/svg+xml: sha256" in mismatches[0].diff


def test_an_extra_or_missing_output_fails():
    assert len(compare_notebooks(executed(), executed(extra_output=True), "a.ipynb")) == 1
    assert len(compare_notebooks(executed(extra_output=True), executed(), "a.ipynb")) == 1


def test_changed_code_asks_for_a_refresh():
    mismatches = compare_notebooks(executed(), executed(source="compare(m, d, seeds=[0])"), "a.ipynb")
    assert len(mismatches) == 1 and "make notebooks" in mismatches[0].diff


def test_times_are_sanitized_but_numbers_beside_other_words_are_not():
    assert sanitize_text("8 epochs in 1.4 s, 558 ms per run, 12 µs, 3 min") == \
        "8 epochs in <time>, <time> per run, <time>, <time>"
    assert sanitize_text("24 runs in 1 min 10 s") == sanitize_text("24 runs in 58.0 s") == "24 runs in <time>"
    assert sanitize_text("3 seeds, 0.5 std, 24 steps, 1e-3 lr, 2 sensors") == "3 seeds, 0.5 std, 24 steps, 1e-3 lr, 2 sensors"


def test_a_notebook_without_outputs_is_noticed():
    bare = executed()
    for cell in bare.cells:
        cell.outputs = []
    assert not has_outputs(bare) and has_outputs(executed())


def test_the_committed_form_has_no_timestamps_or_kernel_version():
    nb = executed()
    nb.cells[1].metadata["execution"] = {"iopub.status.busy": "2026-12-03T18:32:23Z"}
    stable = stable_copy(nb)
    assert "execution" not in stable.cells[1].metadata
    assert "version" not in stable.metadata.language_info
    assert "version" in nb.metadata.language_info  # the original is left alone
    nbformat.validate(stable)
