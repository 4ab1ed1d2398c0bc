"""`%figure_format` through jupyter_client against the release binary: a figure arrives as
SVG, PNG or both; the PNG is a real raster (decoded here with zlib alone) twice the size its
metadata gives, and it shows the figure: the line's colour, read from the SVG, is in it.
nbconvert's HTML of a notebook with `png` carries the PNG as an <img> at the figure's size, and
its LaTeX (the PDF route) takes the PNG with no SVG converter.
"""
from __future__ import annotations

import base64
import re
import sys
import tempfile
import unittest

import nbformat
from nbclient import NotebookClient
from nbconvert import HTMLExporter, LatexExporter

from kernel_harness import OneSpikeKernelPerClass
from spike_binary import REPO_ROOT

sys.path.insert(0, str(REPO_ROOT / "scripts"))
import plot_browser_check  # noqa: E402 -- a script of the repository, not a package


def decode_png(data: bytes) -> tuple[int, int, int, list[bytes]]:
    """(width, height, channels, rows) of an 8-bit RGB or RGBA PNG, through the repository's
    zlib-only decoder (scripts/plot_browser_check.py)."""
    with tempfile.NamedTemporaryFile(suffix=".png") as file:
        file.write(data)
        file.flush()
        return plot_browser_check.decode_png(file.name)


class FigureFormatTests(OneSpikeKernelPerClass):
    def figure(self, code: str) -> dict:
        exchange = self.kernel.run(code)
        self.assertEqual(exchange.reply["content"]["status"], "ok", exchange.reply["content"])
        results = [m["content"] for m in exchange.iopub if m["msg_type"] in ("execute_result", "display_data")]
        self.assertEqual(len(results), 1)
        return results[0]

    def test_svg_is_the_default_and_png_replaces_it(self) -> None:
        self.kernel.run("%reset")
        self.assertEqual(sorted(self.figure("plot([1, 3, 2])")["data"]), ["image/svg+xml", "text/plain"])
        self.assertEqual(sorted(self.figure("%figure_format png\nplot([1, 3, 2])")["data"]), ["image/png", "text/plain"])
        self.kernel.run("%figure_format svg")

    def test_both_sends_a_png_that_shows_the_figure_at_its_declared_size(self) -> None:
        content = self.figure('%figure_format both\ndisplay(plot([1, 3, 2, 5, 4], title="rises"))')
        self.kernel.run("%figure_format svg")
        data, metadata = content["data"], content["metadata"]
        width, height, channels, rows = decode_png(base64.b64decode(data["image/png"]))
        self.assertEqual((width, height), (2 * metadata["image/png"]["width"], 2 * metadata["image/png"]["height"]))
        svg_size = re.search(r'<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"', data["image/svg+xml"])
        self.assertEqual((metadata["image/png"]["width"], metadata["image/png"]["height"]),
                         (round(float(svg_size[1])), round(float(svg_size[2]))))
        stroke = re.search(r'<path[^>]*stroke="#([0-9a-fA-F]{6})"[^>]*class="series"', data["image/svg+xml"])
        self.assertIsNotNone(stroke, "the line's colour in the SVG")
        color = bytes.fromhex(stroke[1])
        near = sum(1 for row in rows for x in range(0, len(row), channels)
                   if all(abs(row[x + i] - color[i]) <= 8 for i in range(3)))
        self.assertGreater(near, 2 * width // 10, f"pixels of #{color.hex()} in the PNG")

    def test_an_unknown_format_is_an_error_and_the_bindings_survive(self) -> None:
        self.kernel.run("kept = 7")
        exchange = self.kernel.run("%figure_format gif")
        self.assertEqual(exchange.reply["content"]["status"], "error")
        self.assertIn("svg, png or both", exchange.reply["content"]["evalue"])
        self.assertEqual(self.kernel.text_result("kept"), "7")


class NbconvertTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls) -> None:
        notebook = nbformat.v4.new_notebook()
        notebook.cells = [nbformat.v4.new_code_cell('%figure_format png\nplot([1, 3, 2], title="rises")'),
                          nbformat.v4.new_code_cell('%figure_format both\nplot([2, 1], title="falls")')]
        notebook.metadata["kernelspec"] = {"name": "spike", "display_name": "Spike", "language": "spike"}
        NotebookClient(notebook, timeout=120, kernel_name="spike").execute()
        cls.notebook = notebook

    def test_html_shows_the_png_at_the_figures_size(self) -> None:
        html, _ = HTMLExporter().from_notebook_node(self.notebook)
        image = re.search(r'<img[^>]*src="data:image/png;base64,[^"]*"[^>]*>', html)
        self.assertIsNotNone(image, "an <img> with the PNG")
        size = self.notebook.cells[0].outputs[0].metadata["image/png"]
        self.assertIn(f'width="{size["width"]}"', image[0])
        self.assertIn(f'height="{size["height"]}"', image[0])

    def test_latex_for_pdf_takes_the_png_and_needs_no_svg_converter(self) -> None:
        # nbconvert's PDF export turns every SVG output into PDF with Inkscape; a figure sent
        # as PNG alone needs nothing beyond LaTeX.
        notebook = nbformat.from_dict(dict(self.notebook))
        notebook.cells = notebook.cells[:1]
        latex, resources = LatexExporter().from_notebook_node(notebook)
        images = sorted(name for name in resources["outputs"] if name.endswith(".png"))
        self.assertEqual(len(images), 1, sorted(resources["outputs"]))
        self.assertIn(images[0], latex)
        self.assertEqual(resources["outputs"][images[0]][:8], b"\x89PNG\r\n\x1a\n")

if __name__ == "__main__":
    unittest.main()
