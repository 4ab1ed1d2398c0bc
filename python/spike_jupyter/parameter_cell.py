"""Reads the parameters a Spike `parameters` cell defines, for `papermill --help-notebook`."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from papermill.models import Parameter
from pygments.token import Comment, Keyword, Name, Number, Operator, Punctuation, String, Whitespace

from .lexer import SpikeLexer

_OPENERS = {"(": ")", "[": "]", "{": "}"}
_LINE_BREAK = re.compile(r"[ \t\r]*\n\s*")


@dataclass
class _Statement:
    """The tokens of one statement (`(offset, type, text)`, comments and white space included)
    and the comment after its last significant token."""

    tokens: list = field(default_factory=list)
    help: str = ""

    @property
    def significant(self) -> list:
        return [token for token in self.tokens if not _is_blank(token[1])]


def _is_blank(token_type) -> bool:
    return token_type in Whitespace or token_type in Comment


def _continues_line(token) -> bool:
    """A line break after an operator, `and`/`or`/`not` or `,` does not end a statement."""
    _, token_type, text = token
    return token_type in Operator or (token_type in Punctuation and text == ",")


def statements(source: str) -> list[_Statement]:
    """Splits a cell into statements as the kernel does: at `;` and at line breaks outside
    brackets that do not follow an operator or `,`. Cost: O(len(source))."""
    found, current, depth = [], _Statement(), 0
    for token in SpikeLexer().get_tokens_unprocessed(source):
        _, token_type, text = token
        significant = current.significant
        if token_type in Whitespace and "\n" in text and depth == 0 and significant \
                and not _continues_line(significant[-1]):
            found.append(current)
            current = _Statement()
            continue
        if token_type in Punctuation and text == ";" and depth == 0:
            found.append(current)
            current = _Statement()
            continue
        current.tokens.append(token)
        if token_type in Comment:
            current.help = text[1:].strip() if significant else current.help
        elif not _is_blank(token_type):
            current.help = ""
            if token_type in Punctuation and text in _OPENERS:
                depth += 1
            elif token_type in Punctuation and text in _OPENERS.values():
                depth = max(depth - 1, 0)
    if current.significant:
        found.append(current)
    return found


def literal_type(tokens: list) -> str:
    """The kind of value a parameter's default is, when it is one literal: `number` (`-3` too),
    `string`, `boolean`, `none`, `list` or `record`; else `None` (papermill: unknown type)."""
    kinds = [token_type for _, token_type, _ in tokens]
    texts = [text for _, _, text in tokens]
    if len(tokens) == 2 and texts[0] == "-" and kinds[1] in Number:
        return "number"
    if len(tokens) == 1 and kinds[0] in Number:
        return "number"
    if tokens and all(kind in String for kind in kinds) and texts[0] == '"' and texts[-1] == '"' \
            and len(tokens) > 1:
        return "string"
    if len(tokens) == 1 and kinds[0] in Keyword.Constant:
        return "none" if texts[0] == "none" else "boolean"
    if tokens and texts[0] in ("[", "{") and _closing_index(tokens) == len(tokens) - 1:
        return "list" if texts[0] == "[" else "record"
    return "None"


def _closing_index(tokens: list) -> int:
    """Index of the bracket that closes `tokens[0]`, or -1."""
    depth = 0
    for index, (_, token_type, text) in enumerate(tokens):
        if token_type in Punctuation and text in _OPENERS:
            depth += 1
        elif token_type in Punctuation and text in _OPENERS.values():
            depth -= 1
            if depth == 0:
                return index
    return -1


def parameters_of(source: str) -> list[Parameter]:
    """Every `name = value  # help` statement of a cell, as papermill `Parameter`s.

    A value may run over several lines (an open bracket, a trailing operator); it is shown on one
    line, without the comments inside it. The help is the comment after the value's last token.
    Other statements (calls, `fn`, `for`, magics) are skipped.
    """
    found = []
    for statement in statements(source):
        significant = statement.significant
        if len(significant) < 3 or significant[0][1] not in (Name, Name.Builtin) \
                or significant[1][2] != "=":
            continue
        value_tokens = significant[2:]
        start, end = value_tokens[0][0], value_tokens[-1][0] + len(value_tokens[-1][2])
        text = "".join(text for offset, token_type, text in statement.tokens
                       if start <= offset < end and token_type not in Comment)
        found.append(Parameter(name=significant[0][2], inferred_type_name=literal_type(value_tokens),
                               default=_LINE_BREAK.sub(" ", text), help=statement.help))
    return found
