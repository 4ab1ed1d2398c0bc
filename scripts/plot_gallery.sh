#!/bin/sh
# Renders every SpikePlot showcase figure to SVG and PNG (headless Chromium) in DIR for a look:
#   scripts/plot_gallery.sh [DIR]      (default DIR: /tmp/spikeplot-gallery)
# Set SCRATCH to reuse a build directory (default .build).
set -eu
dir=${1:-/tmp/spikeplot-gallery}
mkdir -p "$dir"
cd "$(dirname "$0")/.."
SPIKEPLOT_GALLERY="$(cd "$dir" && pwd)" swift test --scratch-path "${SCRATCH:-.build}" \
    --filter SpikePlotTests.BrowserRenderingTests
echo "figures in $dir"
