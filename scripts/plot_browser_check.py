#!/usr/bin/env python3
"""Render SVG figures to PNG in headless Chromium and check that each PNG is not blank.

Usage: plot_browser_check.py DIR [--install]

Every DIR/*.svg is screenshotted at its own width/height (read from the root element) to
DIR/NAME.png through a file:// URL; DNS is mapped to nothing so the browser cannot reach beyond
loopback. A PNG passes when it decodes, has the expected size, and at least 2% of its pixels
differ from the dominant colour with at least 4 distinct colours. Exit status: 0 all passed,
1 a check failed, 77 no browser available (the caller skips). With --install, a missing browser
is installed with `apt-get install -y chromium` first (needs root and Debian's mirror).
"""
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib
from collections import Counter

SKIP = 77
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "chrome")


def find_browser():
    for name in BROWSERS:
        path = shutil.which(name)
        if path:
            return path
    return None


def install_browser():
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        return None
    quiet = dict(stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if subprocess.call(["apt-get", "install", "-y", "chromium"], **quiet) != 0:
        subprocess.call(["apt-get", "update"], **quiet)
        subprocess.call(["apt-get", "install", "-y", "chromium"], **quiet)
    return find_browser()


def svg_size(text):
    match = re.search(r'<svg[^>]*\swidth="(\d+)"[^>]*\sheight="(\d+)"', text)
    if not match:
        raise ValueError("root <svg> has no width/height")
    return int(match.group(1)), int(match.group(2))


def screenshot(browser, svg_path, png_path, width, height, profile):
    command = [
        browser, "--headless=new", "--disable-gpu", "--hide-scrollbars",
        "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-extensions",
        "--disable-domain-reliability", "--no-pings", "--disable-breakpad",
        "--host-resolver-rules=MAP * ~NOTFOUND", f"--user-data-dir={profile}",
        f"--screenshot={png_path}", f"--window-size={width},{height}",
        "file://" + os.path.abspath(svg_path),
    ]
    if os.geteuid() == 0:
        command.insert(1, "--no-sandbox")
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120, check=False)


def decode_png(path):
    """Returns (width, height, rows of RGB(A) byte tuples) for 8-bit RGB/RGBA PNGs."""
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    offset, idat, header = 8, b"", None
    while offset < len(data):
        length, kind = struct.unpack(">I4s", data[offset:offset + 8])
        chunk = data[offset + 8:offset + 8 + length]
        offset += 12 + length
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", chunk)
        elif kind == b"IDAT":
            idat += chunk
        elif kind == b"IEND":
            break
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in (2, 6) or interlace:
        raise ValueError(f"unsupported PNG format depth={depth} colour={colour}")
    channels = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, previous = [], bytearray(stride)
    position = 0
    for _ in range(height):
        kind = raw[position]
        line = bytearray(raw[position + 1:position + 1 + stride])
        position += 1 + stride
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            corner = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 255
            elif kind == 2:
                line[i] = (line[i] + up) & 255
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                predictor = left if pa <= pb and pa <= pc else (up if pb <= pc else corner)
                line[i] = (line[i] + predictor) & 255
        rows.append(bytes(line))
        previous = line
    return width, height, channels, rows


def check(png_path, width, height):
    actual_width, actual_height, channels, rows = decode_png(png_path)
    if (actual_width, actual_height) != (width, height):
        return f"size {actual_width}x{actual_height}, expected {width}x{height}"
    colours = Counter()
    for row in rows:
        for x in range(0, len(row), channels):
            colours[row[x:x + 3]] += 1
    total = width * height
    dominant = colours.most_common(1)[0][1]
    ink = 1 - dominant / total
    if len(colours) < 4 or ink < 0.02:
        return f"looks blank: {len(colours)} colours, {ink:.1%} non-background pixels"
    return None


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    directory = sys.argv[1]
    browser = find_browser() or ("--install" in sys.argv and install_browser())
    if not browser:
        print("no headless browser available")
        return SKIP
    failures = 0
    with tempfile.TemporaryDirectory() as profile:
        for name in sorted(os.listdir(directory)):
            if not name.endswith(".svg"):
                continue
            svg_path = os.path.join(directory, name)
            png_path = svg_path[:-4] + ".png"
            width, height = svg_size(open(svg_path, encoding="utf-8").read())
            screenshot(browser, svg_path, png_path, width, height, profile)
            if not os.path.exists(png_path):
                print(f"{name}: no screenshot produced")
                failures += 1
                continue
            problem = check(png_path, width, height)
            print(f"{name}: {problem or 'ok'}")
            failures += problem is not None
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
