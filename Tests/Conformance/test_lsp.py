"""`spike lsp`: the language server over stdio, driven by a minimal LSP client.

The client frames JSON-RPC messages with `Content-Length` headers on the real
binary's stdin and reads framed messages from its stdout, as an editor does.
Expected columns are computed here from the text (UTF-16 code units, the LSP
default), independently of the server's conversion.
"""
from __future__ import annotations

import json
import subprocess
import threading
import time
import unittest
from unittest import mock
from pathlib import Path
from typing import Any

from spike_binary import spike_binary

TIMEOUT = 20.0
URI = "file:///tmp/example.spk"


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


class LSPClient:
    """A `spike lsp` process; a thread parses each framed stdout message, in order."""

    def __init__(self, argv: list[str] | None = None) -> None:
        self.proc = subprocess.Popen(argv or [str(spike_binary()), "lsp"], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.messages: list[Any] = []
        self.changed = threading.Condition()
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        stream = self.proc.stdout
        assert stream is not None
        while True:
            length = None
            while True:
                line = stream.readline()
                if not line:
                    return
                if line in (b"\r\n", b"\n"):
                    break
                name, _, value = line.decode("ascii").partition(":")
                if name.strip().lower() == "content-length":
                    length = int(value.strip())
            assert length is not None, "a frame without Content-Length"
            body = stream.read(length)
            with self.changed:
                self.messages.append(json.loads(body))
                self.changed.notify_all()

    def write(self, data: bytes) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    @staticmethod
    def frame(message: dict[str, Any]) -> bytes:
        body = json.dumps(message).encode("utf-8")
        return b"Content-Length: %d\r\n\r\n" % len(body) + body

    def notify(self, method: str, params: Any) -> None:
        self.write(self.frame({"jsonrpc": "2.0", "method": method, "params": params}))

    def request(self, method: str, params: Any) -> dict[str, Any]:
        self.next_id += 1
        ident = self.next_id
        self.write(self.frame({"jsonrpc": "2.0", "id": ident, "method": method, "params": params}))
        return self.wait(lambda m: m.get("id") == ident)

    def wait(self, predicate) -> dict[str, Any]:
        deadline = time.monotonic() + TIMEOUT
        with self.changed:
            while True:
                for message in self.messages:
                    if predicate(message):
                        self.messages.remove(message)
                        return message
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(f"no matching message; got {self.messages}")
                self.changed.wait(remaining)

    def diagnostics(self) -> list[dict[str, Any]]:
        message = self.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics")
        return message["params"]["diagnostics"]

    def initialize(self, encodings: list[str] | None = None) -> dict[str, Any]:
        capabilities: dict[str, Any] = {}
        if encodings is not None:
            capabilities["general"] = {"positionEncodings": encodings}
        reply = self.request("initialize", {"processId": None, "rootUri": None,
                                            "capabilities": capabilities})
        self.notify("initialized", {})
        return reply

    def open(self, text: str) -> None:
        self.notify("textDocument/didOpen", {"textDocument": {
            "uri": URI, "languageId": "spike", "version": 1, "text": text}})

    def close(self) -> int:
        try:
            return self.proc.wait(timeout=TIMEOUT)
        finally:
            if self.proc.poll() is None:
                self.proc.kill()
            for stream in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
                if stream is not None:
                    stream.close()


class LanguageServerTests(unittest.TestCase):
    def setUp(self) -> None:
        self.client = LSPClient()

    def tearDown(self) -> None:
        if self.client.proc.poll() is None:
            self.client.proc.kill()
        self.client.close()

    def shut_down(self) -> int:
        self.assertIsNone(self.client.request("shutdown", None)["result"])
        self.client.notify("exit", None)
        return self.client.close()

    def test_a_name_error_after_an_emoji_is_published_with_its_utf16_range(self) -> None:
        reply = self.client.initialize()
        self.assertEqual(reply["result"]["capabilities"]["positionEncoding"], "utf-16")
        head = 'label = "spikes 😀 𝜏" + '
        self.client.open("x = 1\n" + head + "rate\n")
        diagnostics = self.client.diagnostics()
        self.assertEqual(len(diagnostics), 1, diagnostics)
        start = utf16_len(head)
        self.assertEqual(diagnostics[0]["range"], {"start": {"line": 1, "character": start},
                                                   "end": {"line": 1, "character": start + 4}})
        self.assertEqual(diagnostics[0]["code"], "NameError")
        self.assertIn("rate", diagnostics[0]["message"])
        self.assertEqual(self.shut_down(), 0)

    def test_a_message_split_across_writes_and_malformed_json_are_handled(self) -> None:
        frame = LSPClient.frame({"jsonrpc": "2.0", "id": 1, "method": "initialize",
                                 "params": {"capabilities": {"general": {"positionEncodings": ["utf-32"]}}}})
        self.client.write(frame[:10])
        time.sleep(0.1)
        self.client.write(frame[10:30])
        time.sleep(0.1)
        self.client.write(frame[30:])
        reply = self.client.wait(lambda m: m.get("id") == 1)
        self.assertEqual(reply["result"]["capabilities"]["positionEncoding"], "utf-32")
        body = b"{oops"
        self.client.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        error = self.client.wait(lambda m: "error" in m and m.get("id") is None)
        self.assertEqual(error["error"]["code"], -32700)
        self.assertEqual(self.client.request("spike/unknown", {})["error"]["code"], -32601)
        self.assertEqual(self.shut_down(), 0)

    def test_incremental_change_fixes_the_error(self) -> None:
        self.client.initialize()
        self.client.open("rate = 2\nrte * 2\n")
        self.assertEqual(len(self.client.diagnostics()), 1)
        self.client.notify("textDocument/didChange", {
            "textDocument": {"uri": URI, "version": 2},
            "contentChanges": [{"range": {"start": {"line": 1, "character": 1},
                                          "end": {"line": 1, "character": 1}}, "text": "a"}]})
        self.assertEqual(self.client.diagnostics(), [])
        self.assertEqual(self.shut_down(), 0)

    def test_notebook_magics_and_help_lines_are_not_errors(self) -> None:
        self.client.initialize()
        self.client.open("%seed 3\nn = 4\n\n%%time\nlif?\nprint(n)\n")
        self.assertEqual(self.client.diagnostics(), [])
        self.assertEqual(self.shut_down(), 0)

    def test_completion_and_hover_describe_builtins(self) -> None:
        self.client.initialize()
        self.client.open("lif(ta")
        self.client.diagnostics()
        items = self.client.request("textDocument/completion", {
            "textDocument": {"uri": URI}, "position": {"line": 0, "character": 6}})["result"]["items"]
        tau = [item for item in items if item["label"] == "tau="]
        self.assertEqual(len(tau), 1, items)
        self.assertTrue(tau[0]["detail"].startswith("lif("), tau)
        hover = self.client.request("textDocument/hover", {
            "textDocument": {"uri": URI}, "position": {"line": 0, "character": 1}})["result"]
        self.assertIn("lif(", hover["contents"]["value"])
        self.assertEqual(self.shut_down(), 0)

    def test_exit_without_shutdown_ends_with_status_one(self) -> None:
        self.client.initialize()
        self.client.notify("exit", None)
        self.assertEqual(self.client.close(), 1)


class JupyterLSPSpecTests(unittest.TestCase):
    """The companion package's jupyter-lsp spec, and the entry point that names it."""

    def test_the_spec_starts_this_binary_as_a_working_server(self) -> None:
        import importlib.util
        import os
        import tomllib

        root = Path(__file__).resolve().parents[2]
        pyproject = tomllib.loads((root / "python" / "pyproject.toml").read_text())
        target = pyproject["project"]["entry-points"]["jupyter_lsp_spec_v1"]["spike-language-server"]
        self.assertEqual(target, "spike_jupyter.lsp_spec:spec_v1")
        location = root / "python" / "spike_jupyter" / "lsp_spec.py"
        module_spec = importlib.util.spec_from_file_location("lsp_spec_under_test", location)
        assert module_spec is not None and module_spec.loader is not None
        module = importlib.util.module_from_spec(module_spec)
        module_spec.loader.exec_module(module)
        with mock.patch.dict(os.environ, {"SPIKE_BIN": str(spike_binary())}):
            spec = module.spec_v1(None)["spike-language-server"]
        self.assertEqual(spec["argv"], [str(spike_binary()), "lsp"])
        self.assertEqual((spec["languages"], spec["mime_types"], spec["version"]),
                         (["spike"], ["text/x-spike"], 2))
        self.jupyter_lsp_accepts(module.spec_v1)
        client = LSPClient(spec["argv"])
        try:
            reply = client.initialize()
            self.assertIn("completionProvider", reply["result"]["capabilities"])
            client.request("shutdown", None)
            client.notify("exit", None)
            self.assertEqual(client.close(), 0)
        finally:
            if client.proc.poll() is None:
                client.proc.kill()
                client.close()


    def jupyter_lsp_accepts(self, spec_v1) -> None:
        """jupyter-lsp's own manager finds the spec through its entry point and validates it."""
        try:
            from jupyter_lsp import manager as lsp_manager
        except ImportError:
            self.skipTest("jupyter_lsp is not installed")

        class EntryPoint:
            name = "spike-language-server"

            @staticmethod
            def load():
                return spec_v1

        with mock.patch.object(lsp_manager, "entry_points", lambda group: [EntryPoint()]):
            found = dict(lsp_manager.LanguageServerManager()._autodetect_language_servers(only_installed=True))
        self.assertEqual(list(found), ["spike-language-server"])
        self.assertEqual(found["spike-language-server"]["display_name"], "Spike")


if __name__ == "__main__":
    unittest.main()
