# Spike: build, demo, test and benchmark.  `make help` lists the targets.
#
# On a fresh Debian 12 machine (as root, or with sudo) with Swift on PATH:
#   make demo   # system packages + .venv + release build + kernelspec + run notebooks/quickstart.ipynb
#   make test   # every test layer; what .ci/run calls
#
# One SwiftPM scratch folder ($(BUILD)) serves debug, release and test builds.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help
.DELETE_ON_ERROR:

VENV       ?= .venv
BUILD      ?= .build
OUT        ?= out
SWIFT      ?= swift
PYTHON     := $(VENV)/bin/python
JUPYTER    := $(VENV)/bin/jupyter
SWIFTFLAGS := --scratch-path $(BUILD) --explicit-target-dependency-import-check error
SPIKE      := $(BUILD)/release/spike
# Release builds are compiled for this machine's CPU when it has AVX2 and FMA (what Spike's LIF
# kernels gain most from: 8- and 16-lane vectors, blends; as torch.compile does with -march=native),
# with the kernels' 16-lane vectors (SPIKE_WIDE_LANES). Such a binary runs on CPUs like this one
# only: Spike is built where it runs. NATIVE=0 gives a generic build (8 lanes); debug builds and
# plain `swift test` are never affected (`make test-swift-release` runs the unit tests built as
# the release binary is).
NATIVE     ?= $(shell grep -qw avx2 /proc/cpuinfo 2>/dev/null && grep -qw fma /proc/cpuinfo 2>/dev/null && echo 1 || echo 0)
NATIVEFLAGS := $(if $(filter 1,$(NATIVE)),-Xswiftc -target-cpu -Xswiftc native -Xswiftc -DSPIKE_WIDE_LANES)
RELEASE    := -c release --product spike --static-swift-stdlib $(NATIVEFLAGS)
# The release binary links the Swift runtime and Foundation statically: it starts in ~8 ms
# instead of ~13 ms, so it has bound its sockets before jupyter_client first tries to connect
# (a refused connection costs the client a 100 ms retry): launch -> ready through
# KernelManager drops from ~170 ms to ~17 ms. Only the `spike` product is built that way
# (the test-support target needs XCTest, which has no static form).
# A build-local Jupyter prefix: the tests find the kernelspec through JUPYTER_PATH, no global install.
TESTPREFIX := $(BUILD)/jupyter
LOGS       := $(BUILD)/test-logs
DEBS       := libzmq3-dev libopenblas-dev libssl-dev libsqlite3-dev librsvg2-dev pkg-config
VENV_STAMP := $(VENV)/.requirements-installed

# Environment of every Python test layer.
TEST_ENV := JUPYTER_PATH=$(abspath $(TESTPREFIX))/share/jupyter JUPYTER_PLATFORM_DIRS=1 \
            SPIKE_BIN=$(abspath $(SPIKE)) PYTHONDONTWRITEBYTECODE=1 \
            SPIKE_HISTORY=$(abspath $(BUILD))/test-history.sqlite

# run_layer(NAME, COMMAND): run COMMAND, keep its output in $(LOGS)/NAME.log and its status
# in $(LOGS)/NAME.status for scripts/test_summary.py.
define run_layer
	@mkdir -p $(LOGS)
	@echo "==> $(1)"
	@if ( $(2) ) 2>&1 | tee $(LOGS)/$(1).log; then echo 0 > $(LOGS)/$(1).status; \
	 else echo 1 > $(LOGS)/$(1).status; echo "==> $(1) FAILED"; exit 1; fi
endef

.PHONY: help deps venv build build-debug install-kernel demo test test-build test-swift \
        test-swift-release test-lint format test-kernelspec test-conformance test-notebooks notebooks reproduce \
        harness-selfcheck bench lab console \
        logos clean distclean

