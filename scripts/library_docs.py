#!/usr/bin/env python3
"""Writes docs/library.md, the reference of every builtin `help()` lists.

What can be generated is generated, from the binary itself:
- the list of builtins and their topics, from `help()`;
- each signature (with defaults), one-line summary and parameter docs, from `help(name)`;
- the members of what a builtin returns, by asking the kernel (`spike stdio`) to complete
  `value.` for a value the example makes;
- the output of each example, by running it with `spike run`.
What cannot is hand-written in docs/library-examples.spk (see its header): what each call
returns, and an example that runs on its own.

Usage (from the repository root):
    scripts/library_docs.py [--spike PATH] [--out docs/library.md]
It fails (status 1) when a builtin has no example or an example fails, and names them.
SPIKE_BIN, when set, is the binary used by default (as in the Python test layers).
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import uuid
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "docs" / "library-examples.spk"
LIBRARY = ROOT / "docs" / "library.md"
# Lines of an example's output shown in library.md; the rest is elided.
OUTPUT_LINES = 14


@dataclass
class Builtin:
    """One builtin as help() lists it."""

    name: str
    topic: str
    signature: str
    summary: str = ""
    parameters: list[str] = field(default_factory=list)


@dataclass
class Example:
    """The hand-written part of one builtin's entry."""

    name: str
    returns: list[str] = field(default_factory=list)
    members_of: list[str] = field(default_factory=list)
    code: str = ""


@dataclass
class RunResult:
    status: int
    stdout: str
    stderr: str


def default_binary() -> Path:
    return Path(os.environ.get("SPIKE_BIN") or ROOT / ".build" / "release" / "spike")


# What an example's `input()` reads (docs/library-examples.spk says so in its header).
EXAMPLE_STDIN = "Ada\n"


def run_spike(spike: Path, code: str, cwd: Path = ROOT, timeout: float = 300) -> RunResult:
    """Runs `code` as one cell with `spike run`, figures and tables going to a scratch folder,
    EXAMPLE_STDIN on its standard input."""
    with tempfile.TemporaryDirectory(prefix="spike-docs-") as scratch:
        script = Path(scratch) / "example.spk"
        script.write_text(code, encoding="utf-8")
        completed = subprocess.run(
            [str(spike), "run", str(script), "--out", str(Path(scratch) / "out")],
            cwd=cwd, capture_output=True, text=True, timeout=timeout, input=EXAMPLE_STDIN,
        )
        # Saved files are named after the scratch folder: keep only their own names.
        stdout = completed.stdout.replace(str(Path(scratch) / "out") + "/", "")
        return RunResult(completed.returncode, stdout, completed.stderr)


# ---------------------------------------------------------------------------- help()

