"""Python side of the Spike Jupyter kernel.

- `spike_jupyter.lexer.SpikeLexer`: Pygments lexer, entry point `pygments.lexers` alias `spike`.
- `spike_jupyter.translator.SpikeTranslator`: papermill parameter translator, registered for the
  kernel and language `spike` when papermill loads its `papermill.engine` entry points.
"""

__version__ = "0.1.0"
