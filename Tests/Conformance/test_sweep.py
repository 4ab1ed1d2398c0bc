"""`spike run NAME=VALUE` and `spike sweep` end to end, with the real binary.

A real sweep of a small script over 2 × 2 parameters with --workers 2: every combination runs
in its own `spike run` process, `sweep.jsonl` and each run's `result.json` hold the values
Python computes for the same parameters, a failing combination is recorded while the others
succeed, running the command again redoes only what failed. A sweep stopped with SIGINT keeps
its finished lines (whole), leaves no child running, exits with 130, and the same command
then finishes the rest. Bad command lines exit with status 2 and a message naming the fault.
"""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import tempfile
import time
import unittest
from datetime import datetime
from pathlib import Path

from spike_binary import spike_binary

TIMEOUT = 60

# `mode == "fail"` fails at run time (the checker cannot see it), after the loop.
SCRIPT = """\
total = 0
for i in 0..a { total = total + i * i }
if mode == "fail" { [0][a] }
display(raster(encode(cpg(pairs=2), length=8)))
{a: a, mode: mode, total: total, half: total / 2}
"""


def expected_result(a: int, mode: str) -> dict:
    """What the script gives, with its arithmetic in doubles as Spike's."""
    total = 0.0
    for i in range(a):
        total += float(i * i)
    return {"a": a, "mode": mode, "total": total, "half": total / 2}


def spike(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(spike_binary()), *args], capture_output=True, text=True,
                          timeout=TIMEOUT, stdin=subprocess.DEVNULL)


def journal(out: Path) -> list[dict]:
    """The records of sweep.jsonl; every line must be whole."""
    text = (out / "sweep.jsonl").read_text()
    assert text == "" or text.endswith("\n"), f"torn last line: {text[-80:]!r}"
    return [json.loads(line) for line in text.splitlines()]


