"""`spike sweep --dask ADDRESS` against a real Dask distributed cluster on 127.0.0.1.

A `distributed.LocalCluster` (two worker processes, no dashboard) stands in for a cluster: the
sweep sends each run's `spike run` command line to it through the companion package's launcher
(`python -m spike_jupyter.dask_sweep`), and the records that come back fill `sweep.jsonl` and
the run folders exactly as a local `--workers 2` sweep does — same ids, same results, a failing
combination recorded while the others succeed — and the same command again skips what
finished. A scheduler that cannot be reached is an error the sweep reports.
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

from spike_binary import spike_binary

TIMEOUT = 120

SCRIPT = """\
total = 0
for i in 0..a { total = total + i * i }
if mode == "fail" { [0][a] }
{a: a, mode: mode, total: total, seed_seen: seed}
"""


def records(out: Path) -> dict:
    lines = (out / "sweep.jsonl").read_text().splitlines()
    return {record["id"]: record for record in map(json.loads, lines)}


class DaskSweepTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        from distributed import LocalCluster

        cls.cluster = LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None,
            silence_logs=40)
        cls.directory = tempfile.TemporaryDirectory()
        cls.root = Path(cls.directory.name)
        cls.script = cls.root / "script.spk"
        cls.script.write_text(SCRIPT)

    @classmethod
    def tearDownClass(cls):
        cls.cluster.close()
        cls.directory.cleanup()

    def sweep(self, out: Path, *extra: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [str(spike_binary()), "sweep", str(self.script), "a=2,5", "mode=ok,fail", "seed=7", "--out", str(out), *extra],
            capture_output=True, text=True, timeout=TIMEOUT, stdin=subprocess.DEVNULL)

    def dask_options(self) -> list:
        return ["--dask", self.cluster.scheduler_address, "--python", sys.executable,
                "--spike-on-workers", str(spike_binary())]

    def test_a_dask_sweep_records_what_a_local_sweep_records_and_resumes(self):
        local, remote = self.root / "local", self.root / "dask"
        first = self.sweep(local, "--workers", "2")
        self.assertEqual(first.returncode, 1, first.stdout + first.stderr)  # one mode fails
        done = self.sweep(remote, *self.dask_options())
        self.assertEqual(done.returncode, 1, done.stdout + done.stderr)

        mine, theirs = records(local), records(remote)
        self.assertEqual(sorted(mine), sorted(theirs))
        self.assertEqual(len(theirs), 4)
        for run_id, record in theirs.items():
            self.assertEqual(record["params"], mine[run_id]["params"])
            self.assertEqual(record["status"], mine[run_id]["status"])
            self.assertEqual(record["result"], mine[run_id]["result"])
            if record["params"]["mode"] == "ok":
                a = record["params"]["a"]
                self.assertEqual(record["result"], {"a": a, "mode": "ok", "total": sum(i * i for i in range(a)), "seed_seen": 7})
                self.assertTrue((remote / "runs" / run_id / "result.json").is_file())
            else:
                self.assertIn("IndexError", record["error"])

        again = self.sweep(remote, *self.dask_options())
        self.assertIn("2 finished before (skipped), 2 to run", again.stdout)
        self.assertEqual(len((remote / "sweep.jsonl").read_text().splitlines()), 6, "only the failures ran again")

    def test_a_worker_without_spike_records_an_error_naming_the_run(self):
        out = self.root / "nospike"
        result = subprocess.run(
            [str(spike_binary()), "sweep", str(self.script), "a=2", "mode=ok", "--out", str(out),
             "--dask", self.cluster.scheduler_address, "--python", sys.executable,
             "--spike-on-workers", "/nonexistent/spike"],
            capture_output=True, text=True, timeout=TIMEOUT, stdin=subprocess.DEVNULL)
        self.assertEqual(result.returncode, 1, result.stdout + result.stderr)
        (record,) = records(out).values()
        self.assertEqual(record["status"], "error")
        self.assertIn("could not start '/nonexistent/spike'", record["error"])
        self.assertEqual(record["params"], {"a": 2, "mode": "ok"})
        self.assertIn("error  a=2 mode=\"ok\"", result.stdout)

    def test_an_unreachable_scheduler_fails_the_sweep_with_a_message(self):
        out = self.root / "unreachable"
        result = subprocess.run(
            [str(spike_binary()), "sweep", str(self.script), "a=2", "mode=ok", "--out", str(out),
             "--dask", "tcp://127.0.0.1:9", "--python", sys.executable],
            capture_output=True, text=True, timeout=TIMEOUT, stdin=subprocess.DEVNULL)
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("cannot reach the Dask scheduler", result.stderr)
        self.assertIn("Dask launcher exited with status 2", result.stdout)


if __name__ == "__main__":
    unittest.main()
