"""Code snippets the protocol tests send, one set per kernel language.

The protocol tests (test_protocol_extra.py, the extra checks in
test_conformance.py) are written once against a `Dialect`: the Spike dialect
is what `make test` runs; the Python dialect runs the same checks against
ipykernel (`make harness-selfcheck`) so a failure can be told apart from a
bug in the harness itself.

Every Spike snippet uses docs/language.md (the contract) plus the standard
library's display helpers for protocol features the contract does not spell
out (`display(value, id=)`, `update_display`, `clear_output`, `print(...,
stream="stderr")`).
"""
from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Dialect:
    """What to send to a kernel to provoke each protocol behaviour."""

    kernel_name: str
    language_name: str
    file_extension: str
    # binds `name` to the integer `value`
    assign: str  # format with name=, value=
    # an expression whose text/plain result is `str(value + 1)`
    increment: str  # format with name=
    # a cell that runs long (seconds) and polls for interrupts
    long_loop: str
    # a cell that spends a little time, then fails at run time (so queued requests wait
    # behind it), and the error's name
    slow_then_error: str
    runtime_error_ename: str
    # the error name a kernel reports for an unbound name, and a snippet provoking it
    name_error: str
    unbound_name_code: str
    # prints `text` to stdout
    print_text: str  # format with text=
    # publishes display_data with display_id `ident`, then update_display_data with the same id
    display_then_update: str  # format with ident=
    # binds a value `t` that has a member `member_prefix...` for member completion
    member_setup: str
    member_prefix: str
    member_expected: str
    # a call prefix whose completion includes the named argument `named_expected`
    named_arg_prefix: str
    named_expected: str
    # a builtin prefix and its unique completion
    builtin_prefix: str
    builtin_expected: str
    # inspect (Shift-Tab) after an open call: the text/plain must mention `inspect_contains`
    inspect_code: str
    inspect_contains: str
    # prints 0..count-1, one per line
    print_many: str  # format with count=
    # the ename an interrupted cell reports
    interrupted_ename: str
    # an expression whose text/plain is "true"/"True" when `x` >= 0 (x bound by long_loop,
    # before its loop: an interrupt right after execute_input stops the loop, not the binding)
    loop_variable_check: str
    true_text: str
    # cells that must fail (or succeed) without hurting the kernel: depth, size, recursion,
    # non-finite numbers, control characters
    hostile_code: tuple[str, ...] = ()
    # protocol behaviours the kernel claims (ipykernel differs from the Spike contract here)
    # header.version the kernel must put on its messages (None: any 5.x >= 5.3)
    header_version: str | None = None
    silent_suppresses_streams: bool = True
    unknown_request_gets_error_reply: bool = True
    # a request whose content has wrong types or ranges still gets a reply
    replies_to_malformed_content: bool = True
    idle_brackets_control_requests: bool = True
    # shutdown_request mid-cell ends the process without an interrupt first
    exits_mid_cell_on_shutdown: bool = True
    # a burst of 10000 quick cells gets every reply, result and idle (nothing dropped at zmq's
    # high-water marks when the client falls behind)
    survives_large_bursts: bool = True


SPIKE = Dialect(
    kernel_name=os.environ.get("SPIKE_KERNEL_NAME", "spike"),
    language_name="spike",
    file_extension=".spk",
    assign="{name} = {value}",
    increment="{name} + 1",
    long_loop="x = 0\nfor i in 0..1000000000 { x = i }",
    slow_then_error='for i in 0..300000 { warmup = i }\nwarmup + "text"',
    runtime_error_ename="TypeError",
    name_error="NameError",
    unbound_name_code="never_bound_anywhere + 1",
    print_text='print("{text}")',
    display_then_update='display(1, id="{ident}")\nupdate_display(2, id="{ident}")',
    member_setup="t = tensor([[1, 2], [3, 4]])",
    member_prefix="t.sh",
    member_expected="shape",
    named_arg_prefix="lif(ta",
    named_expected="tau",
    builtin_prefix="simul",
    builtin_expected="simulate",
    inspect_code="lif(",
    inspect_contains="tau",
    print_many="for i in 0..{count} {{ print(i) }}",
    interrupted_ename="Interrupted",
    loop_variable_check="x >= 0",
    true_text="true",
    header_version="5.5",
    hostile_code=(
        "(" * 50_000 + "1" + ")" * 50_000,
        "[" * 50_000 + "]" * 50_000,
        "{" * 100_000,
        "1" + " + 1" * 100_000,
        "1e999999 - 1e999999",
        "0/0",
        "len(0..1e300)",
        "fn f(x) = f(x + 1)\nf(0)",
        "fn g(n) = if n == 0 { 0 } else { 1 + g(n - 1) }\ng(1000000)",
        "zeros([100000, 100000, 100000])",
        'x = "\x00\x1b[2J\x07"',
        "\x1b[2J\x07",
        "[1, 2, 3][-10]",
        "[1, 2, 3][1.5]",
        '"\\u{110000}"',
        '"\\u{d800}"',
        "lif(tau=0)",
        "lif(tau=-1, threshold=1e308)",
        "simulate(lif(), input=1e308, steps=5)",
        "encode(cpg(pairs=0), length=8)",
        "encode(cpg(pairs=5), length=-1)",
        "raster(zeros([0, 0]))",
        "table([])",
        "plot([])",
        "%seed -1",
        "%nosuchmagic",
        "%",
        "",
        "   \n\t\n",
    ),
)

PYTHON = Dialect(
    kernel_name="python3",
    language_name="python",
    file_extension=".py",
    assign="{name} = {value}",
    increment="{name} + 1",
    long_loop="import time\nx = 0\nfor i in range(10**9):\n    x = i\n    time.sleep(0.001)",
    slow_then_error='import time; time.sleep(0.2)\n1 + "text"',
    runtime_error_ename="TypeError",
    name_error="NameError",
    unbound_name_code="never_bound_anywhere + 1",
    print_text='print("{text}")',
    display_then_update=(
        "from IPython.display import display\n"
        'h = display(1, display_id="{ident}")\n'
        "h.update(2)"
    ),
    member_setup="t = [1, 2]",
    member_prefix="t.app",
    member_expected="append",
    named_arg_prefix="sorted([1], rev",
    named_expected="reverse",
    builtin_prefix="isinst",
    builtin_expected="isinstance",
    inspect_code="sorted(",
    inspect_contains="reverse",
    print_many="for i in range({count}):\n    print(i)",
    interrupted_ename="KeyboardInterrupt",
    loop_variable_check="x >= 0",
    true_text="True",
    silent_suppresses_streams=False,
    unknown_request_gets_error_reply=False,
    replies_to_malformed_content=False,
    exits_mid_cell_on_shutdown=False,
    survives_large_bursts=False,  # ipykernel 7.4: 66 replies and ~2000 results of 10000, then silence
)
