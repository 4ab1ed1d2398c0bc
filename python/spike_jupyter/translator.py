"""papermill's parameter translator for Spike: Python values → Spike literals, and back to
parameter descriptions for `papermill --help-notebook`."""
from __future__ import annotations

import math

from papermill.exceptions import PapermillException
from papermill.translators import Translator, papermill_translators

# Modules, not names: importing papermill loads its engine entry points, which import this
# package again; whichever module of it is imported first, the others may be half-loaded then.
from . import parameter_cell
from .lexer import KEYWORDS

# Spike has one number type, a 64-bit float: integers past 2**53 exist only where it has them.
_EXACT_INTEGER_LIMIT = 2 ** 53


class SpikeParameterError(PapermillException, ValueError):
    """A parameter that has no Spike literal; the message says which parameter and why."""


def is_spike_name(text: str) -> bool:
    """True when `text` is a Spike identifier (`_` or XID_Start, then XID_Continue), not a keyword.

    Python's identifiers follow the same Unicode rule, so `str.isidentifier` decides it.
    """
    return text.isidentifier() and text not in KEYWORDS


def spike_string(text: str) -> str:
    """`text` as a Spike string literal that uses only printable ASCII.

    `"` and `\\` are escaped, newline and tab as `\\n` and `\\t`, every other control character
    and everything past ASCII as `\\u{hex}`. A lone surrogate (possible in a Python `str`, never
    in Spike's strings) is rejected.
    """
    pieces = ['"']
    for character in text:
        code = ord(character)
        if character in '"\\':
            pieces.append("\\" + character)
        elif character == "\n":
            pieces.append("\\n")
        elif character == "\t":
            pieces.append("\\t")
        elif 0xD800 <= code <= 0xDFFF:
            raise SpikeParameterError(f"the string {text!r} holds a lone surrogate U+{code:04X}, "
                                      "which is not a Unicode character")
        elif 0x20 <= code < 0x7F:
            pieces.append(character)
        else:
            pieces.append(f"\\u{{{code:x}}}")
    pieces.append('"')
    return "".join(pieces)


class SpikeTranslator(Translator):
    """Writes papermill's injected-parameters cell in Spike, and reads a `parameters` cell.

    | Python (from `-p`, `-r`, `-y`, `-f`) | Spike |
    |---|---|
    | `int`, finite `float` (NumPy's too; arrays as lists) | a number: `3`, `-2.5`, `1e-05`, `1e+16` |
    | `str` | a string, ASCII only: `"caf\\u{e9} \\"q\\" a\\\\b\\n"` |
    | `True`, `False`, `None` | `true`, `false`, `none` |
    | `list`, `tuple` | a list `[1, "a"]` |
    | `dict` with `str` keys | a record `{name: 1, "not an identifier": 2}` |

    NaN and ±inf, integers a 64-bit float cannot hold exactly, non-string record keys, names
    that are not Spike identifiers (or are keywords) and any other type raise
    `SpikeParameterError`, naming the parameter: the cell papermill injects always runs.
    """

    @classmethod
    def translate_int(cls, val: int) -> str:
        if abs(val) > _EXACT_INTEGER_LIMIT and float(val) != val:
            raise SpikeParameterError(f"{val} has no exact Spike number (Spike numbers are 64-bit "
                                      f"floats, exact for integers up to 2**53)")
        return str(val)

    @classmethod
    def translate_float(cls, val: float) -> str:
        if not math.isfinite(val):
            raise SpikeParameterError(f"{val} has no Spike literal: pass a finite number")
        return repr(val)

    @classmethod
    def translate_str(cls, val: str) -> str:
        return spike_string(val)

    @classmethod
    def translate_none(cls, val: None) -> str:
        return "none"

    @classmethod
    def translate_list(cls, val: list) -> str:
        return "[" + ", ".join(cls.translate(item) for item in val) + "]"

    @classmethod
    def translate_dict(cls, val: dict) -> str:
        fields = []
        for key, item in val.items():
            if not isinstance(key, str):
                raise SpikeParameterError(f"the record key {key!r} is not a string: "
                                          "Spike record fields are named by strings")
            name = key if is_spike_name(key) else spike_string(key)
            fields.append(f"{name}: {cls.translate(item)}")
        return "{" + ", ".join(fields) + "}"

    @classmethod
    def translate(cls, val: object) -> str:
        if isinstance(val, tuple):
            return cls.translate_list(list(val))
        if hasattr(val, "dtype") and hasattr(val, "tolist"):
            return cls.translate(val.tolist())  # NumPy scalars and arrays, from the Python API
        if val is None or isinstance(val, (str, bool, int, float, dict, list)):
            return super().translate(val)
        raise SpikeParameterError(f"{val!r} is a {type(val).__name__}, which has no Spike literal "
                                  "(use numbers, strings, booleans, none, lists and records)")

    @classmethod
    def comment(cls, cmt_str: str) -> str:
        return f"# {cmt_str}".strip()

    @classmethod
    def assign(cls, name: str, str_val: str) -> str:
        if not is_spike_name(name):
            raise SpikeParameterError(f"parameter {name!r} is not a Spike name (a letter or _, then "
                                      "letters, digits or _; not a keyword)")
        return f"{name} = {str_val}"

    @classmethod
    def codify(cls, parameters: dict, comment: str = "Parameters") -> str:
        lines = [cls.comment(comment)]
        for name, value in parameters.items():
            try:
                literal = cls.translate(value)
            except SpikeParameterError as error:
                raise SpikeParameterError(f"parameter {name!r}: {error}") from None
            lines.append(cls.assign(name, literal))
        return "\n".join(lines) + "\n"

    @classmethod
    def inspect(cls, parameters_cell) -> list:
        return parameter_cell.parameters_of(parameters_cell["source"])


# For the kernel name and the language `spike` (papermill tries the kernel name first).
papermill_translators.register("spike", SpikeTranslator)
