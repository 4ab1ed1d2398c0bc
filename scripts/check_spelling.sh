#!/usr/bin/env bash
# One spelling per concept: the code, tests and docs spell -ize/-izer/-ization the American way,
# as the language's own names do (optimizer=, normalize=). Lists every British variant it finds
# and fails if there is one.
set -euo pipefail
cd "$(dirname "$0")/.."
pattern='[Nn]ormalis(e|ed|es|ing|ation|er)|[Oo]ptimis(e|ed|es|ing|ation|er)'
if grep -rnE "$pattern" Sources Tests docs python scripts bench notebooks README.md \
        --exclude=check_spelling.sh --exclude-dir=".venv*" --exclude-dir=".build*" --exclude-dir=__pycache__; then
    echo "spelling: use the -ize forms above (normalize, optimizer, …)" >&2
    exit 1
fi
echo "spelling: one spelling per concept"
