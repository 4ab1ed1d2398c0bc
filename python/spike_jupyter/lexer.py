"""A Pygments lexer for the Spike language (the `spike` kernel's cells and `.spk` files)."""
from __future__ import annotations

from typing import Iterator

from pygments.lexer import RegexLexer, bygroups, default, include, words
from pygments.token import (Comment, Error, Keyword, Name, Number, Operator, Punctuation, String,
                            Text, Whitespace)

# Every builtin `help()` lists (Tests/Conformance/test_pygments.py checks this against the kernel).
BUILTINS = (
    "abs", "all", "any", "atan", "bar", "batchnorm", "clear_output", "compare", "conv1d", "conv_encoder",
    "copy", "cos", "cpg", "cpg_oscillator", "dataset", "datasets", "delta_encoder", "display",
    "distinct_codes", "dropout", "encode", "energy", "enumerate", "evaluate", "exp", "fast_sigmoid",
    "filter", "first_spike", "flatten", "floor", "grid", "heatmap", "help", "if_neuron", "int", "ispikformer", "keys", "layernorm",
    "last_run", "learnable", "len", "lif", "linear", "list", "load_csv", "log", "map", "max", "mean", "mean_over",
    "min", "mlp", "mlp_net", "ones", "paired", "plif", "plot", "positional", "predict", "print", "randn",
    "random_code", "range", "raster", "rect", "relative", "repeat_encoder", "reshape", "residual",
    "round", "scatter", "seed", "sigmoid", "simulate", "sin", "sinusoidal", "sorted", "spike_rnn",
    "spike_tcn", "spikformer", "sqrt", "ssa", "str", "sum", "sweep_results", "synthetic", "table", "tensor",
    "tolist", "train", "transformer", "transpose", "triangle", "unflatten", "update_display", "values",
    "where", "windows", "zeros", "zip",
    "float", "format", "mean_std", "input",
    "leaky", "seeds_needed", "forest", "markdown",
)

# The reserved words: never a name, so never a parameter or an unquoted record field.
KEYWORDS = frozenset(("fn", "for", "in", "if", "else", "and", "or", "not", "true", "false", "none"))

_IDENTIFIER = r"[^\W\d]\w*"
_DIGITS = r"[0-9]+(?:_[0-9]+)*"  # ASCII digits only, as in the kernel
_MAX_SCALAR = 0x10FFFF
# An f-string's text up to its line's end with every field closed: what the kernel reads as an
# unterminated f-string (not one whose field is left open).
_FSTRING_TEXT = r'(?:[^"\\\n{]|\\[^\n]|\{\{|\{[^"\n}]*\})*'


def _unicode_escape(lexer: RegexLexer, match) -> Iterator[tuple[int, object, str]]:
    """`\\u{…}` is an escape when it names a Unicode scalar (not a surrogate, at most 10FFFF)."""
    code = int(match.group(1), 16)
    valid = code <= _MAX_SCALAR and not 0xD800 <= code <= 0xDFFF
    yield match.start(), String.Escape if valid else Error, match.group(0)


