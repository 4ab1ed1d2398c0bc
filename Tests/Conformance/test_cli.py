"""The `spike` command line as a user meets it: --version, --help, install, run, kernel errors."""
from __future__ import annotations

import shutil
import struct
import subprocess
import tempfile
import unittest
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from jupyter_client.kernelspec import KernelSpecManager

from spike_binary import REPO_ROOT, spike_binary

TIMEOUT = 60


def spike(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(spike_binary()), *args], capture_output=True, text=True,
                          timeout=TIMEOUT, cwd=cwd, stdin=subprocess.DEVNULL)


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", data[16:24])


def parse_errors(stderr: str) -> list[str]:
    """Signs that the command line itself was not understood (so a failure proves nothing)."""
    return [sign for sign in ("Unexpected argument", "Unknown option", "Missing expected argument")
            if sign in stderr]


class CommandLineTests(unittest.TestCase):
    def assert_fails_cleanly(self, done: subprocess.CompletedProcess[str], mentions: str) -> None:
        """An error exit (not a crash, not a usage error) whose message names `mentions`."""
        self.assertGreater(done.returncode, 0, f"expected an error exit, got {done.returncode}")
        self.assertEqual(parse_errors(done.stderr), [], done.stderr)
        self.assertIn(mentions, done.stderr + done.stdout)

    def setUp(self) -> None:
        self.tmp = Path(tempfile.mkdtemp(prefix="spike-cli-"))
        self.addCleanup(shutil.rmtree, self.tmp, ignore_errors=True)

    def test_version_is_printed(self) -> None:
        done = spike("--version")
        self.assertEqual(done.returncode, 0, done.stderr)
        self.assertRegex(done.stdout.strip(), r"\d+\.\d+")

    def test_help_lists_every_subcommand(self) -> None:
        done = spike("--help")
        self.assertEqual(done.returncode, 0, done.stderr)
        for sub in ("kernel", "stdio", "install", "run", "sweep", "bench"):
            self.assertIn(sub, done.stdout)

    def test_install_prefix_writes_a_kernelspec_jupyter_can_load(self) -> None:
        for attempt in ("first", "again, over the first"):
            with self.subTest(install=attempt):
                done = spike("install", "--prefix", str(self.tmp))
                self.assertEqual(done.returncode, 0, done.stderr)
        kernels = self.tmp / "share" / "jupyter" / "kernels"
        spec = KernelSpecManager(kernel_dirs=[str(kernels)]).get_kernel_spec("spike")
        self.assertEqual(spec.argv, [str(spike_binary()), "kernel", "-f", "{connection_file}"])
        self.assertEqual(spec.language, "spike")
        self.assertEqual(spec.display_name, "Spike")
        self.assertEqual(spec.interrupt_mode, "message")
        folder = kernels / "spike"
        self.assertEqual(png_size(folder / "logo-32x32.png"), (32, 32))
        self.assertEqual(png_size(folder / "logo-64x64.png"), (64, 64))
        self.assertTrue(ElementTree.parse(folder / "logo-svg.svg").getroot().tag.endswith("svg"))

    def test_install_rejects_two_destinations(self) -> None:
        done = spike("install", "--user", "--prefix", str(self.tmp))
        self.assert_fails_cleanly(done, "--prefix")
        self.assertFalse((self.tmp / "share").exists())

    def test_run_writes_text_to_stdout_and_figures_and_tables_to_files(self) -> None:
        script = self.tmp / "demo.spk"
        script.write_text('print("hello from run")\n'
                          "display(raster(encode(cpg(pairs=2), length=16)))\n"
                          "table([{a: 1, b: 2}])\n")
        out = self.tmp / "out"
        done = spike("run", str(script), "--out", str(out))
        self.assertEqual(done.returncode, 0, done.stderr)
        self.assertIn("hello from run", done.stdout)
        svgs = sorted(out.glob("**/*.svg"))
        htmls = sorted(out.glob("**/*.html"))
        self.assertTrue(svgs, f"no SVG written; out has {sorted(out.glob('**/*'))}")
        self.assertTrue(htmls, f"no HTML written; out has {sorted(out.glob('**/*'))}")
        for svg in svgs:
            self.assertTrue(ElementTree.parse(svg).getroot().tag.endswith("svg"))
        self.assertIn("<table", htmls[0].read_text())

    def test_run_reports_an_error_with_its_line_and_fails(self) -> None:
        script = self.tmp / "broken.spk"
        script.write_text("a = 1\nb = a + not_defined_here\n")
        done = spike("run", str(script))
        self.assert_fails_cleanly(done, "NameError")
        self.assertIn("b = a + not_defined_here", done.stderr)

    def test_run_of_a_missing_file_fails_cleanly(self) -> None:
        done = spike("run", str(self.tmp / "nope.spk"))
        self.assert_fails_cleanly(done, "nope.spk")

    def test_kernel_with_a_missing_connection_file_fails_cleanly(self) -> None:
        done = spike("kernel", "-f", str(self.tmp / "missing.json"))
        self.assert_fails_cleanly(done, "missing.json")

    def test_kernel_with_a_malformed_connection_file_fails_cleanly(self) -> None:
        bad = self.tmp / "bad.json"
        bad.write_text('{"transport": "tcp", "ip": ')
        done = spike("kernel", "-f", str(bad))
        self.assert_fails_cleanly(done, "bad.json")

    def test_the_kernelspec_template_names_the_spike_language(self) -> None:
        spec = KernelSpecManager(kernel_dirs=[str(REPO_ROOT / "kernelspec")]).get_kernel_spec("spike")
        self.assertEqual(spec.argv[1:], ["kernel", "-f", "{connection_file}"])
        self.assertEqual(spec.interrupt_mode, "message")


if __name__ == "__main__":
    unittest.main()
