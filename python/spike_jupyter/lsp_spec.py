"""The Spike language server's spec for jupyter-lsp (jupyterlab-lsp's server side).

jupyter-lsp calls every `jupyter_lsp_spec_v1` entry point with its manager and
merges the dictionaries they return; this one starts `spike lsp` for documents
and notebooks in the `spike` language (MIME type `text/x-spike`). The binary is
the `spike` on PATH (or beside this Python, in the environment's `bin`), named
by its absolute path when found so the server starts whatever PATH Jupyter has.
"""
from __future__ import annotations

import os
import shutil
import sys
from typing import Any


def spike_executable() -> str:
    """The `spike` binary to run: $SPIKE_BIN, then PATH, then the environment's bin."""
    configured = os.environ.get("SPIKE_BIN")
    if configured and os.access(configured, os.X_OK):
        return os.path.abspath(configured)
    found = shutil.which("spike")
    if found:
        return os.path.abspath(found)
    beside = os.path.join(sys.prefix, "bin", "spike")
    return beside if os.access(beside, os.X_OK) else "spike"


def spec_v1(manager: Any = None) -> dict[str, dict[str, Any]]:
    """The jupyter-lsp spec of `spike lsp` (see docs/editors.md)."""
    return {
        "spike-language-server": {
            "argv": [spike_executable(), "lsp"],
            "languages": ["spike"],
            "mime_types": ["text/x-spike"],
            "version": 2,
            "display_name": "Spike",
        }
    }
