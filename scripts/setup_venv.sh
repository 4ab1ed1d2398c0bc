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
# The companion package (Pygments lexer, papermill translator), editable: edits to python/
# take effect at once; its entry points are re-read when python/pyproject.toml changes.
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check -e "$here/../python"
"$venv/bin/python" - <<'PY'
import jupyter_client, jupyter_kernel_test, nbclient, nbconvert, ipykernel, zmq
import pygments.lexers, spike_jupyter
pygments.lexers.get_lexer_by_name("spike")  # the companion package's entry point is live
print(f"venv: jupyter_client {jupyter_client.__version__}, jupyter_kernel_test "
      f"{jupyter_kernel_test.__version__}, nbclient {nbclient.__version__}, nbconvert "
      f"{nbconvert.__version__}, ipykernel {ipykernel.__version__}, libzmq {zmq.zmq_version()}, "
      f"spike_jupyter {spike_jupyter.__version__}")
PY
