"""`spike stdio`: the Jupyter messages as JSON lines on stdin/stdout.

One object per line, each with `channel`, `header`, `parent_header`,
`metadata` and `content`. Requests go in on stdin; replies and IOPub messages
come out on stdout, and stdout carries nothing but such lines. A malformed
line gets an error message and the process goes on.
"""
from __future__ import annotations

import json
import signal
import subprocess
import sys
import threading
import time
import unittest
import uuid
from datetime import datetime, timezone
from typing import Any

from spike_binary import spike_binary

TIMEOUT = 20.0
ENVELOPE = {"channel", "header", "parent_header", "metadata", "content"}


class StdioKernel:
    """A `spike stdio` process; a thread keeps every stdout line, parsed, in arrival order."""

    def __init__(self) -> None:
        self.session = uuid.uuid4().hex
        self.proc = subprocess.Popen([str(spike_binary()), "stdio"], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.raw_lines: list[str] = []
        self.messages: list[Any] = []  # parsed lines; a str where a line was not JSON
        self.eof = False
        self.changed = threading.Condition()
        self.stderr_chunks: list[bytes] = []
        threading.Thread(target=self._read_stdout, daemon=True).start()
        threading.Thread(target=self._read_stderr, daemon=True).start()

    def _read_stdout(self) -> None:
        assert self.proc.stdout is not None
        for raw in self.proc.stdout:
            line = raw.decode("utf-8", "replace").rstrip("\n")
            try:
                parsed: Any = json.loads(line)
            except ValueError:
                parsed = line
            with self.changed:
                self.raw_lines.append(line)
                self.messages.append(parsed)
                self.changed.notify_all()
        with self.changed:
            self.eof = True
            self.changed.notify_all()

    def _read_stderr(self) -> None:
        assert self.proc.stderr is not None
        for raw in self.proc.stderr:
            self.stderr_chunks.append(raw)

    def write_line(self, text: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(text.encode() + b"\n")
        self.proc.stdin.flush()

    def send(self, channel: str, msg_type: str, content: dict[str, Any]) -> str:
        msg_id = uuid.uuid4().hex
        header = {"msg_id": msg_id, "session": self.session, "username": "stdio-test",
                  "date": datetime.now(timezone.utc).isoformat(), "msg_type": msg_type,
                  "version": "5.5"}
        self.write_line(json.dumps({"channel": channel, "header": header, "parent_header": {},
                                    "metadata": {}, "content": content}))
        return msg_id

    def execute(self, code: str, **flags: Any) -> str:
        content = {"code": code, "silent": False, "store_history": True, "user_expressions": {},
                   "allow_stdin": False, "stop_on_error": True}
        content.update(flags)
        return self.send("shell", "execute_request", content)

    def wait_for(self, predicate, timeout: float = TIMEOUT) -> bool:
        """Wait until `predicate(messages)` holds or stdout ends; returns whether it held."""
        deadline = time.monotonic() + timeout
        with self.changed:
            while not predicate(self.messages):
                remaining = deadline - time.monotonic()
                if remaining <= 0 or self.eof:
                    return False
                self.changed.wait(remaining)
            return True

    def line_count(self) -> int:
        with self.changed:
            return len(self.messages)

    def answered(self, msg_id: str) -> list[dict]:
        """Every message so far whose parent is `msg_id`."""
        with self.changed:
            return [m for m in self.messages if isinstance(m, dict)
                    and isinstance(m.get("parent_header"), dict)
                    and m["parent_header"].get("msg_id") == msg_id]

    def collect(self, msg_id: str, reply_channel: str = "shell", timeout: float = TIMEOUT,
                want_idle: bool = True) -> tuple[dict | None, list[dict]]:
        """The reply to `msg_id` and its IOPub messages, waiting for the reply (and the idle)."""
        def done(_: list) -> bool:
            mine = self.answered(msg_id)  # the condition's lock is re-entrant
            replied = any(m.get("channel") == reply_channel for m in mine)
            idle = any(m.get("channel") == "iopub" and m["header"]["msg_type"] == "status"
                       and m["content"].get("execution_state") == "idle" for m in mine)
            return replied and (idle or not want_idle)

        self.wait_for(done, timeout)
        mine = self.answered(msg_id)
        replies = [m for m in mine if m.get("channel") == reply_channel]
        return (replies[0] if replies else None), [m for m in mine if m.get("channel") == "iopub"]

    def close(self) -> None:
        if self.proc.poll() is None:
            assert self.proc.stdin is not None
            self.proc.stdin.close()
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        for stream in (self.proc.stdout, self.proc.stderr):
            if stream is not None:
                stream.close()


def types_of(iopub: list[dict]) -> list[str]:
    return [m["header"]["msg_type"] for m in iopub]


class StdioTests(unittest.TestCase):
    def setUp(self) -> None:
        self.k = StdioKernel()

    def tearDown(self) -> None:
        self.k.close()

    def wait_until_running(self, msg_id: str) -> None:
        """Wait for the `execute_input` of `msg_id`: the cell has started, its interrupt flag cleared."""
        def started(_: list) -> bool:
            return any(m["header"]["msg_type"] == "execute_input" for m in self.k.answered(msg_id))
        self.assertTrue(self.k.wait_for(started), f"the cell {msg_id} never started")

    def assert_every_stdout_line_is_a_message(self) -> None:
        for line in self.k.raw_lines:
            obj = json.loads(line)
            self.assertIsInstance(obj, dict, line)
            self.assertTrue(ENVELOPE <= obj.keys(), f"missing envelope keys: {line[:200]}")

    def test_kernel_info_is_answered_between_busy_and_idle(self) -> None:
        mid = self.k.send("shell", "kernel_info_request", {})
        reply, iopub = self.k.collect(mid)
        self.assertIsNotNone(reply, "no kernel_info_reply")
        self.assertEqual(reply["header"]["msg_type"], "kernel_info_reply")
        self.assertEqual(reply["content"]["language_info"]["name"], "spike")
        self.assertEqual(reply["content"]["language_info"]["file_extension"], ".spk")
        states = [m["content"]["execution_state"] for m in iopub if m["header"]["msg_type"] == "status"]
        self.assertEqual(states, ["busy", "idle"])
        self.assert_every_stdout_line_is_a_message()

    def test_execute_streams_output_and_returns_the_result(self) -> None:
        mid = self.k.execute('print("h\u00e9llo \U0001F389")\n6*7')
        reply, iopub = self.k.collect(mid)
        self.assertEqual(reply["content"]["status"], "ok", reply["content"])
        self.assertEqual(types_of(iopub)[0], "status")
        self.assertEqual(types_of(iopub)[-1], "status")
        self.assertIn("execute_input", types_of(iopub))
        text = "".join(m["content"]["text"] for m in iopub if m["header"]["msg_type"] == "stream")
        self.assertEqual(text, "h\u00e9llo \U0001F389\n")
        results = [m for m in iopub if m["header"]["msg_type"] == "execute_result"]
        self.assertEqual(results[0]["content"]["data"]["text/plain"], "42")
        self.assertEqual(results[0]["content"]["execution_count"], reply["content"]["execution_count"])
        self.assert_every_stdout_line_is_a_message()

    def test_state_persists_and_errors_are_reported(self) -> None:
        self.k.collect(self.k.execute("kept = 41"))
        reply, iopub = self.k.collect(self.k.execute("missing + 1"))
        self.assertEqual(reply["content"]["status"], "error")
        self.assertEqual(reply["content"]["ename"], "NameError")
        self.assertIn("error", types_of(iopub))
        reply, iopub = self.k.collect(self.k.execute("kept + 1"))
        results = [m for m in iopub if m["header"]["msg_type"] == "execute_result"]
        self.assertEqual(results[0]["content"]["data"]["text/plain"], "42")

    def _assert_bad_line_is_answered_and_survived(self, line: str) -> None:
        # a full round trip first, so start-up messages are not taken for the answer
        self.assertIsNotNone(self.k.collect(self.k.send("shell", "kernel_info_request", {}))[0])
        mark = self.k.line_count()
        self.k.write_line(line)
        self.assertTrue(self.k.wait_for(lambda msgs: len(msgs) > mark), "no answer to a bad line")
        obj = self.k.messages[mark]
        self.assertIsInstance(obj, dict, f"answer to a bad line is not a JSON object: {obj!r}")
        self.assertTrue(ENVELOPE <= obj.keys(), obj)
        self.assertIn("error", json.dumps(obj).lower(), f"not an error message: {obj}")
        self.assertIsNone(self.k.proc.poll(), "process exited after a bad line")
        reply, _ = self.k.collect(self.k.send("shell", "kernel_info_request", {}))
        self.assertIsNotNone(reply, "no reply after a bad line")

    def test_a_malformed_line_gets_an_error_and_the_process_goes_on(self) -> None:
        for line in ("this is not json", '{"channel": "shell", "header": ', "[1, 2, 3]",
                     '{"channel": "shell"}', '"\\ud800 lone surrogate"'):
            with self.subTest(line=line):
                self._assert_bad_line_is_answered_and_survived(line)
        self.assert_every_stdout_line_is_a_message()

    def test_silent_execution_publishes_nothing_but_status(self) -> None:
        reply, iopub = self.k.collect(self.k.execute('print("hush")\nq = 1', silent=True,
                                                     store_history=False))
        self.assertEqual(reply["content"]["status"], "ok")
        self.assertEqual(set(types_of(iopub)), {"status"})

    def test_interrupt_on_control_stops_a_running_cell(self) -> None:
        mid = self.k.execute("for i in 0..1000000000 { x = i }")
        self.wait_until_running(mid)
        iid = self.k.send("control", "interrupt_request", {})
        interrupt_reply, _ = self.k.collect(iid, reply_channel="control", want_idle=False)
        self.assertIsNotNone(interrupt_reply, "no interrupt_reply on control")
        self.assertEqual(interrupt_reply["content"]["status"], "ok")
        reply, _ = self.k.collect(mid)
        self.assertIsNotNone(reply, "no execute_reply after interrupt")
        self.assertEqual(reply["content"]["ename"], "Interrupted")

    def test_sigint_interrupts_a_running_cell_and_the_process_goes_on(self) -> None:
        self.k.collect(self.k.execute("kept = 41"))
        mid = self.k.execute("for i in 0..1000000000 { x = i }")
        self.wait_until_running(mid)
        self.k.proc.send_signal(signal.SIGINT)
        reply, _ = self.k.collect(mid)
        self.assertIsNotNone(reply, "no execute_reply after SIGINT")
        self.assertEqual(reply["content"]["ename"], "Interrupted")
        self.assertIsNone(self.k.proc.poll(), "SIGINT ended the process")
        reply, iopub = self.k.collect(self.k.execute("kept + 1"))
        self.assertEqual(reply["content"]["status"], "ok")
        results = [m["content"]["data"]["text/plain"] for m in iopub
                   if m["header"]["msg_type"] == "execute_result"]
        self.assertEqual(results, ["42"])

    def test_shutdown_request_is_answered_and_the_process_exits(self) -> None:
        mid = self.k.send("control", "shutdown_request", {"restart": False})
        reply, _ = self.k.collect(mid, reply_channel="control", want_idle=False)
        self.assertIsNotNone(reply, "no shutdown_reply")
        self.assertEqual(reply["content"]["status"], "ok")
        self.assertEqual(self.k.proc.wait(timeout=5), 0)

    def test_end_of_input_ends_the_process_cleanly(self) -> None:
        self.k.collect(self.k.send("shell", "kernel_info_request", {}))
        assert self.k.proc.stdin is not None
        self.k.proc.stdin.close()
        self.assertEqual(self.k.proc.wait(timeout=5), 0)

    def test_a_shutdown_behind_queued_requests_answers_every_one_then_replies(self) -> None:
        """The running cell is interrupted, queued shell requests get aborted replies, then shutdown_reply."""
        running = self.k.execute(LONG_CELL)
        self.assertTrue(self.k.wait_for(lambda _: any(
            m.get("header", {}).get("msg_type") == "execute_input" for m in self.k.answered(running))))
        marker = f"queued_{uuid.uuid4().hex[:8]}"
        queued = [self.k.execute(f'print("{marker}")'), self.k.send("shell", "kernel_info_request", {}),
                  self.k.execute("1 + 1")]
        shutdown = self.k.send("control", "shutdown_request", {"restart": False})
        self.assertEqual(self.k.proc.wait(timeout=10), 0)
        self.k.wait_for(lambda _: self.k.eof, timeout=5)
        replies = [m for m in self.k.messages if isinstance(m, dict) and m.get("channel") in ("shell", "control")]
        parents = [m["parent_header"].get("msg_id") for m in replies]
        self.assertEqual(parents[-5:], [running, *queued, shutdown], "every request answered, shutdown last")
        by_parent = {m["parent_header"]["msg_id"]: m for m in replies}
        self.assertEqual(by_parent[running]["content"]["ename"], "Interrupted")
        for mid in queued:
            self.assertEqual(by_parent[mid]["content"]["status"], "aborted", by_parent[mid])
            self.assertEqual([m["content"]["execution_state"] for m in self.k.answered(mid)
                              if m["header"]["msg_type"] == "status"], ["busy", "idle"])
        self.assertEqual(by_parent[queued[1]]["header"]["msg_type"], "kernel_info_reply")
        self.assertEqual(by_parent[shutdown]["content"], {"status": "ok", "restart": False})
        self.assertNotIn(marker, "".join(self.k.raw_lines), "a queued cell ran after the shutdown")

    def test_requests_queued_behind_a_shutdown_on_shell_are_answered_as_aborted(self) -> None:
        running = self.k.execute(LONG_CELL)
        self.assertTrue(self.k.wait_for(lambda _: any(
            m.get("header", {}).get("msg_type") == "execute_input" for m in self.k.answered(running))))
        shutdown = self.k.send("shell", "shutdown_request", {"restart": False})
        behind = self.k.send("shell", "kernel_info_request", {})
        self.k.send("control", "interrupt_request", {})
        self.assertEqual(self.k.proc.wait(timeout=10), 0)
        self.k.wait_for(lambda _: self.k.eof, timeout=5)
        replies = {m["parent_header"].get("msg_id"): m for m in self.k.messages
                   if isinstance(m, dict) and m.get("channel") == "shell"}
        self.assertEqual(replies[shutdown]["content"], {"status": "ok", "restart": False})
        self.assertIn(behind, replies, "a request queued behind the shutdown got no reply")
        self.assertEqual(replies[behind]["content"], {"status": "aborted"})


LONG_CELL = "for i in 0..1000000000 { x = i }"


class StdioHangupTests(unittest.TestCase):
    def test_closing_stdin_and_stdout_mid_cell_ends_the_process_promptly(self) -> None:
        proc = subprocess.Popen([str(spike_binary()), "stdio"], stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.addCleanup(lambda: proc.poll() is None and (proc.kill(), proc.wait()))
        assert proc.stdin is not None and proc.stdout is not None
        header = {"msg_id": uuid.uuid4().hex, "session": uuid.uuid4().hex, "username": "stdio-test",
                  "date": datetime.now(timezone.utc).isoformat(), "msg_type": "execute_request",
                  "version": "5.5"}
        content = {"code": LONG_CELL, "silent": False, "store_history": True, "user_expressions": {},
                   "allow_stdin": False, "stop_on_error": True}
        proc.stdin.write(json.dumps({"channel": "shell", "header": header, "parent_header": {},
                                     "metadata": {}, "content": content}).encode() + b"\n")
        proc.stdin.flush()
        for raw in proc.stdout:  # until the cell is running
            if json.loads(raw)["header"]["msg_type"] == "execute_input":
                break
        time.sleep(0.2)
        closed = time.monotonic()
        proc.stdin.close()
        proc.stdout.close()
        try:
            status = proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.fail("spike stdio kept running the cell after its client closed stdin and stdout")
        self.assertEqual(status, 0)
        print(f"\nstdio exited {1e3 * (time.monotonic() - closed):.0f} ms after its pipes closed",
              file=sys.stderr)


if __name__ == "__main__":
    unittest.main()
