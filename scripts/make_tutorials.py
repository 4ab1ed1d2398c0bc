#!/usr/bin/env python3
"""Writes the three training tutorials (unexecuted) into notebooks/ with nbformat.

    .venv-tools/bin/python scripts/make_tutorials.py

The markdown conclusions were written after executing the notebooks through the spike kernel
(release build, 1 BLAS thread); rerun them to check that they still hold.
"""
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

ROOT = Path(__file__).resolve().parents[1]
METADATA = {
    "kernelspec": {"display_name": "Spike", "language": "spike", "name": "spike"},
    "language_info": {"codemirror_mode": "python", "file_extension": ".spk", "mimetype": "text/x-spike",
                      "name": "spike", "pygments_lexer": "spike"},
}


def notebook(cells):
    book = new_notebook(metadata=METADATA)
    book.cells = [new_markdown_cell(text) if kind == "md" else new_code_cell(text) for kind, text in cells]
    return book


FORECASTING = [
    ("md", """# Forecasting with CPG-PE

The CPG-PE paper (Lv et al., NeurIPS 2024) claims that a spiking positional encoding made by
central pattern generators helps spiking networks forecast: its Fig. 1(d) reports R² rising from
0.719 without positional encoding to 0.744 with CPG-PE, averaged over four data sets and four
horizons, for models trained for hundreds of epochs.

This notebook runs a **small** version of that experiment that finishes in a few minutes on a
laptop: two data sets, two models, four encodings, three seeds each.

* **Data**: `electricity` (half-hourly demand in England and Wales, one variate) and `traffic`
  (Spike's seeded synthetic road traffic, eight correlated sensors); windows of 24 steps, horizon 6,
  normalization fitted on the training split only.
* **Models**: Spikformer (dim 16, one block, 2 heads) and SpikeRNN (32 hidden units, one layer),
  both with the reference conv encoder and T = 4 time steps — far smaller than the paper's.
* **Encodings**: none, float sinusoidal (added), relative (Spikformer's conv RPE, added) and
  CPG-PE (5 pairs, tau = 1000, concatenated then mapped back by a linear layer).
* **Training**: Adam, lr 1e-2 (higher than the paper's 1e-3, so that 8 epochs suffice), batch 32,
  gradient clipping at 1.0, best validation epoch kept; test metrics as mean ± std over seeds."""),
    ("code", """electricity = windows(dataset("electricity"), window=24, horizon=6)
traffic = windows(dataset("traffic"), window=24, horizon=6)
traffic"""),
    ("md", """## One model, step by step

A model is a value; its sizes are fixed when it first meets data. `train` changes the network in
place (showing a live progress bar), keeps the weights of the best validation epoch, and returns
the run: its loss curves and a table per epoch."""),
    ("code", """net = spikformer(dim=16, depth=1, heads=2, steps=4, pe=cpg(pairs=5, tau=1000))
run = train(net, traffic, epochs=8, lr=1e-2, batch=32)
run"""),
    ("code", """net"""),
    ("code", """evaluate(net, traffic.test)"""),
    ("md", """Where does the energy go? SNN papers count a synaptic operation (an accumulate, 0.9 pJ) for
every spike that reaches a weight, against a multiply-accumulate (4.6 pJ) per weight for a float
network of the same shape."""),
    ("code", """energy(net, traffic)"""),
    ("md", """## The comparison

Each `compare` trains a fresh copy of every model for every seed (weights, shuffling and dropout
all follow the seed) and tabulates the test metrics. Higher R² is better, lower RSE is better."""),
    ("code", """fn spikformers() = {
  none: spikformer(dim=16, depth=1, heads=2, steps=4, pe=none),
  sinusoidal: spikformer(dim=16, depth=1, heads=2, steps=4, pe=sinusoidal()),
  relative: spikformer(dim=16, depth=1, heads=2, steps=4, pe=relative()),
  cpg_pe: spikformer(dim=16, depth=1, heads=2, steps=4, pe=cpg(pairs=5, tau=1000)),
}
fn spike_rnns() = {
  none: spike_rnn(hidden=32, layers=1, steps=4, pe=none),
  sinusoidal: spike_rnn(hidden=32, layers=1, steps=4, pe=sinusoidal()),
  relative: spike_rnn(hidden=32, layers=1, steps=4, pe=relative()),
  cpg_pe: spike_rnn(hidden=32, layers=1, steps=4, pe=cpg(pairs=5, tau=1000)),
}
seeds = [0, 1, 2]"""),
    ("code", """compare(spikformers(), electricity, epochs=8, lr=1e-2, batch=32, seeds=seeds)"""),
    ("code", """compare(spike_rnns(), electricity, epochs=8, lr=1e-2, batch=32, seeds=seeds)"""),
    ("code", """compare(spikformers(), traffic, epochs=8, lr=1e-2, batch=32, seeds=seeds)"""),
    ("code", """compare(spike_rnns(), traffic, epochs=8, lr=1e-2, batch=32, seeds=seeds)"""),
    ("md", "CONCLUSION"),
]

