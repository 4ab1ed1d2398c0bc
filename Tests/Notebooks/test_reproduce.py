"""scripts/reproduce.py's seed count: the pilot's paired differences, and the power formula."""
from __future__ import annotations

import json
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
from reproduce import seeds_needed  # noqa: E402


def write_pilot(folder: Path, records: list[tuple[int, object, str, float | None]]) -> Path:
    lines = [json.dumps({"params": {"seed": seed, "pe": pe}, "status": status,
                         "result": {"r2": r2} if r2 is not None else None})
             for seed, pe, status, r2 in records]
    (folder / "sweep.jsonl").write_text("\n".join(lines) + "\n")
    return folder


def test_differences_pair_by_seed_and_skip_failed_or_unpaired_runs(tmp_path):
    pilot = write_pilot(tmp_path, [
        (2, "cpg", "ok", 0.70), (1, "sinusoidal", "ok", 0.50), (1, "cpg", "ok", 0.60),
        (2, "sinusoidal", "ok", 0.50), (2, None, "ok", 0.10),     # none is not in the primary endpoint
        (3, "cpg", "ok", 0.90), (3, "sinusoidal", "error", None),  # seed 3 has no finished pair
        (4, "cpg", "ok", 0.55),                                    # seed 4 has no sinusoidal run
    ])
    n, s = seeds_needed(pilot)
    # differences 0.1 (seed 1) and 0.2 (seed 2): sample standard deviation 0.0707…
    assert math.isclose(s, 0.1 / math.sqrt(2), rel_tol=1e-12)
    # ((1.959964 + 0.841621) · 0.070711 / 0.025)² + 1.959964² / 2 = 62.79 + 1.92 = 64.71 → 65
    assert n == 65

