"""`input()` through the stdin channel, against the real kernel with jupyter_client: the
`input_request` reaches the front end that ran the cell with its prompt and password flag, the
reply becomes the value, `allow_stdin: false` (nbconvert, papermill) is a clear error at the
call, an interrupt while waiting ends the wait, and every case keeps the session's bindings.
"""
from __future__ import annotations

import time
import unittest
from queue import Empty
from typing import Any

from jupyter_client.manager import start_new_kernel

TIMEOUT = 30


class StdinTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls) -> None:
        cls.km, cls.kc = start_new_kernel(kernel_name="spike")

    @classmethod
    def tearDownClass(cls) -> None:
        cls.kc.stop_channels()
        cls.km.shutdown_kernel(now=True)

    def outputs(self, msg_id: str) -> list[dict[str, Any]]:
        """IOPub messages of one request, up to its idle status."""
        found = []
        while True:
            msg = self.kc.get_iopub_msg(timeout=TIMEOUT)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            found.append(msg)
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                return found

    def input_request(self) -> dict[str, Any]:
        return self.kc.get_stdin_msg(timeout=TIMEOUT)

    def test_the_reply_becomes_the_value_and_the_prompt_reaches_the_front_end(self) -> None:
        msg_id = self.kc.execute('print("before")\nname = input("who? ")\nprint("hello " + name)', allow_stdin=True)
        request = self.input_request()
        self.assertEqual(request["msg_type"], "input_request")
        self.assertEqual(request["parent_header"]["msg_id"], msg_id)
        self.assertEqual(request["content"], {"prompt": "who? ", "password": False})
        self.kc.input("Ada Lovelace")
        reply = self.kc.get_shell_msg(timeout=TIMEOUT)
        self.assertEqual(reply["content"]["status"], "ok")
        text = "".join(m["content"]["text"] for m in self.outputs(msg_id) if m["msg_type"] == "stream")
        self.assertEqual(text, "before\nhello Ada Lovelace\n")

    def test_a_password_prompt_says_so(self) -> None:
        msg_id = self.kc.execute('secret = input("key: ", password=true)\nlen(secret)', allow_stdin=True)
        self.assertEqual(self.input_request()["content"], {"prompt": "key: ", "password": True})
        self.kc.input("s3cr3t ✓")
        self.assertEqual(self.kc.get_shell_msg(timeout=TIMEOUT)["content"]["status"], "ok")
        results = [m for m in self.outputs(msg_id) if m["msg_type"] == "execute_result"]
        self.assertEqual(results[0]["content"]["data"]["text/plain"], "8")

    def test_without_stdin_the_call_is_a_clear_error_and_bindings_stay(self) -> None:
        self.kc.execute_interactive("kept = 41", timeout=TIMEOUT)
        msg_id = self.kc.execute('x = input("never asked")', allow_stdin=False)
        reply = self.kc.get_shell_msg(timeout=TIMEOUT)["content"]
        self.assertEqual(reply["status"], "error")
        self.assertEqual(reply["ename"], "ValueError")
        self.assertIn("at 1:5", reply["evalue"])
        self.assertIn("accepts no input", reply["evalue"])
        self.outputs(msg_id)
        with self.assertRaises(Empty):
            self.kc.get_stdin_msg(timeout=0.3)
        after = self.kc.execute_interactive("kept + 1", timeout=TIMEOUT)
        self.assertEqual(after["content"]["status"], "ok")

    def test_an_interrupt_while_waiting_ends_the_cell_and_the_kernel_goes_on(self) -> None:
        self.kc.execute_interactive("still = 7", timeout=TIMEOUT)
        msg_id = self.kc.execute("answer = input()", allow_stdin=True)
        self.input_request()
        started = time.monotonic()
        self.km.interrupt_kernel()
        reply = self.kc.get_shell_msg(timeout=TIMEOUT)["content"]
        waited = time.monotonic() - started
        self.assertEqual(reply["status"], "error")
        self.assertEqual(reply["ename"], "Interrupted")
        self.assertLess(waited, 5.0)
        print(f"interrupt while waiting for input answered in {waited * 1000:.0f} ms")
        self.outputs(msg_id)
        self.assertEqual(self.kc.execute_interactive("still", timeout=TIMEOUT)["content"]["status"], "ok")


if __name__ == "__main__":
    unittest.main()
