"""papermill's hook for Spike: the `spike` engine entry point, whose loading registers the
Spike parameter translator.

papermill has no entry point for translators, but it loads every `papermill.engine` entry point
when it starts (`papermill.engines` is imported by the CLI, by `execute_notebook` and by
`inspect_notebook`). Loading this module imports `spike_jupyter.translator`, which registers
`SpikeTranslator` for the kernel name and the language `spike`, before any notebook is
parameterised.

Importing papermill loads this module, so this module defines its engine before it imports
papermill (through the translator): whichever of the two is imported first, both load whole.
"""
from __future__ import annotations


def _nbclient_engine():
    from papermill.engines import NBClientEngine

    return NBClientEngine


class SpikeEngine:
    """papermill's default engine (nbclient) under the name `spike`: `--engine spike` runs a
    notebook exactly as the default does. It exists so that papermill loads this module."""

    @classmethod
    def execute_notebook(cls, nb, kernel_name, **kwargs):
        return _nbclient_engine().execute_notebook(nb, kernel_name, **kwargs)

    @classmethod
    def nb_kernel_name(cls, nb, name=None):
        return _nbclient_engine().nb_kernel_name(nb, name)

    @classmethod
    def nb_language(cls, nb, language=None):
        return _nbclient_engine().nb_language(nb, language)


# Imported for its registration, after SpikeEngine exists (see the module's doc comment).
from . import translator  # noqa: E402,F401