help:
	@echo "make demo      install system packages and .venv, build release, install the kernelspec"
	@echo "               into .venv, execute notebooks/quickstart.ipynb -> $(OUT)/quickstart.{ipynb,html}"
	@echo "make test      every test layer: debug+release builds, swift-format lint, swift test (debug"
	@echo "               and release), the Jupyter conformance/protocol/stdio/CLI suites, every notebook"
	@echo "make bench     kernel latency, throughput and reliability, spike vs ipykernel; spike bench; engine anchors"
	@echo "make lab       JupyterLab with the Spike kernel (after make demo)"
	@echo "make console   jupyter console --kernel spike"
	@echo "make test-lint | test-swift | test-swift-release | test-conformance | test-notebooks   one test layer"
	@echo "make notebooks re-execute every notebook and write its outputs back (commit them after review)"
	@echo "make reproduce the pre-registered CPG-PE reproduction in full (notebooks/reproduction.ipynb)"
	@echo "make format    rewrite Sources and Tests with swift format (.swift-format)"
	@echo "make harness-selfcheck   run the protocol checks against ipykernel (tests the tests)"
	@echo "make clean | distclean   remove build outputs | and the venv"

# ---------------------------------------------------------------------------- setup
deps:
	@scripts/install_system_packages.sh $(DEBS)

venv: $(VENV_STAMP)

# The venv also holds the Python companion package (python/, editable): the Spike Pygments
# lexer and papermill translator. Its entry points change only with python/pyproject.toml.
$(VENV_STAMP): scripts/requirements.txt scripts/setup_venv.sh python/pyproject.toml
	@scripts/install_system_packages.sh $(DEBS)
	@scripts/setup_venv.sh $(VENV)
	@touch $@

build: deps
	$(SWIFT) build $(RELEASE) $(SWIFTFLAGS)

build-debug: deps
	$(SWIFT) build $(SWIFTFLAGS)

# `spike install --prefix` writes $(VENV)/share/jupyter/kernels/spike with argv[0] = this binary.
install-kernel: build venv
	VIRTUAL_ENV=$(abspath $(VENV)) PATH=$(abspath $(VENV))/bin:$$PATH \
	    $(SPIKE) install --prefix $(abspath $(VENV))
	$(JUPYTER) kernelspec list

# ---------------------------------------------------------------------------- demo
demo: install-kernel
	@mkdir -p $(OUT)
	$(JUPYTER) nbconvert --to notebook --execute --ExecutePreprocessor.timeout=600 \
	    --output-dir $(OUT) --output quickstart.ipynb notebooks/quickstart.ipynb
	$(JUPYTER) nbconvert --to html --output-dir $(OUT) $(OUT)/quickstart.ipynb
	@# We produced it, so trust it: JupyterLab then shows its SVG figures, not their text form.
	$(JUPYTER) trust $(OUT)/quickstart.ipynb
	@echo "demo: wrote $(OUT)/quickstart.ipynb and $(OUT)/quickstart.html"
	@echo "next: make lab   (or: $(JUPYTER) lab)  /  make console"

# ---------------------------------------------------------------------------- test
# The layers run one after another; a failing layer does not hide the others' results
# (except a failed build, which stops the run). The last line sums up every layer.
test: deps venv
	@rm -rf $(LOGS)
	@$(MAKE) --no-print-directory test-build
	@status=0; \
	 for layer in test-lint test-swift test-swift-release test-kernelspec test-conformance test-notebooks; do \
	     $(MAKE) --no-print-directory $$layer || status=1; \
	 done; \
	 $(PYTHON) scripts/test_summary.py $(LOGS) || status=1; \
	 exit $$status

test-build: deps
	$(call run_layer,build,$(SWIFT) build $(SWIFTFLAGS) && $(SWIFT) build $(RELEASE) $(SWIFTFLAGS))

# Not --parallel: that hides XCTest's summary line.
test-swift:
	$(call run_layer,swift-test,timeout 1800 $(SWIFT) test $(SWIFTFLAGS))

