#!/usr/bin/env bash
# Install the Debian packages Spike builds against (and python3-venv when the
# system python cannot make a venv), only when something is missing.
# Usage: scripts/install_system_packages.sh [PACKAGE ...]
set -euo pipefail

packages=("$@")
if [ ${#packages[@]} -eq 0 ]; then
    packages=(libzmq3-dev libopenblas-dev libssl-dev libsqlite3-dev librsvg2-dev pkg-config)
fi

missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done
if ! python3 -c 'import ensurepip, venv' >/dev/null 2>&1; then
    missing+=(python3-venv python3-pip)
fi

if [ ${#missing[@]} -eq 0 ]; then
    echo "system packages: all present (${packages[*]})"
    exit 0
fi

echo "system packages: installing ${missing[*]}"
sudo=()
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "need root (or sudo) to install: ${missing[*]}" >&2; exit 1; }
    sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update
"${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
