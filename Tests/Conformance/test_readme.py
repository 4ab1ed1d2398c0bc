"""The README's 20-second example runs as written and shows what its comments say.

Each line of the first code block under "Spike in 20 seconds" is executed as its own
cell. A comment `Out: N` must match the text/plain result exactly; `SVG` and `HTML`
in the comment require that MIME type; `%help` lines must open the pager.
"""
from __future__ import annotations

import re
import unittest

from dialects import SPIKE
from kernel_harness import RunningKernel
from spike_binary import REPO_ROOT


def readme_example() -> list[tuple[str, str]]:
    """(code, comment) for every line of the README's first Spike example."""
    text = (REPO_ROOT / "README.md").read_text()
    section = text[text.index("## Spike in 20 seconds"):]
    block = re.search(r"```\n(.*?)```", section, re.DOTALL)
    assert block, "no code block under 'Spike in 20 seconds'"
    lines = []
    for line in block.group(1).splitlines():
        code, _, comment = line.partition("#")  # the example has no '#' inside strings
        if code.strip():
            lines.append((code.strip(), comment.strip()))
    return lines


class ReadmeExampleTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls) -> None:
        cls.rk = RunningKernel(SPIKE.kernel_name)

    @classmethod
    def tearDownClass(cls) -> None:
        cls.rk.stop()

    def test_every_line_of_the_example_runs_and_shows_what_it_says(self) -> None:
        example = readme_example()
        self.assertGreaterEqual(len(example), 5)
        for code, comment in example:
            with self.subTest(code=code):
                ex = self.rk.run(code)
                self.assertEqual(ex.content["status"], "ok", ex.content)
                results = ex.of_type("execute_result")
                data = results[0]["content"]["data"] if results else {}
                number = re.match(r"Out: (-?[\d.e+-]+)\b", comment)
                if number:
                    self.assertEqual(data.get("text/plain"), number.group(1))
                if "SVG" in comment:
                    self.assertIn("image/svg+xml", data)
                if "HTML" in comment:
                    self.assertIn("text/html", data)
                if code.startswith("%help"):
                    pages = ex.content["payload"]
                    self.assertEqual(pages[0]["source"], "page")
                    self.assertIn(code.split()[1], pages[0]["data"]["text/plain"])
                if "Out:" not in comment:
                    self.assertEqual(results, [], "a line without 'Out:' should show nothing")


if __name__ == "__main__":
    unittest.main()
