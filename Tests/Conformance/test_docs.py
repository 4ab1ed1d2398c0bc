"""docs/ is the contract users and code refer to: it must agree with the binary.

- every builtin `help()` lists has an entry in docs/library.md whose signature is the one
  `help()` prints, and library.md documents no builtin that `help()` does not list;
- every ```spike block in docs/*.md runs without error under `spike run` (from the repository
  root); one followed by the line `prints` and a ```text block prints exactly that text (the
  `[saved …]` lines of `spike run` aside); every ```spike-error block ends with the error its
  first line names;
- the numbered sections the code cites (`docs/language.md §4`, `docs/architecture.md §2`, …)
  exist under their titles, so a renumbering cannot silently break the citations.
"""
from __future__ import annotations

import re
import subprocess
import tempfile
import unittest
from pathlib import Path

from spike_binary import REPO_ROOT, spike_binary

DOCS = REPO_ROOT / "docs"
TIMEOUT = 300
_SIGNATURE = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)\(")


# What an example's `input()` reads (docs/library-examples.spk says so in its header).
EXAMPLE_STDIN = "Ada\n"


def run_spike(code: str) -> subprocess.CompletedProcess[str]:
    """Runs `code` as one cell with `spike run` from the repository root, EXAMPLE_STDIN on its
    standard input."""
    with tempfile.TemporaryDirectory(prefix="spike-docs-test-") as scratch:
        script = Path(scratch) / "example.spk"
        script.write_text(code, encoding="utf-8")
        return subprocess.run([str(spike_binary()), "run", str(script), "--out", str(Path(scratch) / "out")],
                              cwd=REPO_ROOT, capture_output=True, text=True, timeout=TIMEOUT,
                              input=EXAMPLE_STDIN)


def listed_builtins() -> dict[str, str]:
    """name → signature, for every builtin `help()` lists."""
    result = run_spike("help()\n")
    assert result.returncode == 0, result.stderr
    listed = {}
    for line in result.stdout.splitlines():
        match = _SIGNATURE.match(line.strip())
        if line.startswith("  ") and match:
            listed[match.group(1)] = line.strip()
    return listed


def documented_builtins() -> dict[str, str]:
    """name → signature, for every `### name` entry of library.md (the line `` `sig` `` after it)."""
    documented = {}
    name = None
    for line in (DOCS / "library.md").read_text(encoding="utf-8").splitlines():
        if line.startswith("### "):
            name = line[4:].strip()
        elif name and line.startswith("`") and line.endswith("`"):
            documented[name] = line.strip("`")
            name = None
    return documented


def fenced_blocks(path: Path) -> list[tuple[str, int, int, str]]:
    """(language, first line, last line, text) for every fenced block of one page."""
    blocks = []
    lines = path.read_text(encoding="utf-8").splitlines()
    start, language = None, ""
    for number, line in enumerate(lines, start=1):
        if start is None and line.startswith("```"):
            start, language = number, line[3:].strip()
        elif start is not None and line.strip() == "```":
            blocks.append((language, start, number, "\n".join(lines[start:number - 1]) + "\n"))
            start = None
    return blocks


def code_blocks(language: str) -> list[tuple[str, int, str]]:
    """(file, line, code) for every ```language block in docs/*.md."""
    return [(path.name, start, text) for path in sorted(DOCS.glob("*.md"))
            for kind, start, _, text in fenced_blocks(path) if kind == language]


def examples_with_output() -> list[tuple[str, int, str, str]]:
    """(file, line, code, output) for every ```spike block followed by the line `prints` and a
    ```text block: what the example must print under `spike run`."""
    examples = []
    for path in sorted(DOCS.glob("*.md")):
        lines = path.read_text(encoding="utf-8").splitlines()
        blocks = fenced_blocks(path)
        for (kind, start, end, code), (next_kind, next_start, _, output) in zip(blocks, blocks[1:]):
            between = [line.strip() for line in lines[end:next_start - 1] if line.strip()]
            if kind == "spike" and next_kind == "text" and between == ["prints"]:
                examples.append((path.name, start, code, output))
    return examples


# The sections code and tests cite, by page: number → title.
CITED_SECTIONS = {
    "language.md": {1: "Lexical structure", 2: "Statements", 3: "Expressions, lowest precedence first",
                    4: "Values and how they show", 5: "Magics", 6: "Errors", 7: "Standard library"},
    "science.md": {1: "The LIF neuron", 2: "CPG-PE", 3: "Baseline encodings", 4: "Models",
                   5: "Tasks, data and metrics", 6: "Reference details", 7: "Statistics"},
    "architecture.md": {2: "Modules", 4: "Kernel behaviour that is not negotiable", 7: "Seams"},
}


class SectionTests(unittest.TestCase):
    def test_every_cited_section_keeps_its_number_and_title(self) -> None:
        for page, sections in CITED_SECTIONS.items():
            headings = re.findall(r"^## (\d+)\. (.+)$", (DOCS / page).read_text(encoding="utf-8"), re.MULTILINE)
            numbered = {int(number): title for number, title in headings}
            for number, title in sections.items():
                with self.subTest(section=f"{page} §{number}"):
                    self.assertIn(number, numbered, f"docs/{page} has no section {number}")
                    self.assertTrue(numbered[number].startswith(title),
                                    f"docs/{page} §{number} is '{numbered[number]}', cited as '{title}'")


CITATION = re.compile(r"(?<![\w.-])((?:[\w.-]+/)*[\w-]+\.md)((?:,? ?§\d+(?:[–-]\d+)?)*)")


# These handle the pages' file names as data (generating or checking docs/), not as citations.
NAMES_DOCS_AS_DATA = {"test_docs.py", "library_docs.py"}


class CitationTests(unittest.TestCase):
    def test_every_document_the_code_cites_is_in_the_repository_with_its_sections(self) -> None:
        root = DOCS.parent
        for folder in ("Sources", "Tests", "scripts", "bench", "python"):
            for path in sorted((root / folder).rglob("*")):
                if path.suffix not in {".swift", ".py", ".spk", ".c"} or not path.is_file():
                    continue
                # Virtual environments and build folders are not the repository's code.
                if any(part.startswith((".venv", ".build")) or part == "__pycache__" for part in path.parts):
                    continue
                if path.name in NAMES_DOCS_AS_DATA:
                    continue
                text = path.read_text(encoding="utf-8", errors="replace")
                for line_number, line in enumerate(text.splitlines(), 1):
                    for match in CITATION.finditer(line):
                        cited, sections = match.group(1), match.group(2)
                        where = f"{path.relative_to(root)}:{line_number}"
                        with self.subTest(citation=f"{where} {cited}{sections}"):
                            candidates = [folder / cited for folder in path.parents if root in folder.parents or folder == root]
                            target = next((c for c in candidates if c.is_file()), None)
                            self.assertIsNotNone(target, f"{where} cites {cited}, which is not in the repository")
                            if target is None or not sections:
                                continue
                            headings = {int(n) for n in re.findall(r"^## (\d+)\.", target.read_text(encoding="utf-8"), re.MULTILINE)}
                            for first, last in re.findall(r"§(\d+)(?:[–-](\d+))?", sections):
                                for number in range(int(first), int(last or first) + 1):
                                    self.assertIn(number, headings, f"{where} cites {cited} §{number}, which has no such section")


class LibraryReferenceTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls) -> None:
        cls.listed = listed_builtins()
        cls.documented = documented_builtins()

    def test_help_lists_the_library(self) -> None:
        self.assertGreater(len(self.listed), 50, "help() should list the whole library")

    def test_every_listed_builtin_is_documented_with_helps_signature(self) -> None:
        for name, signature in self.listed.items():
            with self.subTest(builtin=name):
                self.assertTrue(name in self.documented, f"{name} is missing from docs/library.md")
                self.assertEqual(self.documented[name], signature,
                                 f"docs/library.md gives {name} another signature than help()")

    def test_library_documents_no_builtin_help_does_not_list(self) -> None:
        self.assertEqual(sorted(set(self.documented) - set(self.listed)), [])