_SIGNATURE = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)\(")


def listed_builtins(spike: Path) -> list[Builtin]:
    """Every builtin `help()` lists, in its order, with its topic and signature."""
    result = run_spike(spike, "help()\n")
    if result.status != 0:
        raise RuntimeError(f"help() failed: {result.stderr}")
    builtins: list[Builtin] = []
    topic = ""
    for line in result.stdout.splitlines():
        if line.startswith("  ") and (match := _SIGNATURE.match(line.strip())):
            builtins.append(Builtin(match.group(1), topic, line.strip()))
        elif line.endswith(":") and not line.startswith(" "):
            topic = line[:-1]
    return builtins


def help_texts(spike: Path, names: list[str]) -> dict[str, tuple[str, str, list[str]]]:
    """`help(name)` for each name: its signature line, its summary (the next line) and its
    parameter lines (`name: doc`, one per parameter)."""
    result = run_spike(spike, "".join(f"help({name})\n" for name in names))
    if result.status != 0:
        raise RuntimeError(f"help(name) failed: {result.stderr}")
    texts: dict[str, tuple[str, str, list[str]]] = {}
    current: str | None = None
    for line in result.stdout.splitlines():
        if not line.startswith(" ") and (match := _SIGNATURE.match(line)):
            current = match.group(1)
            texts[current] = (line.strip(), "", [])
        elif current is not None and line.strip():
            signature, summary, parameters = texts[current]
            if summary:
                parameters.append(line.strip())
            else:
                texts[current] = (signature, line.strip(), parameters)
    return texts


# ---------------------------------------------------------------------------- examples

def parse_examples(text: str) -> dict[str, Example]:
    """The sections of docs/library-examples.spk, by builtin name."""
    examples: dict[str, Example] = {}
    current: Example | None = None
    code: list[str] = []

    def finish() -> None:
        if current is not None:
            current.code = "\n".join(code).strip("\n") + "\n"

    for line in text.splitlines():
        if line.startswith("#%%"):
            finish()
            current = Example(line[3:].strip())
            examples[current.name] = current
            code = []
        elif current is None:
            continue
        elif line.startswith("#: returns:"):
            current.returns.append(line[len("#: returns:"):].strip())
        elif line.startswith("#: members:"):
            current.members_of.append(line[len("#: members:"):].strip())
        elif line.startswith("#:"):
            current.returns.append(line[2:].strip())
        else:
            code.append(line)
    finish()
    return examples


class StdioKernel:
    """A `spike stdio` process: execute and complete requests, one at a time."""

    def __init__(self, spike: Path):
        self.process = subprocess.Popen(
            [str(spike), "stdio"], cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL, text=True, bufsize=1,
        )

    def request(self, msg_type: str, content: dict) -> dict:
        msg_id = uuid.uuid4().hex
        header = {"msg_id": msg_id, "msg_type": msg_type, "session": "docs", "username": "docs",
                  "date": "2026-01-01T00:00:00Z", "version": "5.4"}
        message = {"channel": "shell", "header": header, "parent_header": {}, "metadata": {}, "content": content}
        assert self.process.stdin and self.process.stdout
        self.process.stdin.write(json.dumps(message) + "\n")
        self.process.stdin.flush()
        reply_type = msg_type.replace("_request", "_reply")
        for line in self.process.stdout:
            answer = json.loads(line)
            if answer.get("parent_header", {}).get("msg_id") == msg_id and answer["header"]["msg_type"] == reply_type:
                return answer["content"]
        raise RuntimeError(f"spike stdio ended before answering {msg_type}")

    def execute(self, code: str) -> dict:
        return self.request("execute_request", {"code": code, "silent": False, "store_history": False,
                                                "user_expressions": {}, "allow_stdin": False, "stop_on_error": True})

    def members(self, setup: str, expression: str) -> list[str]:
        """The member names the kernel completes after `expression.`, once `setup` has run."""
        for code in ("%reset", setup, f"member_probe_value = {expression}"):
            reply = self.execute(code)
            if reply.get("status") != "ok":
                raise RuntimeError(f"{code!r}: {reply.get('ename')}: {reply.get('evalue')}")
        code = "member_probe_value."
        return self.request("complete_request", {"code": code, "cursor_pos": len(code)})["matches"]

    def close(self) -> None:
        if self.process.stdin:
            self.process.stdin.close()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


# ---------------------------------------------------------------------------- library.md

INTRO = """\
# The Spike library

Every builtin that `help()` lists, by topic, in `help()`'s order. For each: its signature with
defaults, the one-line summary and what each parameter means, exactly as `help(name)` prints
them (the notebook's inspect, Shift-Tab, shows the same text); what it returns and, where the
value has any, the members `value.name` offers; and an example that runs on its own in a fresh
session, with the text it prints under `spike run` (which also saves each figure and table as
an `.svg`/`.html` file; a notebook shows them as SVG and HTML instead).

The language itself (syntax, values, errors, magics) is in [language.md](language.md); the
science behind the defaults in [science.md](science.md).

This file is generated: edit `docs/library-examples.spk` (returns and examples) or the
builtin's declaration in `Sources/SpikeLang/Library/` (signature, summary and parameter
docs), then run `scripts/library_docs.py`. `Tests/Conformance/test_docs.py` fails when a
builtin is missing here, when a signature differs from `help()`, or when an example does not
run.
"""


def render(builtins: list[Builtin], examples: dict[str, Example], members: dict[str, list[tuple[str, list[str]]]],
           outputs: dict[str, RunResult]) -> str:
    lines = [INTRO]
    topics: list[str] = []
    for builtin in builtins:
        if builtin.topic not in topics:
            topics.append(builtin.topic)
    lines.append("## Contents\n")
    for topic in topics:
        names = [f"[{b.name}](#{b.name})" for b in builtins if b.topic == topic]
        lines.append(f"- **{topic}**: " + ", ".join(names))
    lines.append("")
    for topic in topics:
        lines.append(f"## {topic}\n")
        for builtin in (b for b in builtins if b.topic == topic):
            example = examples[builtin.name]
            lines.append(f"### {builtin.name}\n")
            lines.append(f"`{builtin.signature}`\n")
            lines.append(builtin.summary + "\n")
            if builtin.parameters:
                lines.append("**Parameters**\n")
                for parameter in builtin.parameters:
                    name, _, doc = parameter.partition(": ")
                    lines.append(f"- `{name}`: {doc}")
                lines.append("")
            lines.append("**Returns** " + " ".join(example.returns) + "\n")
            for expression, names in members.get(builtin.name, []):
                listed = ", ".join(f"`{name}`" for name in names)
                lines.append(f"**Members** of `{expression}`: {listed}\n")
            lines.append("```spike\n" + example.code + "```\n")
            # `spike run` notes each file it saves; a notebook shows the figure or table instead.
            shown = [line for line in outputs[builtin.name].stdout.splitlines() if not line.startswith("[saved ")]
            if shown:
                if len(shown) > OUTPUT_LINES:
                    shown = shown[:OUTPUT_LINES] + [f"… ({len(shown) - OUTPUT_LINES} more lines)"]
                lines.append("Prints:\n\n```text\n" + "\n".join(shown) + "\n```\n")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spike", type=Path, default=default_binary(), help="the spike binary")
    parser.add_argument("--out", type=Path, default=LIBRARY, help="where to write library.md")
    options = parser.parse_args()

    builtins = listed_builtins(options.spike)
    texts = help_texts(options.spike, [b.name for b in builtins])
    examples = parse_examples(EXAMPLES.read_text(encoding="utf-8"))
    problems: list[str] = []
    for builtin in builtins:
        signature, summary, parameters = texts.get(builtin.name, (builtin.signature, "", []))
        if signature != builtin.signature:
            problems.append(f"{builtin.name}: help() lists {builtin.signature!r} but help(name) says {signature!r}")
        builtin.summary = summary
        builtin.parameters = parameters
        if builtin.name not in examples:
            problems.append(f"{builtin.name}: no section in {EXAMPLES.relative_to(ROOT)}")
    listed = {b.name for b in builtins}
    problems += [f"{name}: an example for a builtin help() does not list" for name in examples if name not in listed]
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1

    outputs: dict[str, RunResult] = {}
    for builtin in builtins:
        result = run_spike(options.spike, examples[builtin.name].code)
        if result.status != 0:
            problems.append(f"{builtin.name}: the example failed:\n{result.stderr}")
        outputs[builtin.name] = result
        print(f"ran {builtin.name}", file=sys.stderr)

    members: dict[str, list[tuple[str, list[str]]]] = {}
    kernel = StdioKernel(options.spike)
    try:
        for builtin in builtins:
            example = examples[builtin.name]
            for expression in example.members_of:
                try:
                    names = kernel.members(example.code, expression)
                except RuntimeError as error:
                    problems.append(f"{builtin.name}: members of {expression}: {error}")
                    continue
                if names:
                    members.setdefault(builtin.name, []).append((expression, names))
    finally:
        kernel.close()
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1

    options.out.write_text(render(builtins, examples, members, outputs), encoding="utf-8")
    print(f"wrote {options.out} ({len(builtins)} builtins)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
