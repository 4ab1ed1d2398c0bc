"""History that survives restarts, against the real kernel with jupyter_client: a restarted
kernel answers `history_request` with the previous session's inputs (tail and range with a
negative session), two kernels writing at once each keep all their lines, `SPIKE_HISTORY=off`
keeps history in memory only, and an unusable history path still starts the kernel.
"""
from __future__ import annotations

import os
import tempfile
import unittest
from pathlib import Path

from jupyter_client.manager import start_new_kernel

TIMEOUT = 30


def history(kc, **request) -> list:
    msg_id = kc.history(raw=True, output=False, **request)
    while True:
        reply = kc.get_shell_msg(timeout=TIMEOUT)
        if reply["parent_header"].get("msg_id") == msg_id:
            return [tuple(entry) for entry in reply["content"]["history"]]


class PersistentHistoryTests(unittest.TestCase):
    def setUp(self) -> None:
        self.folder = tempfile.TemporaryDirectory(prefix="spike-history-")
        self.file = Path(self.folder.name) / "history.sqlite"
        self.previous = os.environ.get("SPIKE_HISTORY")
        os.environ["SPIKE_HISTORY"] = str(self.file)
        self.kernels = []

    def tearDown(self) -> None:
        for km, kc in self.kernels:
            kc.stop_channels()
            km.shutdown_kernel(now=True)
        if self.previous is None:
            os.environ.pop("SPIKE_HISTORY", None)
        else:
            os.environ["SPIKE_HISTORY"] = self.previous
        self.folder.cleanup()

    def start(self):
        km, kc = start_new_kernel(kernel_name="spike")
        self.kernels.append((km, kc))
        return km, kc

    def test_a_restarted_kernel_answers_with_the_previous_sessions_inputs(self) -> None:
        km, kc = self.start()
        for code in ["x = 6", "x * 7"]:
            self.assertEqual(kc.execute_interactive(code, timeout=TIMEOUT)["content"]["status"], "ok")
        first = history(kc, hist_access_type="tail", n=2)
        km.restart_kernel(now=True)
        kc.wait_for_ready(timeout=TIMEOUT)
        kc.execute_interactive("y = 1", timeout=TIMEOUT)
        after = history(kc, hist_access_type="tail", n=3)
        self.assertEqual([entry[2] for entry in after], ["x = 6", "x * 7", "y = 1"])
        self.assertEqual(after[0][0], first[0][0])
        self.assertEqual(after[2][0], first[0][0] + 1, "the restart is a new session")
        self.assertEqual([e[2] for e in history(kc, hist_access_type="range", session=-1, start=1, stop=3)],
                         ["x = 6", "x * 7"])
        self.assertEqual([e[2] for e in history(kc, hist_access_type="search", pattern="x*", unique=True)],
                         ["x = 6", "x * 7"])

    def test_two_kernels_at_once_each_keep_every_line(self) -> None:
        (_, a), (_, b) = self.start(), self.start()
        for i in range(20):
            a.execute(f"a = {i}")
            b.execute(f"b = {i}")
        for kc, name in ((a, "a"), (b, "b")):
            kc.execute_interactive("1", timeout=TIMEOUT)
            mine = history(kc, hist_access_type="range", session=0, start=1, stop=None)
            self.assertEqual([e[2] for e in mine][:20], [f"{name} = {i}" for i in range(20)])

    def test_off_keeps_history_in_memory_and_a_bad_path_still_starts_the_kernel(self) -> None:
        os.environ["SPIKE_HISTORY"] = "off"
        _, kc = self.start()
        kc.execute_interactive("z = 1", timeout=TIMEOUT)
        self.assertEqual([e[2] for e in history(kc, hist_access_type="tail", n=5)], ["z = 1"])
        self.assertFalse(self.file.exists())
        blocker = Path(self.folder.name) / "file"
        blocker.write_text("x")
        os.environ["SPIKE_HISTORY"] = str(blocker / "history.sqlite")
        _, kc = self.start()
        self.assertEqual(kc.execute_interactive("2 + 2", timeout=TIMEOUT)["content"]["status"], "ok")
        self.assertEqual([e[2] for e in history(kc, hist_access_type="tail", n=5)], ["2 + 2"])


if __name__ == "__main__":
    unittest.main()
