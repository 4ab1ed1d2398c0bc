"""Small jupyter_client helpers shared by the protocol tests.

A kernel is started exactly as Jupyter starts it (KernelManager + the
kernelspec found on JUPYTER_PATH), its stderr kept in a file so tests can
check what it logged. `request()` sends one message and gathers everything
the kernel sends back for it: the reply (shell or control) and every IOPub
message whose parent is that request, up to and including its `idle`.
"""
from __future__ import annotations

import os
import tempfile
import unittest
import time
from dataclasses import dataclass, field
from queue import Empty
from typing import Any

from jupyter_client import KernelManager
from jupyter_client.blocking.client import BlockingKernelClient

# Generous: a loaded 2-core CI machine can stall for seconds; nothing here is a timing test.
TIMEOUT = 20.0


@dataclass
class Exchange:
    """Everything a kernel sent in answer to one request."""

    msg_id: str
    reply: dict[str, Any] | None = None
    iopub: list[dict[str, Any]] = field(default_factory=list)

    @property
    def content(self) -> dict[str, Any]:
        assert self.reply is not None, f"no reply to {self.msg_id}"
        return self.reply["content"]

    def of_type(self, msg_type: str) -> list[dict[str, Any]]:
        return [m for m in self.iopub if m["msg_type"] == msg_type]

    @property
    def states(self) -> list[str]:
        return [m["content"]["execution_state"] for m in self.of_type("status")]

    def stream_text(self, name: str = "stdout") -> str:
        return "".join(m["content"]["text"] for m in self.of_type("stream")
                       if m["content"]["name"] == name)


class RunningKernel:
    """One kernel process plus a blocking client connected to it."""

    def __init__(self, kernel_name: str) -> None:
        self.kernel_name = kernel_name
        fd, self.stderr_path = tempfile.mkstemp(prefix=f"{kernel_name}-stderr-", suffix=".log")
        os.close(fd)
        self._stderr = open(self.stderr_path, "wb")  # noqa: SIM115 -- closed in stop()
        self.km = KernelManager(kernel_name=kernel_name)
        self.km.start_kernel(stderr=self._stderr)
        self.kc: BlockingKernelClient = self.km.client()
        self.kc.start_channels()
        self.kc.wait_for_ready(timeout=60)
        self.drain()

    def stop(self) -> None:
        try:
            self.kc.stop_channels()
            self.km.shutdown_kernel(now=False)
        finally:
            self._stderr.close()
            if os.path.exists(self.stderr_path):
                os.unlink(self.stderr_path)

    def stderr_size(self) -> int:
        self._stderr.flush()
        return os.path.getsize(self.stderr_path)

    def stderr_text(self) -> str:
        with open(self.stderr_path, "rb") as fh:
            return fh.read().decode("utf-8", "replace")

    def drain(self, quiet: float = 0.2) -> list[dict[str, Any]]:
        """Read and return whatever is pending on shell, control and IOPub."""
        got = []
        for getter in (self.kc.get_shell_msg, self.kc.get_control_msg, self.kc.get_iopub_msg):
            while True:
                try:
                    got.append(getter(timeout=quiet))
                except Empty:
                    break
        return got

    def send(self, channel: str, msg_type: str, content: dict[str, Any]) -> str:
        msg = self.kc.session.msg(msg_type, content)
        getattr(self.kc, f"{channel}_channel").send(msg)
        return msg["header"]["msg_id"]

    def execute(self, code: str, **flags: Any) -> str:
        return self.kc.execute(code, allow_stdin=False, **flags)

    def collect(self, msg_id: str, channel: str = "shell", timeout: float = TIMEOUT,
                want_idle: bool = True) -> Exchange:
        """Gather the reply on `channel` and the IOPub messages of request `msg_id`."""
        ex = Exchange(msg_id)
        deadline = time.monotonic() + timeout
        getter = self.kc.get_shell_msg if channel == "shell" else self.kc.get_control_msg
        idle = not want_idle
        while time.monotonic() < deadline and (ex.reply is None or not idle):
            if ex.reply is None:
                try:
                    msg = getter(timeout=0.05)
                    if msg["parent_header"].get("msg_id") == msg_id:
                        ex.reply = msg
                except Empty:
                    pass
            if not idle:
                try:
                    msg = self.kc.get_iopub_msg(timeout=0.05)
                except Empty:
                    continue
                if msg["parent_header"].get("msg_id") != msg_id:
                    continue
                ex.iopub.append(msg)
                if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                    idle = True
        return ex

    def run(self, code: str, timeout: float = TIMEOUT, **flags: Any) -> Exchange:
        return self.collect(self.execute(code, **flags), timeout=timeout)

    def text_result(self, code: str) -> str | None:
        """The text/plain execute_result of `code`, or None when it shows nothing."""
        ex = self.run(code)
        results = ex.of_type("execute_result")
        return results[0]["content"]["data"]["text/plain"] if results else None


class OneSpikeKernelPerClass(unittest.TestCase):
    """A test class whose tests share one Spike kernel (`self.kernel`), started before the
    first test and stopped after the last."""

    kernel: RunningKernel

    @classmethod
    def setUpClass(cls) -> None:
        cls.kernel = RunningKernel("spike")

    @classmethod
    def tearDownClass(cls) -> None:
        cls.kernel.stop()