# The unit tests again, built as users get the binary: release, with the native CPU flags and
# wide lanes ($(NATIVEFLAGS)). -enable-testing lets the tests' `@testable import`s through; its
# own scratch folder keeps the release product's build intact. About 5½ minutes from scratch on
# 2 cores (the tests themselves run in 15 s).
test-swift-release:
	$(call run_layer,swift-test-release,timeout 1800 $(SWIFT) test -c release -Xswiftc -enable-testing $(NATIVEFLAGS) \
	    --scratch-path $(BUILD)-release-test --explicit-target-dependency-import-check error)

# swift-format (Swift's own `swift format`) with the committed .swift-format, strict: any
# finding fails, formatting included (`make format` rewrites the files); then one spelling per
# concept (scripts/check_spelling.sh).
test-lint:
	$(call run_layer,lint,$(SWIFT) format lint --strict --parallel --recursive Sources Tests && scripts/check_spelling.sh)

format:
	$(SWIFT) format format --in-place --parallel --recursive Sources Tests

test-kernelspec:
	$(call run_layer,kernelspec,rm -rf $(TESTPREFIX) && $(SPIKE) install --prefix $(TESTPREFIX))

test-conformance: venv
	$(call run_layer,conformance,$(TEST_ENV) timeout 1200 scripts/run_pytest.sh $(PYTHON) \
	    --junitxml=$(LOGS)/conformance.xml Tests/Conformance)

# Every notebook is committed with its outputs; this layer re-executes each one and compares
# the fresh outputs with the committed ones (Tests/Notebooks/nbcompare.py says what is sanitized),
# after the tests of the comparison and of the reproduction's seed count; then the reproduction runs end to end at a reduced size
# (scripts/reproduce.py --reduced: a few seeds and epochs, into $(BUILD)), to check it executes.
test-notebooks: venv
	$(call run_layer,notebooks,$(TEST_ENV) scripts/run_pytest.sh $(PYTHON) Tests/Notebooks/test_nbcompare.py Tests/Notebooks/test_reproduce.py \
	    && $(TEST_ENV) timeout 1200 $(PYTHON) Tests/Notebooks/run_notebooks.py --out $(BUILD)/executed-notebooks \
	    && $(TEST_ENV) timeout 900 $(PYTHON) scripts/reproduce.py --reduced --out $(BUILD)/reproduce-reduced)