SENSITIVITY = [
    ("md", """# How sensitive is CPG-PE to its two parameters?

CPG-PE has two knobs: the number of neuron **pairs** N (2N spike channels) and **tau**, the
slowest oscillator's period scale (omega_i = tau^(-2i/2N)). The paper sweeps tau in
{100, 1000, 5000, 10000} and N in {5, 10, 20} (its Fig. 4). Here is the same sweep on a small task:
SpikeRNN (32 hidden units, T = 4) forecasting Spike's synthetic traffic (8 sensors, window 24,
horizon 6), 8 epochs, test R² averaged over two seeds. A run without encoding is the baseline."""),
    ("code", """data = windows(dataset("traffic"), window=24, horizon=6)
fn score(pe, seed) {
  net = spike_rnn(hidden=32, layers=1, steps=4, pe=pe)
  train(net, data, epochs=8, lr=1e-2, batch=32, seed=seed, progress=false);
  evaluate(net, data.test).r2
}
fn mean_score(pe) = (score(pe, 0) + score(pe, 1)) / 2
baseline = mean_score(none)
baseline"""),
    ("md", """The sweep: one row per number of pairs, one column per tau. Each cell is the mean test R²
of two seeds."""),
    ("code", """taus = [100, 1000, 5000, 10000]
pairs = [5, 10, 20]
grid = []
for n in pairs {
  row = []
  for tau in taus {
    row = row + [mean_score(cpg(pairs=n, tau=tau))]
  }
  grid = grid + [row]
}
table({pairs: pairs, tau_100: [grid[0][0], grid[1][0], grid[2][0]], tau_1000: [grid[0][1], grid[1][1], grid[2][1]],
       tau_5000: [grid[0][2], grid[1][2], grid[2][2]], tau_10000: [grid[0][3], grid[1][3], grid[2][3]]})"""),
    ("code", """heatmap(grid, title="test R² of SpikeRNN with CPG-PE (rows: pairs 5, 10, 20; columns: tau 100, 1000, 5000, 10000)",
        xlabel="tau (100, 1000, 5000, 10000)", ylabel="pairs (5, 10, 20)")"""),
    ("md", """How distinct are the codes? With threshold 0.8 the spike codes are **not** unique per position;
`distinct_codes` counts how many of the first 96 positions (T = 4 steps × 24 positions, the
rolling index the models use) get a code of their own."""),
    ("code", """table({pairs: pairs,
       tau_100: [distinct_codes(cpg(pairs=5, tau=100), length=96), distinct_codes(cpg(pairs=10, tau=100), length=96), distinct_codes(cpg(pairs=20, tau=100), length=96)],
       tau_10000: [distinct_codes(cpg(pairs=5, tau=10000), length=96), distinct_codes(cpg(pairs=10, tau=10000), length=96), distinct_codes(cpg(pairs=20, tau=10000), length=96)]})"""),
    ("md", "CONCLUSION"),
]

DIGITS = [
    ("md", """# Classifying digits with a spiking network

The paper also reports that CPG-PE helps classification (image accuracy 81.25 → 83.38 on average,
its Fig. 1d). Here is a pocket version: the 8×8 handwritten digits that ship with Spike
(1797 images, 10 classes, stratified train / valid / test split).

Each image is read as a **sequence of 8 rows of 8 pixels** (`inputs=[8, 8]`): the spike encoder
turns the rows into spikes over T = 4 time steps, and the positional encoding tells the network
which row is which — without it, the readout (a mean over positions) cannot tell the top of a
digit from its bottom except through the encoder's local convolution."""),
    ("code", """digits = dataset("digits")
digits"""),
    ("code", """net = spike_rnn(hidden=64, layers=1, steps=4, pe=cpg(pairs=5, tau=1000), inputs=[8, 8])
run = train(net, digits, epochs=15, lr=1e-2, batch=32)
run"""),
    ("code", """net"""),
    ("code", """evaluate(net, digits.test)"""),
    ("md", """## With and without a positional encoding, over three seeds

A float MLP on the 64 pixels is the reference point for what a small non-spiking network reaches."""),
    ("code", """models = {
  rnn_none: spike_rnn(hidden=64, layers=1, steps=4, pe=none, inputs=[8, 8]),
  rnn_cpg: spike_rnn(hidden=64, layers=1, steps=4, pe=cpg(pairs=5, tau=1000), inputs=[8, 8]),
  spikformer_none: spikformer(dim=32, depth=1, heads=2, steps=4, pe=none, inputs=[8, 8]),
  spikformer_cpg: spikformer(dim=32, depth=1, heads=2, steps=4, pe=cpg(pairs=5, tau=1000), inputs=[8, 8]),
  float_mlp: mlp_net(hidden=[64]),
}
compare(models, digits, epochs=15, lr=1e-2, batch=32, seeds=[0, 1, 2])"""),
    ("code", """energy(net, digits)"""),
    ("md", "CONCLUSION"),
]