class DocumentationExampleTests(unittest.TestCase):
    def test_library_has_one_example_per_builtin_at_least(self) -> None:
        in_library = [block for block in code_blocks("spike") if block[0] == "library.md"]
        self.assertGreaterEqual(len(in_library), len(listed_builtins()))

    def test_every_spike_example_runs_without_error(self) -> None:
        blocks = code_blocks("spike")
        self.assertGreater(len(blocks), 0)
        for file, line, code in blocks:
            with self.subTest(example=f"docs/{file}:{line}"):
                result = run_spike(code)
                self.assertEqual(result.returncode, 0, f"docs/{file}:{line} failed:\n{code}\n{result.stderr}")
                if 'stream="stderr"' not in code:
                    self.assertEqual(result.stderr, "", f"docs/{file}:{line} wrote to stderr")

    def test_every_example_with_a_prints_block_prints_exactly_that(self) -> None:
        examples = examples_with_output()
        self.assertGreater(len(examples), 0)
        for file, line, code, output in examples:
            with self.subTest(example=f"docs/{file}:{line}"):
                result = run_spike(code)
                printed = "".join(text for text in result.stdout.splitlines(keepends=True)
                                  if not text.startswith("[saved "))
                self.assertEqual(printed, output, f"docs/{file}:{line} prints something else")

    def test_every_error_example_ends_with_the_error_it_names(self) -> None:
        for file, line, code in code_blocks("spike-error"):
            with self.subTest(example=f"docs/{file}:{line}"):
                expected = re.match(r"#\s*(\w+)", code)
                self.assertIsNotNone(expected, f"docs/{file}:{line}: the first line must be '# ErrorName ...'")
                result = run_spike(code)
                self.assertEqual(result.returncode, 1, f"docs/{file}:{line} should fail:\n{code}")
                self.assertTrue(result.stderr.startswith(expected.group(1) + " at "),
                                f"docs/{file}:{line}: expected {expected.group(1)}, got:\n{result.stderr}")


if __name__ == "__main__":
    unittest.main()
