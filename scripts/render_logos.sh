#!/usr/bin/env bash
# Render the kernelspec's PNG logos from its SVG logo (needs rsvg-convert:
# Debian package librsvg2-bin). The PNGs are checked in; rerun after editing
# kernelspec/spike/logo-svg.svg.
set -euo pipefail
cd "$(dirname "$0")/../kernelspec/spike"
command -v rsvg-convert >/dev/null || { echo "needs rsvg-convert (apt-get install librsvg2-bin)" >&2; exit 1; }
for size in 32 64; do
    rsvg-convert --width "$size" --height "$size" --keep-aspect-ratio \
        --output "logo-${size}x${size}.png" logo-svg.svg
done
echo "rendered logo-32x32.png and logo-64x64.png"