class SpikeLexer(RegexLexer):
    """Highlights Spike: keywords, literals, numbers with `_`, strings and their escapes,
    operators (`..` ranges, `>>` composition, `@` matrix product), comments and the magics at a cell's top.

    The states mirror the kernel's own lexer, so whatever it rejects while lexing shows as an
    `Error` token: an unterminated string (its opening quote), an unknown escape, a malformed
    number (`1e`, `10_`, `12abc`), a character that is not Spike (`$`, `'`). Mistakes the parser
    finds (`1 +* 2`) are not marked.

    States: `root` is a cell's head, where blank lines and `%magic` lines may stand; the first
    other line enters `code` for the rest of the cell (a `%` line after code is not a magic).
    """

    name = "Spike"
    aliases = ["spike"]
    filenames = ["*.spk"]
    mimetypes = ["text/x-spike"]
    url = "https://github.com/microsoft/SeqSNN"

    tokens = {
        "root": [
            (r"[ \t\r]*\n", Whitespace),
            # A cell that is only `name?`, `name??` or `?name` opens the help page.
            (r"\A(\s*)(\?\??)([\w.]+)(\s*)\Z", bygroups(Whitespace, Keyword.Pseudo, Name, Whitespace)),
            (r"\A(\s*)([\w.]+)(\?\??)(\s*)\Z", bygroups(Whitespace, Name, Keyword.Pseudo, Whitespace)),
            # `%time CODE` and `%timeit [-n N] [-r N] CODE` time the code on their own line:
            # that code ends the magic lines.
            (r"^([ \t]*)(%%?time)(?=[ \t]+\S)", bygroups(Whitespace, Keyword.Pseudo), "code"),
            (r"^([ \t]*)(%%?timeit)((?:[ \t]+-[nr][ \t]*[0-9]+)*)(?=[ \t]+(?!-[nr])\S)",
             bygroups(Whitespace, Keyword.Pseudo, Text), "code"),
            (r"^([ \t]*)(%%?\w*)", bygroups(Whitespace, Keyword.Pseudo), "magic-arguments"),
            default("code"),
        ],
        "magic-arguments": [
            (r"\n", Whitespace, "#pop"),
            (r"[ \t\r]+", Whitespace),
            (_DIGITS + r"(?!\w|\.[0-9])", Number.Integer),
            (r"%\w+", Keyword.Pseudo),
            (_IDENTIFIER, Name),
            (r"\S", Text),
        ],
        "code": [
            (r"\n", Whitespace),
            (r"#.*$", Comment.Single),
            # An f-string whose closing quote is on its line; one whose text runs to the line's
            # end (the kernel's unterminated string: its `f` is the error); one with a field left
            # open at the line's end (the kernel's "'{' was never closed", not a lexical error).
            (r'(f)(")(?=(?:[^"\\\n]|\\[^\n])*")', bygroups(String.Affix, String.Double), "fstring"),
            (r'(f)(")(?=' + _FSTRING_TEXT + r'$)', bygroups(Error, String.Double), "fstring"),
            (r'(f)(")', bygroups(String.Affix, String.Double), "fstring"),
            # A string whose closing quote is on its line; else its opening quote is the error.
            (r'"(?=(?:[^"\\\n]|\\[^\n])*")', String.Double, "string"),
            (r'"', Error, "string"),
            include("expression"),
        ],
        # What may stand in an expression, also inside an f-string's field.
        "expression": [
            (r"[ \t\r]+", Whitespace),
            (_DIGITS + r"(?:\." + _DIGITS + r")?[eE][+-]?" + _DIGITS + r"(?!\w)", Number.Float),
            (_DIGITS + r"\." + _DIGITS + r"(?!\w)", Number.Float),
            (_DIGITS + r"(?!\w|\.[0-9])", Number.Integer),
            # What the kernel's lexer reads as one malformed number: digits with letters or
            # misplaced underscores glued on, a fraction, a dangling exponent sign.
            (r"[0-9][0-9_]*(?:\.[0-9][0-9_]*)?(?:[eE][+-]?[0-9_]*)?\w*", Error),
            (r"(fn)([ \t]+)(" + _IDENTIFIER + r")", bygroups(Keyword, Whitespace, Name.Function)),
            (words(("fn", "for", "in", "if", "else"), suffix=r"\b"), Keyword),
            (words(("true", "false", "none"), suffix=r"\b"), Keyword.Constant),
            (words(("and", "or", "not"), suffix=r"\b"), Operator.Word),
            (words(BUILTINS, prefix=r"(?<![\w.])", suffix=r"\b"), Name.Builtin),
            (r"\*\*|==|!=|<=|>=|>>|\.\.|[-+*/%<>=@]", Operator),
            (r"(\.)(" + _IDENTIFIER + r")", bygroups(Punctuation, Name.Attribute)),
            (r"[()\[\]{},:;.]", Punctuation),
            (_IDENTIFIER, Name),
            (r".", Error),
        ],
        "string": [
            (r'"', String.Double, "#pop"),
            (r'[^"\\\n]+', String.Double),
            include("escapes"),
        ],
        # An f-string's text: `{{` and `}}` are braces; `{` opens a field (a single `}` is the
        # kernel's syntax error, not a lexical one).
        "fstring": [
            (r'"', String.Double, "#pop"),
            (r"\{\{|\}\}", String.Escape),
            (r"\{", String.Interpol, "fstring-field"),
            (r'[^"\\\n{}]+|\}', String.Double),
            include("escapes"),
        ],
        # `{expression` up to the `}` or the `:` of a spec outside brackets; a `"` or the line's
        # end closes the f-string (the kernel's "'{' was never closed"); `#` is an error there.
        "fstring-field": [
            (r'(?=["\n])', Text, "#pop"),
            (r"\}", String.Interpol, "#pop"),
            (r":", String.Interpol, "fstring-spec"),
            (r"[(\[{]", Punctuation, "fstring-brackets"),
            (r"#", Error),
            include("expression"),
        ],
        "fstring-brackets": [
            (r'(?=["\n])', Text, "#pop"),
            (r"[)\]}]", Punctuation, "#pop"),
            (r"[(\[{]", Punctuation, "#push"),
            (r"#", Error),
            include("expression"),
        ],
        "fstring-spec": [
            (r"\}", String.Interpol, "#pop:2"),
            (r'(?=["\n])', Text, "#pop:2"),
            (r'[^}"\n]+', String.Interpol),
        ],
        # The escapes of strings and f-strings.
        "escapes": [
            (r'\\["\\nt]', String.Escape),
            (r"\\u\{([0-9a-fA-F]{1,8})\}", _unicode_escape),
            # As the kernel reads a bad `\u`: up to 8 hex digits, then `}` if it is there.
            (r"\\u(?:\{[0-9a-fA-F]{0,8}\}?)?", Error),
            (r"\\(?=\n)", String.Double),  # part of an unterminated string, reported as that
            (r"\\.", Error),
            default("#pop"),  # the line ends: the string was unterminated
        ],
    }
