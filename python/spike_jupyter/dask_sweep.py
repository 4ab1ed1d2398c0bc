"""Run the runs of ``spike sweep --dask ADDRESS`` on a Dask distributed cluster.

``spike sweep`` plans the runs, keeps ``sweep.jsonl`` and decides what is left to do; this
module only carries runs to Dask workers and their records back (docs/architecture.md §3).
It is started by ``spike sweep`` as ``python -m spike_jupyter.dask_sweep --scheduler ADDRESS``
and speaks JSON lines:

* stdin, one line per run, then end of input::

      {"id": "pe-cpg_seed-3-731ad2e7aad8", "args": ["run", "--out", "...", "SCRIPT", "seed=3"],
       "record": "/abs/DIR/runs/ID/run.json"}

* stdout, one line per finished run, in the order they finish::

      {"id": "...", "record": {...the run's record...}}

Each run is one Dask task that executes ``spike ARGS`` on a worker (``--spike`` names the
binary there; by default ``spike`` on the worker's PATH) and returns the record the run wrote.
A run whose process ends without a record comes back as an error record with the exit status
and the end of its output. On SIGINT or SIGTERM no further run starts, running ones are
interrupted through a Dask ``Event`` their tasks watch, and the launcher exits with 130.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from datetime import datetime, timezone

# How often a running task checks whether the sweep was stopped, in seconds.
STOP_POLL_SECONDS = 0.25
# How long an interrupted run may take to write its record before it is killed, in seconds.
GRACE_SECONDS = 5.0
# How much of a failed run's output its error record keeps, in characters.
OUTPUT_TAIL = 2000


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def run_on_worker(spike: str, args: list, record_path: str, stop_event: str):
    """Run ``spike ARGS`` here (on a Dask worker) and return the record it wrote, or None
    when the sweep was stopped before this run started.

    Polls the Dask event named ``stop_event``: once it is set, the run gets SIGINT (as Ctrl-C
    would), then SIGKILL after ``GRACE_SECONDS``.
    """
    from distributed import Event

    started = _now()
    clock = time.monotonic()
    stop = Event(stop_event)
    if stop.is_set():
        return None
    try:
        os.remove(record_path)
    except OSError:
        pass
    try:
        child = subprocess.Popen(
            [spike, *args], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
        )
    except OSError as error:
        return _error_record(f"could not start {spike!r} on {socket.gethostname()}: {error}", started, clock)
    output = []
    reader = threading.Thread(target=lambda: output.append(child.stdout.read()), daemon=True)
    reader.start()
    interrupted_at = None
    while child.poll() is None:
        try:
            stopped = stop.is_set()
        except Exception:  # the scheduler went away: stop as on an interrupt
            stopped = True
        if stopped and interrupted_at is None:
            child.send_signal(signal.SIGINT)
            interrupted_at = time.monotonic()
        if interrupted_at is not None and time.monotonic() - interrupted_at > GRACE_SECONDS:
            child.kill()
        time.sleep(STOP_POLL_SECONDS)
    reader.join(timeout=GRACE_SECONDS)
    try:
        with open(record_path, encoding="utf-8") as handle:
            return json.load(handle)
    except (OSError, ValueError):
        tail = b"".join(output).decode("utf-8", "replace")[-OUTPUT_TAIL:]
        return _error_record(f"spike exited with status {child.returncode} and no record: {tail.strip()}", started, clock)


def _error_record(message: str, started: str, clock: float) -> dict:
    """A record for a run that could not write its own, in the shape spike run writes; its
    params are left empty for spike sweep to fill in from its plan (it knows their types)."""
    return {
        "error": message,
        "finished": _now(),
        "host": socket.gethostname(),
        "notes": [],
        "params": {},
        "result": None,
        "seconds": round(time.monotonic() - clock, 3),
        "started": started,
        "status": "error",
    }


def _read_runs(stream) -> list:
    runs = []
    for number, line in enumerate(stream, 1):
        if not line.strip():
            continue
        try:
            run = json.loads(line)
            runs.append((str(run["id"]), [str(a) for a in run["args"]], str(run["record"])))
        except (ValueError, KeyError, TypeError) as error:
            raise SystemExit(f"spike_jupyter.dask_sweep: line {number} of the run list is malformed: {error}")
    return runs


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m spike_jupyter.dask_sweep", description=__doc__.split("\n\n")[0])
    parser.add_argument("--scheduler", required=True, help="the Dask scheduler's address, e.g. tcp://127.0.0.1:8786")
    parser.add_argument("--spike", default="spike", help="the spike binary on the workers (default: spike on PATH)")
    options = parser.parse_args(argv)

    from distributed import Client, Event, as_completed

    runs = _read_runs(sys.stdin)
    try:
        client = Client(options.scheduler, timeout="20s")
    except OSError as error:
        print(f"spike_jupyter.dask_sweep: cannot reach the Dask scheduler at {options.scheduler}: {error}", file=sys.stderr)
        return 2
    stop_name = f"spike-sweep-stop-{uuid.uuid4().hex}"
    stop = Event(stop_name, client=client)
    stopping = threading.Event()

    def on_signal(signum, frame):
        stopping.set()
        try:
            stop.set()
        except Exception:
            pass

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)

    futures = {}
    for run_id, args, record in runs:
        future = client.submit(run_on_worker, options.spike, args, record, stop_name, key=f"spike-run-{run_id}-{uuid.uuid4().hex[:8]}", pure=False)
        futures[future] = run_id
    try:
        # After a stop, runs not yet started return None at once and running ones end
        # interrupted; both are waited for, so every record a run wrote is kept.
        for future in as_completed(list(futures)):
            try:
                record = future.result()
            except Exception as error:  # the task itself failed (a lost worker, say)
                record = _error_record(f"the Dask task failed: {error!r}", _now(), time.monotonic())
            if record is None:
                continue
            sys.stdout.write(json.dumps({"id": futures[future], "record": record}, sort_keys=True) + "\n")
            sys.stdout.flush()
    finally:
        client.close()
    return 130 if stopping.is_set() else 0


if __name__ == "__main__":
    sys.exit(main())
