#!/usr/bin/env python3
"""Golden cases for `format(x, spec)` (docs/language.md §4), computed by Python's own format().

Writes Tests/SpikeLangTests/Golden/format_table.txt: one case per line, three tab-separated
fields,

    n<TAB>VALUE<TAB>SPEC<TAB>EXPECTED     a number: VALUE is Python's repr of the float
    s<TAB>VALUE<TAB>SPEC<TAB>EXPECTED     a string: VALUE is the string itself

where EXPECTED is the formatted text, or `!ValueError` when Python rejects the spec.

Spike has one number type (Float64), so the oracle decides, as the kernel does, whether a number
is formatted as a Python int or a float: an integral number is an int when the type is an
integer type (d b o x X), or `n` or no type without a precision (for no type: within ±1e15,
where `str` writes it without a decimal point); otherwise it is a float. The `z` option is
dropped for ints (Python rejects it there; for an integral number it changes nothing).

The cases: a grid of values (ties for half-even rounding, negative zero, nan, inf, huge and
tiny exponents, integers past 2^53 and 2^64) times specs (every type, fill and alignment,
signs, `#`, zero padding through separators, `%`, bad specs), strings times string specs, and
seeded random values with random specs.

Usage: .venv/bin/python scripts/golden_format.py
"""
import math
import pathlib
import random
import re

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "Tests/SpikeLangTests/Golden/format_table.txt"

SPEC = re.compile(r"(?:(?P<fill>.)?(?P<align>[<>=^]))?(?P<sign>[-+ ])?(?P<z>z)?(?P<alt>#)?(?P<zero>0)?"
                  r"(?P<width>\d+)?(?P<grouping>[,_])?(?:\.(?P<precision>\d+))?(?P<type>.)?", re.S)
INTEGER_TYPES = set("dboxX")

VALUES = [
    0.0, -0.0, 1.0, -1.0, 3.0, 7.0, 42.0, 255.0, -255.0, 1234.0, 1234567.0, -1234567.891, 0.5, 1.5,
    2.5, -2.5, 0.125, 0.375, 2.675, 1.005, 0.1, 1 / 3, 2 / 3, -2 / 3, 123.456, 1e-05, 1.5e-07,
    9.999e-05, 0.0001, 99.99, 999.9999, 0.999999, 9.5, 10.5, 0.05, 0.015, 0.045, 1e15, -1e15,
    1e15 + 0.5, 1234567890123456.0, 1e16, 1e20, -1e22, float(2**70), float(-2**63), 1e300, 5e-324,
    2.2250738585072014e-308, 1.7976931348623157e308, math.nan, math.inf, -math.inf,
]

SPECS = [
    "", ".2f", ".0f", ".3f", "f", "F", ".1f", ".10f", "e", ".2e", "E", ".0e", "#.0e", "g", ".3g",
    ".1g", ".0g", "G", "#g", "#.3g", ".3", ".1", ".12", "%", ".1%", ".0%", ",", "_", ",.2f",
    "_.3f", ">10", "<10", "^10", "*^12.3f", "=+12,.2f", "+", " ", "+.3e", "010", "010,",
    "012_.3f", "0=12,", "-^9", "z.2f", "z", "z.1e", "+z.3f", "#", "#.0f", "#.0%", "d", ",d",
    "_d", "+d", "08d", "x", "X", "#x", "#X", "_x", "#010_x", "o", "#o", "b", "#b", "_b", "n",
    ".3n", "10.3n", ",x", ".2d", ",n", ",_", "_,", ".f", ".", "q", ".3q", "10.2fx", "s", "%%",
    "=10", "c", "<<", "0<8", "x<8.2f", "15,.4e", "+015_.2%",
]

STRINGS = ["abc", "", "h\u00e9llo", "a longer text", "-12"]
STRING_SPECS = ["", "s", "10", "<10", ">10", "^10", "*^9", ".2", ".2s", "10.1", "05", "+", "=5", "#",
                ",", "z", "d", "x", ".0", ".", "s ", "x^8"]


def spike_format(value: float, spec: str) -> str:
    """format(value, spec) as Spike defines it for its one number type (see the module doc)."""
    match = SPEC.fullmatch(spec)
    if match:
        kind, precision = match["type"], match["precision"]
        integral = math.isfinite(value) and value == int(value)
        if precision is None and integral and (
                kind in INTEGER_TYPES or kind == "n" or (kind is None and abs(value) <= 1e15)):
            without_z = spec[:match.start("z")] + spec[match.end("z"):] if match["z"] else spec
            return format(int(value), without_z)
    return format(value, spec)


def expected(function, value, spec: str) -> str:
    try:
        return function(value, spec)
    except ValueError:
        return "!ValueError"


def random_cases(rng: random.Random) -> list[tuple[float, str]]:
    cases = []
    types = ["f", "e", "g", "%", "", "n", "E", "G", "F"]
    for _ in range(600):
        shape = rng.randrange(4)
        if shape == 0:  # exact binary ties: k / 2^n
            value = rng.randrange(-10**6, 10**6) / 2 ** rng.randrange(1, 12)
        elif shape == 1:  # decimal-looking values (mostly not exact in binary)
            value = round(rng.uniform(-1000, 1000), rng.randrange(0, 6))
        elif shape == 2:  # any magnitude
            value = rng.choice([-1, 1]) * 10 ** rng.uniform(-12, 22)
        else:  # integers, some past 2^53
            value = float(rng.randrange(-10**rng.randrange(1, 20), 10**rng.randrange(1, 20)))
        spec = ""
        if rng.random() < 0.3:
            spec += rng.choice(["<", ">", "^", "*>", "0=", "="])
        if rng.random() < 0.3:
            spec += rng.choice(["+", "-", " "])
        if rng.random() < 0.2:
            spec += "#"
        if rng.random() < 0.3:
            spec += str(rng.randrange(1, 25))
        if rng.random() < 0.3:
            spec += rng.choice([",", "_"])
        if rng.random() < 0.7:
            spec += "." + str(rng.randrange(0, 18))
        spec += rng.choice(types)
        cases.append((value, spec))
    return cases


def main() -> None:
    lines = []
    for value in VALUES:
        for spec in SPECS:
            lines.append(("n", repr(value), spec, expected(spike_format, value, spec)))
    for value, spec in random_cases(random.Random(12)):
        lines.append(("n", repr(value), spec, expected(spike_format, value, spec)))
    for text in STRINGS:
        for spec in STRING_SPECS:
            lines.append(("s", text, spec, expected(format, text, spec)))
    for fields in lines:
        assert all("\t" not in field and "\n" not in field for field in fields), fields
    OUT.write_text("".join("\t".join(fields) + "\n" for fields in lines), encoding="utf-8")
    print(f"wrote {len(lines)} cases to {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