# Refresh the committed outputs on purpose: execute every notebook (or NOTEBOOKS=...) through the
# release build's kernel and write it back with stable metadata, then trust it (JupyterLab shows
# its figures). Review `git diff notebooks/` before committing.
NOTEBOOKS ?=
notebooks: venv build test-kernelspec
	$(TEST_ENV) $(PYTHON) Tests/Notebooks/run_notebooks.py --write $(NOTEBOOKS)
	$(JUPYTER) trust $(or $(NOTEBOOKS),notebooks/*.ipynb)

# The pre-registered reproduction (notebooks/reproduction.ipynb) in full, on every core: a pilot
# sweep, the seed count from its power analysis, the main sweeps (spike sweep, resumable), then
# the notebook executed over their results and written back. scripts/reproduce.py --help.
reproduce: venv build test-kernelspec
	$(TEST_ENV) $(PYTHON) scripts/reproduce.py --out notebooks/reproduction
	$(JUPYTER) trust notebooks/reproduction.ipynb

# The protocol checks against ipykernel with Python snippets: proves the harness, not the kernel.
harness-selfcheck: venv
	JUPYTER_PLATFORM_DIRS=1 PYTHONDONTWRITEBYTECODE=1 scripts/run_pytest.sh $(PYTHON) \
	    Tests/Conformance/selfcheck_ipykernel.py

# ---------------------------------------------------------------------------- bench
# The harness's ceiling: bench/ceiling_kernel.c answers requests and does nothing else.
CEILING    := $(BUILD)/ceiling-kernel
CEILING_CC := $(or $(shell command -v cc),$(shell command -v clang),cc)

$(CEILING): bench/ceiling_kernel.c
	$(CEILING_CC) -O2 -o $@ $< -lzmq -lcrypto

# The paper-size Spikformer step beside the reference SeqSNN (bench/train_compare.py), run when
# both exist: SEQSNN is a microsoft/SeqSNN checkout, SEQSNN_PYTHON a python with torch and
# spikingjelly (`python3 bench/train_compare.py --setup` makes bench/.venv-seqsnn), e.g.
#   make bench SEQSNN=~/src/SeqSNN SEQSNN_PYTHON=~/venvs/seqsnn/bin/python
SEQSNN        ?=
SEQSNN_PYTHON ?= bench/.venv-seqsnn/bin/python

bench: build venv $(CEILING)
	@rm -rf $(TESTPREFIX) && $(SPIKE) install --prefix $(TESTPREFIX) >/dev/null
	@mkdir -p $(TESTPREFIX)/share/jupyter/kernels/ceiling && \
	 printf '{"argv": ["%s", "{connection_file}"], "display_name": "ceiling", "language": "none"}\n' \
	     "$(abspath $(CEILING))" > $(TESTPREFIX)/share/jupyter/kernels/ceiling/kernel.json
	$(TEST_ENV) $(PYTHON) bench/kernel_latency.py --kernel spike --kernel python3 --kernel ceiling \
	    --json-out $(BUILD)/bench-kernel.json
	$(TEST_ENV) $(PYTHON) bench/reliability.py --kernel spike --kernel python3 \
	    --json-out $(BUILD)/bench-reliability.json
	@for sub in $$($(SPIKE) bench --help | awk '/^SUBCOMMANDS:/ {on=1; next} on && /^  [a-z]/ {print $$1}'); do \
	     echo "==> spike bench $$sub"; $(SPIKE) bench $$sub; \
	 done
	@echo "==> spike bench train --threads 2 (the tutorial-size Spikformer on 2 threads: no slower than on 1)"
	@$(SPIKE) bench train --threads 2
	@if [ -f bench/engine_anchors.py ]; then \
	     echo "==> bench/engine_anchors.py (Spike's LIF against PyTorch SNN libraries; makes .venv-bench)"; \
	     python3 bench/engine_anchors.py --spike $(SPIKE); \
	 fi
	@echo "==> bench/train_compare.py --shape paper --threads 1,2 (paper-size Spikformer step, Spike and SeqSNN)"
	@if [ -n "$(SEQSNN)" ] && [ -d "$(SEQSNN)/SeqSNN" ] && [ -x "$(SEQSNN_PYTHON)" ]; then \
	     uptime; \
	     python3 bench/train_compare.py --spike $(SPIKE) --seqsnn "$(SEQSNN)" --python "$(SEQSNN_PYTHON)" \
	         --shape paper --threads 1,2 --rounds 3; \
	 else \
	     echo "skipped: needs SEQSNN=<microsoft/SeqSNN checkout> (now '$(SEQSNN)') and SEQSNN_PYTHON=<python with torch," \
	          "spikingjelly> (now '$(SEQSNN_PYTHON)'; bench/train_compare.py --setup makes bench/.venv-seqsnn)"; \
	 fi

# ---------------------------------------------------------------------------- use
# JupyterLab refuses to start as root unless told it may.
# No news feed and no update check: JupyterLab talks to nothing but this machine.
lab: install-kernel
	$(JUPYTER) lab $(if $(filter 0,$(shell id -u)),--allow-root) \
	    --LabApp.news_url=None --LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate

console: install-kernel
	$(JUPYTER) console --kernel spike

# Re-render the kernelspec PNG logos from logo-svg.svg (needs rsvg-convert: librsvg2-bin).
logos:
	scripts/render_logos.sh

clean:
	rm -rf $(BUILD) $(BUILD)-release-test $(OUT)

distclean: clean
	rm -rf $(VENV)