CONCLUSIONS = {
    "forecasting-with-cpg-pe.ipynb": """## What we saw

Test R² (mean of three seeds) from our final execution of this notebook, release build:

| model, data | none | sinusoidal | relative | CPG-PE |
|---|---|---|---|---|
| Spikformer, electricity | 0.68 | 0.73 | 0.58 | **0.75** |
| SpikeRNN, electricity | 0.61 | **0.76** | 0.63 | 0.74 |
| Spikformer, traffic | 0.63 | 0.67 | 0.66 | **0.84** |
| SpikeRNN, traffic | 0.56 | **0.80** | 0.44 | 0.72 |

We executed the notebook with three builds of the engine that differ only in the order of
floating-point additions (same models, data and seeds). Spiking thresholds turn such tiny
differences into different training runs, and the winner changed: CPG-PE had the best mean R² in
3, 4 and 2 of the four settings. What held in all three executions:

* **Some positional encoding nearly always helps.** These models average over positions before
  their readout, so without an encoding they cannot tell the newest values of the window from the
  oldest; "none" was never best, and CPG-PE always beat it.
* **For Spikformer, CPG-PE was best every time**, most clearly on traffic (about 0.82–0.85 against
  0.56–0.82 for the float sinusoidal encoding, whose seeds were erratic there).
* **For SpikeRNN, CPG-PE and the float sinusoidal encoding are a tie within the seed spread**;
  each won some executions.
* The relative (convolutional) encoding was the least reliable.

So on this small budget CPG-PE is about as good as the float sinusoidal encoding while keeping
every signal a spike, and clearly better than no encoding — the direction the paper reports
(0.719 → 0.744 averaged R²). Our setting (tiny models, 8 epochs, one- and eight-variate series)
is far from the paper's, and the run-to-run spread is as large as the effect, so rerun it with
more seeds (`seeds=[0, 1, 2, 3, 4]`) and epochs before drawing firmer conclusions.""",
    "pe-sensitivity.ipynb": """## What we saw

In our final execution (two seeds per cell; baseline without encoding R² about 0.60):

* **tau = 10000 was the worst column** (mean R² about 0.61 against about 0.75 for the others;
  cells 0.55–0.68, at or below the baseline). With 96 rolling positions the slow oscillators barely move, so few positions get
  codes of their own (24 distinct codes for 5 pairs, see the table above). This held in every
  execution we made.
* **tau from 100 to 5000 worked better** (R² about 0.67–0.82); 20 pairs gave the best cells
  (about 0.82 at tau 100 and 5000), and 5 pairs with tau = 1000 — the reference configuration for
  SpikeRNN — about 0.81.
* Cells move by a few hundredths between executions and seeds, so read the heatmap for its broad
  shape: **pick tau so that the oscillators complete cycles within the sequence**, i.e. tau of the
  order of the number of positions the network sees (T·L), rather than the transformer's 10000.""",
    "digits-classification.ipynb": """## What we saw

In our final execution (three seeds, 15 epochs):

* **CPG-PE helped both spiking models**: SpikeRNN went from about 0.74 to 0.82 test accuracy and
  Spikformer from about 0.62 to 0.71 (the same direction, by 8–13 points, in every execution we
  made) — the direction of the paper's image results, with a larger gap because our readout
  averages over the 8 rows and has no other way to know which row a pattern came from.
* **Both stay far below a float MLP on raw pixels (about 0.97)** on this budget: tiny spiking
  networks trained for seconds are not competitive here, and the paper's image numbers come from
  much larger models trained for much longer.
* The energy table shows why people put up with that: most layers read spikes, so their work is
  accumulates at 0.9 pJ instead of multiply-accumulates at 4.6 pJ, and only a fraction of the
  inputs fire.""",
}


def write(name, cells):
    cells = [(kind, CONCLUSIONS.get(name, text) if text == "CONCLUSION" else text) for kind, text in cells]
    if name not in CONCLUSIONS:
        cells = [cell for cell in cells if cell[1] != "CONCLUSION"]
    nbformat.write(notebook(cells), ROOT / "notebooks" / name)


if __name__ == "__main__":
    write("forecasting-with-cpg-pe.ipynb", FORECASTING)
    write("pe-sensitivity.ipynb", SENSITIVITY)
    write("digits-classification.ipynb", DIGITS)
