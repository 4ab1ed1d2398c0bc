#!/usr/bin/env bash
# Run pytest with the given python and arguments; "no tests collected" (exit 5) is a
# failure here, said in words: a test layer that collects nothing is a broken layer.
# Usage: scripts/run_pytest.sh PYTHON [PYTEST ARGS ...]
set -uo pipefail
python="$1"; shift
"$python" -m pytest -v -rs -p no:cacheprovider "$@"
status=$?
if [ "$status" -eq 5 ]; then
    echo "pytest collected no tests from: $*" >&2
    exit 1
fi
exit "$status"
