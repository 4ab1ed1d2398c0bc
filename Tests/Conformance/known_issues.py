"""Kernel bugs the suites have found and that are not fixed yet, by name.

A test that depends on one calls `known_issue(name)` first: it is then reported as
SKIPPED with the bug's description (visible in `make test`'s summary and in pytest's
`-rs` list) instead of failing the run. `SPIKE_STRICT=1` (`make test-strict`) runs
those tests anyway. Remove an entry as soon as the bug is fixed; an entry naming no
open bug is itself a bug.
"""
from __future__ import annotations

import os
import unittest

KNOWN_ISSUES: dict[str, str] = {}


def is_open(name: str) -> bool:
    """Whether the named bug is listed (and SPIKE_STRICT is not set)."""
    return name in KNOWN_ISSUES and os.environ.get("SPIKE_STRICT") != "1"


def known_issue(name: str) -> None:
    """Skip the calling test while the named bug is open (unless SPIKE_STRICT=1)."""
    if is_open(name):
        raise unittest.SkipTest(f"known kernel bug '{name}': {KNOWN_ISSUES[name]}")
