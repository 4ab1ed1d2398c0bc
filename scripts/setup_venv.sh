#!/usr/bin/env bash
# Create (or refresh) the project's Python venv with the pinned Jupyter tooling
# from scripts/requirements.txt. Usage: scripts/setup_venv.sh [VENV_DIR]
set -euo pipefail

venv="${1:-.venv}"
here="$(cd "$(dirname "$0")" && pwd)"

if [ ! -x "$venv/bin/python" ]; then
    echo "venv: creating $venv with $(python3 --version)"
    python3 -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check \
    -r "$here/requirements.txt"
"$venv/bin/python" - <<'PY'
import jupyter_client, jupyter_kernel_test, nbclient, nbconvert, ipykernel, zmq
print(f"venv: jupyter_client {jupyter_client.__version__}, jupyter_kernel_test "
      f"{jupyter_kernel_test.__version__}, nbclient {nbclient.__version__}, nbconvert "
      f"{nbconvert.__version__}, ipykernel {ipykernel.__version__}, libzmq {zmq.zmq_version()}")
PY
