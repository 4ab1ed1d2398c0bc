"""Completion details and help links as a Jupyter front end sees them, through jupyter_client
against the release binary: `complete_reply.metadata._jupyter_types_experimental` carries each
match's kind and signature (as IPython sends it), and `kernel_info_reply.help_links` point at
the repository's language and library references (docs/architecture.md §4).
"""
from __future__ import annotations

import os
import unittest
from pathlib import Path
from urllib.parse import urlparse
from urllib.request import url2pathname

from kernel_harness import OneSpikeKernelPerClass, RunningKernel
from spike_binary import REPO_ROOT


class CompletionTypesTests(OneSpikeKernelPerClass):
    def complete(self, code: str, cursor: int | None = None) -> dict:
        kc = self.kernel.kc
        msg_id = kc.complete(code, len(code) if cursor is None else cursor)
        reply = self.kernel.collect(msg_id).reply
        self.assertIsNotNone(reply)
        return reply["content"]

    def types(self, content: dict) -> dict[str, dict]:
        entries = content["metadata"]["_jupyter_types_experimental"]
        self.assertEqual([entry["text"] for entry in entries], content["matches"])
        for entry in entries:
            self.assertEqual((entry["start"], entry["end"]), (content["cursor_start"], content["cursor_end"]))
        return {entry["text"]: entry for entry in entries}

    def test_builtins_user_functions_bindings_and_keywords_carry_their_kind(self) -> None:
        self.kernel.run("fn lift(x, gain=2) = x * gain\nlimit = 3")
        types = self.types(self.complete("li"))
        self.assertEqual(types["lift"]["type"], "function")
        self.assertEqual(types["lift"]["signature"], "lift(x, gain=2)")
        self.assertEqual(types["limit"]["type"], "instance")
        self.assertEqual(types["limit"]["signature"], "")
        self.assertEqual(types["lif"]["type"], "function")
        # The signature is the first line of the page `help(lif)` (and inspect) shows.
        inspected = self.kernel.collect(self.kernel.kc.inspect("lif", 1)).reply["content"]["data"]["text/plain"]
        self.assertEqual(types["lif"]["signature"], inspected.splitlines()[0])
        self.assertEqual(self.types(self.complete("fo"))["for"]["type"], "keyword")

    def test_magics_and_named_arguments_carry_their_kind(self) -> None:
        magics = self.types(self.complete("%ti"))
        self.assertEqual({name: entry["type"] for name, entry in magics.items()}, {"time": "magic", "timeit": "magic"})
        named = self.types(self.complete("lif(ta"))
        self.assertEqual(named["tau="]["type"], "param")
        self.assertTrue(named["tau="]["signature"].startswith("lif(tau="), named["tau="]["signature"])

    def test_a_cursor_after_an_emoji_reports_code_point_offsets(self) -> None:
        code = "x = \"😀\"; le"  # Python counts code points, as the protocol does
        content = self.complete(code)
        self.assertEqual((content["cursor_start"], content["cursor_end"]), (len(code) - 2, len(code)))
        self.assertEqual(self.types(content)["len"]["type"], "function")


class HelpLinksTests(unittest.TestCase):
    def help_links(self, environment: dict[str, str]) -> list[dict]:
        saved = dict(os.environ)
        os.environ.update(environment)
        try:
            kernel = RunningKernel("spike")
        finally:
            os.environ.clear()
            os.environ.update(saved)
        try:
            reply = kernel.collect(kernel.kc.kernel_info()).reply
            return reply["content"]["help_links"]
        finally:
            kernel.stop()

    def test_by_default_the_links_open_the_checkouts_references(self) -> None:
        links = {link["text"]: link["url"] for link in self.help_links({})}
        for text, page in [("Spike language reference", "language"), ("Spike library reference", "library")]:
            name = f"{page}.md"
            url = urlparse(links[text])
            self.assertEqual(url.scheme, "file")
            path = Path(url2pathname(url.path))
            self.assertTrue(path.is_file(), path)
            self.assertEqual(path.read_bytes(), (REPO_ROOT / "docs" / name).read_bytes())

    def test_spike_docs_url_overrides_the_base(self) -> None:
        links = [link["url"] for link in self.help_links({"SPIKE_DOCS_URL": "https://docs.example.org/spike"})]
        self.assertEqual(links[:2], [f"https://docs.example.org/spike/{page}.md" for page in ("language", "library")])


if __name__ == "__main__":
    unittest.main()
