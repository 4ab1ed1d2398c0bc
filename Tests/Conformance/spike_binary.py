"""Where the tests find the `spike` executable under test.

`make test` sets SPIKE_BIN to the release build; without it the release build
of the default scratch folder is used.
"""
from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]


def spike_binary() -> Path:
    """Absolute path of the spike executable; raises if it has not been built."""
    path = Path(os.environ.get("SPIKE_BIN", REPO_ROOT / ".build" / "release" / "spike")).resolve()
    if not os.access(path, os.X_OK):
        raise FileNotFoundError(f"spike executable not found at {path}: run `make build` "
                                "or set SPIKE_BIN")
    return path