def processes_mentioning(text: str) -> list[int]:
    """Live processes whose command line contains `text` (zombies have none)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if text.encode() in (entry / "cmdline").read_bytes():
                    found.append(int(entry.name))
            except OSError:
                pass
    return found


class SweepTests(unittest.TestCase):
    def setUp(self) -> None:
        self.tmp = Path(tempfile.mkdtemp(prefix="spike-sweep-"))
        self.addCleanup(subprocess.run, ["rm", "-rf", str(self.tmp)])
        self.script = self.tmp / "square.spk"
        self.script.write_text(SCRIPT)

    def test_run_binds_parameters_and_writes_its_result_and_record(self) -> None:
        result, record = self.tmp / "result.json", self.tmp / "run.json"
        done = spike("run", str(self.script), "a=5", "mode=ok", "--out", str(self.tmp / "figs"),
                     "--result-json", str(result), "--record", str(record))
        self.assertEqual(done.returncode, 0, done.stderr)
        self.assertEqual(json.loads(result.read_text()), expected_result(5, "ok"))
        written = json.loads(record.read_text())
        self.assertEqual(written["params"], {"a": 5, "mode": "ok"})
        self.assertEqual(written["status"], "ok")
        self.assertEqual(written["result"], expected_result(5, "ok"))
        self.assertTrue(list((self.tmp / "figs").glob("*.svg")))

    def test_run_refuses_a_malformed_parameter_with_status_2(self) -> None:
        for argument, mentions in [("a=f(1)", "a call"), ("1a=2", "'1a' is not a name"),
                                   ("a", "is not NAME=VALUE"), ("a=[1,", "never closed")]:
            with self.subTest(argument=argument):
                done = spike("run", str(self.script), argument, "mode=ok")
                self.assertEqual(done.returncode, 2, done.stderr)
                self.assertIn(argument, done.stderr)
                self.assertIn(mentions, done.stderr)

    def test_run_warns_of_a_parameter_the_script_never_mentions(self) -> None:
        done = spike("run", str(self.script), "a=2", "mode=ok", "unused=1",
                     "--out", str(self.tmp / "figs"))
        self.assertEqual(done.returncode, 0, done.stderr)
        self.assertIn("warning: the parameter 'unused'", done.stderr)

    def test_a_sweep_runs_every_combination_records_each_and_a_rerun_redoes_failures(self) -> None:
        out = self.tmp / "out"
        command = ("sweep", str(self.script), "a=3,4", "mode=ok,fail", "--out", str(out), "--workers", "2")
        done = spike(*command)
        self.assertEqual(done.returncode, 1, "a failed run makes the exit status 1\n" + done.stdout + done.stderr)
        self.assertIn("2 ok, 2 failed, 0 skipped", done.stdout)
        records = journal(out)
        self.assertEqual(sorted((r["params"]["a"], r["params"]["mode"]) for r in records),
                         [(3, "fail"), (3, "ok"), (4, "fail"), (4, "ok")])
        self.assertEqual(len({r["id"] for r in records}), 4)
        for record in records:
            a, mode = record["params"]["a"], record["params"]["mode"]
            folder = out / "runs" / record["id"]
            self.assertEqual(record["host"], socket.gethostname())
            started = datetime.fromisoformat(record["started"].replace("Z", "+00:00"))
            finished = datetime.fromisoformat(record["finished"].replace("Z", "+00:00"))
            self.assertLessEqual(started, finished)
            self.assertGreaterEqual(record["seconds"], 0)
            self.assertTrue((folder / "log.txt").exists())
            if mode == "ok":
                self.assertEqual(record["status"], "ok")
                self.assertIsNone(record["error"])
                self.assertEqual(record["result"], expected_result(a, mode))
                self.assertEqual(json.loads((folder / "result.json").read_text()), expected_result(a, mode))
                self.assertTrue(list(folder.glob("*.svg")), f"no figure in {folder}")
            else:
                self.assertEqual(record["status"], "error")
                self.assertIsNone(record["result"])
                self.assertIn("IndexError", record["error"])
                self.assertIn("out of range", record["error"])
                self.assertFalse((folder / "result.json").exists())
        one_at_a_time = self.tmp / "one-at-a-time"
        serial = spike("sweep", str(self.script), "a=3,4", "mode=ok,fail", "--out", str(one_at_a_time), "--workers", "1")
        self.assertEqual(serial.returncode, 1, serial.stdout + serial.stderr)
        self.assertEqual({r["id"]: (r["status"], r["result"]) for r in journal(one_at_a_time)},
                         {r["id"]: (r["status"], r["result"]) for r in records},
                         "the same ids and results whatever the number of workers")
        again = spike(*command)
        self.assertEqual(again.returncode, 1, again.stdout + again.stderr)
        self.assertIn("0 ok, 2 failed, 2 skipped", again.stdout)
        self.assertEqual(len(journal(out)), 6, "only the failed runs ran again")

    def calibrated_loop_length(self) -> int:
        """Loop iterations that keep one run busy for about 1.5 s on this machine and binary."""
        probe = 200_000
        started = time.monotonic()
        done = spike("run", str(self.script), f"a={probe}", "mode=ok", "--out", str(self.tmp / "probe"))
        elapsed = time.monotonic() - started
        self.assertEqual(done.returncode, 0, done.stderr)
        return max(probe, min(int(probe * 1.5 / max(elapsed, 0.01)), 50_000_000))

    def test_sigint_stops_a_sweep_cleanly_and_the_same_command_resumes_it(self) -> None:
        slow = self.calibrated_loop_length()
        out = self.tmp / "out"
        # One worker, in order: (0, ok), (0, ok2) are quick; (slow, ok) is running when the
        # second line appears and SIGINT is sent; (slow, ok2) has not started.
        command = [str(spike_binary()), "sweep", str(self.script), f"a=0,{slow}", "mode=ok,ok2",
                   "--out", str(out), "--workers", "1"]
        sweep = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                 stdin=subprocess.DEVNULL)
        try:
            deadline = time.monotonic() + TIMEOUT
            while time.monotonic() < deadline:
                path = out / "sweep.jsonl"
                if path.exists() and path.read_text().count("\n") >= 2:
                    break
                time.sleep(0.02)
            sweep.send_signal(signal.SIGINT)
            stdout, stderr = sweep.communicate(timeout=TIMEOUT)
        finally:
            if sweep.poll() is None:
                sweep.kill()
        self.assertEqual(sweep.returncode, 130, stdout + stderr)
        self.assertIn("stopped (Interrupt): 2 ok, 0 failed, 0 skipped", stdout)
        self.assertEqual([(r["params"]["a"], r["status"]) for r in journal(out)], [(0, "ok"), (0, "ok")])
        self.assertEqual(processes_mentioning(str(out)), [], "an interrupted run is still running")

        resumed = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT,
                                 stdin=subprocess.DEVNULL)
        self.assertEqual(resumed.returncode, 0, resumed.stdout + resumed.stderr)
        self.assertIn("2 ok, 0 failed, 2 skipped", resumed.stdout)
        records = journal(out)
        self.assertEqual(len(records), 4)
        for record in records:
            self.assertEqual(record["status"], "ok")
            self.assertEqual(record["result"], expected_result(record["params"]["a"], record["params"]["mode"]))

    def test_a_run_killed_from_outside_is_recorded_as_an_error_and_the_sweep_goes_on(self) -> None:
        slow = self.calibrated_loop_length()
        out = self.tmp / "out"
        sweep = subprocess.Popen([str(spike_binary()), "sweep", str(self.script), f"a={slow},1", "mode=ok",
                                  "--out", str(out), "--workers", "1"],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                 stdin=subprocess.DEVNULL)
        try:
            deadline = time.monotonic() + TIMEOUT
            while not (children := processes_mentioning(str(out / "runs"))) and time.monotonic() < deadline:
                time.sleep(0.02)
            for pid in children:
                os.kill(pid, signal.SIGKILL)
            stdout, stderr = sweep.communicate(timeout=TIMEOUT)
        finally:
            if sweep.poll() is None:
                sweep.kill()
        self.assertEqual(sweep.returncode, 1, stdout + stderr)
        records = {record["params"]["a"]: record for record in journal(out)}
        self.assertEqual(records[slow]["status"], "error")
        self.assertIn("the run ended without a record (killed by signal 9", records[slow]["error"])
        self.assertEqual(records[1]["status"], "ok")
        self.assertEqual(records[1]["result"], expected_result(1, "ok"))

    def test_a_sweep_that_cannot_start_exits_with_status_2_and_says_why(self) -> None:
        a_file = self.tmp / "a-file"
        a_file.write_text("")
        out = str(self.tmp / "out")
        cases = [
            (("sweep", str(self.tmp / "nope.spk"), "a=1", "--out", out), "nope.spk"),
            (("sweep", str(self.script), "--out", out), "no parameters"),
            (("sweep", str(self.script), "a=", "--out", out), "'a=' gives no values"),
            (("sweep", str(self.script), "a=1,2", "a=3", "--out", out), "'a' is given twice"),
            (("sweep", str(self.script), "a=1", "mdoe=ok", "--out", out), "'mdoe' does not appear"),
            (("sweep", str(self.script), "a=1,f(2)", "--out", out), "a call at column 3"),
            (("sweep", str(self.script), "a=1", "--out", str(a_file)), "not a folder"),
            (("sweep", str(self.script), "a=1", "--out", out, "--workers", "0"), "--workers"),
            (("sweep", str(self.script), "a=1"), "Missing expected argument '--out <out>'"),
            (("sweep", str(self.script), "a=1", "--out", out, "--workers", "many"), "'many' is invalid"),
        ]
        for arguments, mentions in cases:
            with self.subTest(arguments=arguments[2:]):
                done = spike(*arguments)
                self.assertEqual(done.returncode, 2, done.stdout + done.stderr)
                self.assertIn(mentions, done.stderr)
        self.assertFalse((self.tmp / "out" / "sweep.jsonl").exists(), "nothing ran")


if __name__ == "__main__":
    unittest.main()
