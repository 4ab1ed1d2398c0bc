"""papermill's hook for Spike: the `spike` engine entry point, whose loading registers the
Spike parameter translator.

papermill has no entry point for translators, but it loads every `papermill.engine` entry point
when it starts (`papermill.engines` is imported by the CLI, by `execute_notebook` and by
`inspect_notebook`). Loading this module therefore registers `SpikeTranslator` for the kernel
name and the language `spike` before any notebook is parameterised.
"""
from __future__ import annotations

from papermill.engines import NBClientEngine
from papermill.translators import papermill_translators

from .translator import SpikeTranslator


class SpikeEngine(NBClientEngine):
    """papermill's default engine (nbclient) under the name `spike`: `--engine spike` runs a
    notebook exactly as the default does. It exists so that papermill loads this module."""


papermill_translators.register("spike", SpikeTranslator)
