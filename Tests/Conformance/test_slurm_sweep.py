"""`spike sweep --slurm`: the generated Slurm job array, run as Slurm would run it.

No Slurm here, so the test plays its part: each array task is `bash sweep.sbatch` with
SLURM_ARRAY_TASK_ID set, two at a time, and a fake `sbatch` on PATH records what it was asked to
submit. The tasks' records must fill `sweep.jsonl` (whole lines, one per run, under a lock)
with the ids and results a local sweep gives; the same command afterwards submits only what
did not finish; without `sbatch` the sweep says how to submit.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import tempfile
import unittest
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from spike_binary import spike_binary

TIMEOUT = 60

SCRIPT = """\
total = 0
for i in 0..a { total = total + i * i }
if mode == "fail" { [0][a] }
{a: a, mode: mode, total: total}
"""


class SlurmSweepTests(unittest.TestCase):
    def setUp(self):
        self.directory = tempfile.TemporaryDirectory()
        self.root = Path(self.directory.name)
        self.script = self.root / "it's a script.spk"  # a quote in the path: the commands must quote it
        self.script.write_text(SCRIPT)
        bin_dir = self.root / "bin"
        bin_dir.mkdir()
        self.sbatch_log = self.root / "sbatch.log"
        fake = bin_dir / "sbatch"
        fake.write_text(f"#!/bin/sh\necho \"$@\" >> '{self.sbatch_log}'\necho 'Submitted batch job 4242'\n")
        fake.chmod(0o755)
        self.path_with_sbatch = f"{bin_dir}:{os.environ['PATH']}"

    def tearDown(self):
        self.directory.cleanup()

    def sweep(self, out: Path, *extra: str, path: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [str(spike_binary()), "sweep", str(self.script), "a=2,5,7", "mode=ok,fail", "--out", str(out), *extra],
            capture_output=True, text=True, timeout=TIMEOUT, stdin=subprocess.DEVNULL, env={**os.environ, "PATH": path})

    def run_array(self, script: Path, tasks: int) -> None:
        def task(index: int) -> int:
            return subprocess.run(["bash", str(script)], env={**os.environ, "SLURM_ARRAY_TASK_ID": str(index)},
                                  capture_output=True, timeout=TIMEOUT).returncode
        with ThreadPoolExecutor(max_workers=2) as pool:
            codes = list(pool.map(task, range(1, tasks + 1)))
        self.assertEqual(codes, [0] * tasks, "a failing run is recorded, not a failed task")

    def test_the_job_array_records_every_run_as_a_local_sweep_does(self):
        local, slurm = self.root / "local", self.root / "slurm"
        self.sweep(local, path=os.environ["PATH"])
        submitted = self.sweep(slurm, "--slurm", "--workers", "2", "--slurm-option=--time=00:10:00", path=self.path_with_sbatch)
        self.assertEqual(submitted.returncode, 0, submitted.stdout + submitted.stderr)
        self.assertIn("sbatch: Submitted batch job 4242", submitted.stdout)
        script = slurm / "slurm" / "sweep.sbatch"
        self.assertEqual(self.sbatch_log.read_text().strip(), str(script))
        text = script.read_text()
        self.assertIn("#SBATCH --array=1-6%2", text)
        self.assertIn("#SBATCH --time=00:10:00", text)

        self.run_array(script, 6)
        lines = (slurm / "sweep.jsonl").read_text().splitlines()
        self.assertEqual(len(lines), 6)
        theirs = {r["id"]: r for r in map(json.loads, lines)}
        mine = {r["id"]: r for r in map(json.loads, (local / "sweep.jsonl").read_text().splitlines())}
        self.assertEqual(sorted(theirs), sorted(mine))
        for run_id, record in theirs.items():
            self.assertEqual((record["params"], record["status"], record["result"]),
                             (mine[run_id]["params"], mine[run_id]["status"], mine[run_id]["result"]))

        again = self.sweep(slurm, "--slurm", path=self.path_with_sbatch)
        self.assertIn("3 finished before (skipped), 3 to run", again.stdout)
        self.assertIn("#SBATCH --array=1-3\n", script.read_text())
        commands = (slurm / "slurm" / "commands.txt").read_text().splitlines()
        self.assertEqual(len(commands), 3)
        self.assertTrue(all("'mode=\"fail\"'" in line for line in commands), commands)

    def test_without_sbatch_the_sweep_says_how_to_submit(self):
        out = self.root / "nosbatch"
        result = self.sweep(out, "--slurm", path="/usr/bin:/bin")
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assertRegex(result.stdout, re.escape(f"submit it on the cluster with: sbatch {out}/slurm/sweep.sbatch"))
        self.assertFalse((out / "sweep.jsonl").read_text())


if __name__ == "__main__":
    unittest.main()
