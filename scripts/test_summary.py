#!/usr/bin/env python3
"""Sum up `make test`'s layers from their logs: a table, then `spike: N passed, N failed`.

Reads LOGS/NAME.status (0 = the layer's command succeeded) and the counts each
runner printed: XCTest's `Executed N tests, with F failures`, Swift Testing's
`Test run with N tests ... passed|failed`, pytest's JUnit XML, and
run_notebooks.py's closing line. A layer that failed without a countable failed
test (a crash, a build error) counts as one failure. Exit status 1 if anything failed.
Usage: scripts/test_summary.py LOGS_DIR
"""
from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

LAYERS = [("build", "debug + release build"), ("lint", "swift format lint, spelling"), ("swift-test", "swift test"),
          ("swift-test-release", "swift test (release, native)"),
          ("kernelspec", "kernelspec install"), ("conformance", "Jupyter suites (pytest)"),
          ("notebooks", "notebooks (nbclient)")]


def swift_counts(log: str) -> tuple[int, int, int]:
    passed = failed = 0
    xctest = re.findall(r"Executed (\d+) tests?, with (\d+) failures?", log)
    if xctest:  # the last line is the 'All tests' total
        total, failures = map(int, xctest[-1])
        passed, failed = total - failures, failures
    for total, outcome in re.findall(r"Test run with (\d+) tests?\b.*? (passed|failed) after", log):
        if outcome == "passed":
            passed += int(total)
        else:
            bad = len(re.findall(r"^\S+ Test (?!run\b).* failed after", log, re.MULTILINE))
            failed += max(bad, 1)
            passed += int(total) - max(bad, 1)
    return passed, failed, 0


def junit_counts(path: Path) -> tuple[int, int, int]:
    root = ElementTree.parse(path).getroot()
    suites = [root] if root.tag == "testsuite" else list(root.iter("testsuite"))
    tests = sum(int(s.get("tests", 0)) for s in suites)
    failed = sum(int(s.get("failures", 0)) + int(s.get("errors", 0)) for s in suites)
    skipped = sum(int(s.get("skipped", 0)) for s in suites)
    return tests - failed - skipped, failed, skipped


def notebook_counts(log: str) -> tuple[int, int, int]:
    found = re.findall(r"^notebooks: (\d+) passed, (\d+) failed", log, re.MULTILINE)
    return (int(found[-1][0]), int(found[-1][1]), 0) if found else (0, 0, 0)


def main() -> int:
    logs = Path(sys.argv[1])
    totals = [0, 0, 0]
    print(f"\n{'layer':28} {'result':7} {'passed':>7} {'failed':>7} {'skipped':>8}")
    for name, title in LAYERS:
        status_file = logs / f"{name}.status"
        if not status_file.exists():
            print(f"{title:28} {'not run':7}")
            totals[1] += 1
            continue
        ok = status_file.read_text().strip() == "0"
        log = (logs / f"{name}.log").read_text(errors="replace") if (logs / f"{name}.log").exists() else ""
        counts = (0, 0, 0)
        if name.startswith("swift-test"):
            counts = swift_counts(log)
        elif name == "conformance" and (logs / "conformance.xml").exists():
            counts = junit_counts(logs / "conformance.xml")
        elif name == "notebooks":
            counts = notebook_counts(log)
        passed, failed, skipped = counts
        if not ok and failed == 0:
            failed = 1  # the layer failed without a countable test failure
        print(f"{title:28} {'ok' if ok else 'FAILED':7} {passed:7} {failed:7} {skipped:8}")
        totals = [t + c for t, c in zip(totals, (passed, failed, skipped))]
    print(f"spike: {totals[0]} passed, {totals[1]} failed, {totals[2]} skipped")
    return 1 if totals[1] else 0


if __name__ == "__main__":
    sys.exit(main())
