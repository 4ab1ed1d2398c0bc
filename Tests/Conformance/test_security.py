"""Authentication and transport of `spike kernel`: the signing key, replays, CurveZMQ
encryption, the frame-size limit, port 0 and host names.

Each check runs the real binary: either started by jupyter_client (KernelManager, the way
Jupyter starts it) or by hand from a connection file the test writes, and talks to it over
pyzmq, signing (or forging) frames itself where jupyter_client would refuse to.
"""
from __future__ import annotations

import json
import os
import shutil
import socket
import stat
import subprocess
import tempfile
import time
import unittest
from pathlib import Path
from queue import Empty
from typing import Any

import zmq
from jupyter_client import BlockingKernelClient, KernelManager

from kernel_harness import TIMEOUT, RunningKernel
from raw_wire import DELIMITER, RawSocket, connect, message_parts, msg_id_of, zmtp_dealer, zmtp_frame
from spike_binary import spike_binary

QUIET = 1.5  # seconds of silence that count as "no answer"


def free_ports(count: int) -> list[int]:
    """`count` TCP ports on 127.0.0.1 that were free a moment ago."""
    sockets = []
    for _ in range(count):
        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        sockets.append(s)
    ports = [s.getsockname()[1] for s in sockets]
    for s in sockets:
        s.close()
    return ports


def connection(ip: str = "127.0.0.1", ports: list[int] | None = None, **fields: Any) -> dict[str, Any]:
    """A tcp connection file's fields; `fields` override or add (pass key=... to set the key)."""
    shell, iopub, stdin, control, hb = ports if ports is not None else free_ports(5)
    info: dict[str, Any] = {
        "transport": "tcp", "ip": ip, "shell_port": shell, "iopub_port": iopub,
        "stdin_port": stdin, "control_port": control, "hb_port": hb,
        "signature_scheme": "hmac-sha256", "kernel_name": "spike", "key": "security-test-key",
    }
    info.update(fields)
    return info


def kernel_info_parts() -> list[bytes]:
    return message_parts("kernel_info_request", {})


def execute_parts(code: str) -> list[bytes]:
    return message_parts("execute_request", {
        "code": code, "silent": False, "store_history": True, "user_expressions": {},
        "allow_stdin": False, "stop_on_error": True})


def answered(raw: RawSocket, msg_id: str, wait_s: float = TIMEOUT) -> bool:
    """Whether a reply to `msg_id` arrives on `raw` within `wait_s` seconds."""
    deadline = time.monotonic() + wait_s
    while time.monotonic() < deadline:
        if raw.replies_to(msg_id, 0.2):
            return True
    return False


def heartbeat_echoes(sock: zmq.Socket, wait_s: float) -> bool:
    """Whether a DEALER connected to the heartbeat gets a ping echoed within `wait_s` seconds."""
    deadline = time.monotonic() + wait_s
    while time.monotonic() < deadline:
        try:
            sock.send_multipart([b"", b"ping"], flags=zmq.NOBLOCK)
        except zmq.Again:  # no connection took the ping: the handshake was refused
            time.sleep(0.2)
            continue
        if sock.poll(200):
            return sock.recv_multipart()[-1] == b"ping"
    return False


class KernelProcess:
    """`spike kernel -f FILE` started by hand, FILE holding exactly the fields given."""

    def __init__(self, info: dict[str, Any], env: dict[str, str] | None = None) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="spike-security-"))
        self.path = self.folder / "kernel.json"
        self.path.write_text(json.dumps(info))
        self.path.chmod(0o600)
        self.stderr_path = self.folder / "stderr.log"
        with open(self.stderr_path, "wb") as stderr:
            self.process = subprocess.Popen(
                [str(spike_binary()), "kernel", "-f", str(self.path)], stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL, stderr=stderr, env={**os.environ, **(env or {})})

    def info(self) -> dict[str, Any]:
        return json.loads(self.path.read_text())

    def stderr(self) -> str:
        return self.stderr_path.read_text(errors="replace")

    def exit_status(self, timeout: float) -> int | None:
        try:
            return self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            return None

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        shutil.rmtree(self.folder, ignore_errors=True)


def memory_mib(pid: int, field: str = "VmRSS") -> float:
    """A memory figure of process `pid` from /proc (VmRSS: resident now; VmHWM: peak), in MiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / 1024
    raise AssertionError(f"no {field} for {pid}")


class _Sockets(unittest.TestCase):
    """A zmq context closed after the test, and kernels stopped after it."""

    def setUp(self) -> None:
        self.context = zmq.Context()
        self.addCleanup(self.context.destroy, linger=0)

    def start(self, info: dict[str, Any], env: dict[str, str] | None = None) -> KernelProcess:
        kernel = KernelProcess(info, env)
        self.addCleanup(kernel.stop)
        return kernel

    def wait_until_beating(self, kernel: KernelProcess, info: dict[str, Any]) -> None:
        hb = connect(self.context, zmq.DEALER, info, "hb_port")
        try:
            self.assertTrue(heartbeat_echoes(hb, TIMEOUT), f"no heartbeat; stderr: {kernel.stderr()}")
        finally:
            hb.close(linger=0)

    def raw(self, info: dict[str, Any], port_key: str = "shell_port", **kw: Any) -> RawSocket:
        raw = RawSocket(self.context, info, port_key, **kw)
        self.addCleanup(raw.close)
        return raw


class ConnectionKeyTests(_Sockets):
    def test_a_key_that_is_not_a_string_stops_the_kernel_with_a_clear_error(self) -> None:
        for key, kind in ((42, "a number"), (None, "null"), (["k"], "a list"), ({"k": 1}, "an object")):
            with self.subTest(key=key):
                kernel = self.start(connection(key=key))
                status = kernel.exit_status(TIMEOUT)
                self.assertIsNotNone(status, f"a kernel started with key {key!r}")
                self.assertGreater(status, 0)
                self.assertIn(f'"key" must be a string (the HMAC signing key), not {kind}', kernel.stderr())

    def test_a_missing_key_is_replaced_by_a_random_one_so_no_request_is_served(self) -> None:
        info = connection()
        del info["key"]
        kernel = self.start(info)
        self.wait_until_beating(kernel, info)
        raw = self.raw({**info, "key": ""})
        unsigned = kernel_info_parts()
        raw.send_frames([DELIMITER, b"", *unsigned])
        signed_empty = kernel_info_parts()
        raw.send_signed(signed_empty, key=b"")
        self.assertFalse(answered(raw, msg_id_of(unsigned), QUIET), "an unsigned request was served")
        self.assertFalse(answered(raw, msg_id_of(signed_empty), QUIET))
        self.assertIn('the connection file has no "key": using a random one', kernel.stderr())

    def test_an_empty_key_turns_signing_off_with_a_warning(self) -> None:
        info = connection(key="")
        kernel = self.start(info)
        self.wait_until_beating(kernel, info)
        raw = self.raw(info)
        unsigned = kernel_info_parts()
        raw.send_frames([DELIMITER, b"", *unsigned])
        self.assertTrue(answered(raw, msg_id_of(unsigned)))
        self.assertIn("message signing is off", kernel.stderr())

    def test_a_keyed_kernel_warns_about_nothing(self) -> None:
        info = connection()
        kernel = self.start(info)
        self.wait_until_beating(kernel, info)
        self.assertNotIn("warning", kernel.stderr())


class ReplayTests(_Sockets):
    @classmethod
    def setUpClass(cls) -> None:
        cls.rk = RunningKernel("spike")

    @classmethod
    def tearDownClass(cls) -> None:
        cls.rk.stop()

    def test_a_signed_request_sent_seven_times_runs_once(self) -> None:
        raw = self.raw(self.rk.km.get_connection_info())
        parts = execute_parts("replayed = 1")
        for _ in range(7):
            raw.send_signed(parts)
        replies = raw.replies_to(msg_id_of(parts), 3.0)
        self.assertEqual([r["header"]["msg_type"] for r in replies], ["execute_reply"])
        self.assertIn("replayed message", self.rk.stderr_text())

    def test_a_request_replayed_on_another_channel_is_dropped_too(self) -> None:
        info = self.rk.km.get_connection_info()
        shell, control = self.raw(info), self.raw(info, "control_port")
        parts = kernel_info_parts()
        shell.send_signed(parts)
        self.assertTrue(answered(shell, msg_id_of(parts)))
        control.send_signed(parts)
        self.assertFalse(answered(control, msg_id_of(parts), QUIET))
        fresh = kernel_info_parts()
        control.send_signed(fresh)
        self.assertTrue(answered(control, msg_id_of(fresh)), "the kernel stops serving after a replay")


class CurveEncryptionTests(_Sockets):
    """jupyter_client provisions CurveZMQ keys (transport_encryption="required") because the
    kernelspec declares `"supported_encryption": ["curve"]`."""

    @classmethod
    def setUpClass(cls) -> None:
        cls.stderr = tempfile.TemporaryFile()
        cls.km = KernelManager(kernel_name="spike", transport_encryption="required")
        cls.km.start_kernel(stderr=cls.stderr)
        cls.kc = cls.km.client()
        cls.kc.start_channels()
        cls.kc.wait_for_ready(timeout=60)
        cls.info = cls.km.get_connection_info()

    @classmethod
    def tearDownClass(cls) -> None:
        cls.kc.stop_channels()
        cls.km.shutdown_kernel(now=False)
        cls.stderr.close()

    def server_key(self) -> bytes:
        key = self.info["curve_publickey"]
        return key if isinstance(key, bytes) else key.encode()

    def run_cell(self, code: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        msg_id = self.kc.execute(code)
        reply = self.kc.get_shell_msg(timeout=TIMEOUT)
        self.assertEqual(reply["parent_header"]["msg_id"], msg_id)
        iopub = []
        while True:
            msg = self.kc.get_iopub_msg(timeout=TIMEOUT)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            iopub.append(msg)
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                return reply, iopub

    def test_the_connection_file_carries_curve_keys(self) -> None:
        self.assertEqual(len(self.server_key()), 40)

    def test_cells_run_with_their_outputs_over_encrypted_shell_iopub_and_control(self) -> None:
        reply, iopub = self.run_cell("1 + 1")
        self.assertEqual(reply["content"]["status"], "ok")
        results = [m["content"]["data"]["text/plain"] for m in iopub if m["msg_type"] == "execute_result"]
        self.assertEqual(results, ["2"])
        request = self.kc.session.msg("kernel_info_request", {})
        self.kc.control_channel.send(request)
        control_reply = self.kc.get_control_msg(timeout=TIMEOUT)
        self.assertEqual(control_reply["parent_header"]["msg_id"], request["header"]["msg_id"])
        self.assertTrue(self.kc.is_alive())

    def test_the_heartbeat_echoes_to_a_client_with_the_server_key(self) -> None:
        hb = connect(self.context, zmq.DEALER, self.info, "hb_port", curve_serverkey=self.server_key())
        self.assertTrue(heartbeat_echoes(hb, TIMEOUT))

    def test_a_client_without_the_server_key_gets_nothing_on_any_channel(self) -> None:
        _, wrong_key = zmq.curve_keypair()
        while_ignored = []
        for port_key in ("shell_port", "control_port"):
            for server_key in (None, zmq.curve_keypair()[0]):
                raw = self.raw(self.info, port_key, curve_serverkey=server_key)
                parts = kernel_info_parts()
                raw.send_signed(parts)
                while_ignored.append((raw, msg_id_of(parts), port_key, server_key))
        subscribers = []
        for server_key in (None, zmq.curve_keypair()[0]):
            sub = connect(self.context, zmq.SUB, self.info, "iopub_port", curve_serverkey=server_key)
            sub.setsockopt(zmq.SUBSCRIBE, b"")
            subscribers.append(sub)
        plain_hb = connect(self.context, zmq.DEALER, self.info, "hb_port")
        time.sleep(0.3)  # let the subscriptions reach the kernel, were they accepted
        self.run_cell("print(\"secret output\")")
        for raw, msg_id, port_key, server_key in while_ignored:
            self.assertFalse(answered(raw, msg_id, 0.3), f"{port_key} answered a client with key {server_key}")
        for sub in subscribers:
            self.assertEqual(sub.poll(int(QUIET * 1000)), 0, "IOPub reached a client without the key")
        self.assertFalse(heartbeat_echoes(plain_hb, QUIET))
        plain_hb.close(linger=0)
        for sub in subscribers:
            sub.close(linger=0)


class MessageSizeTests(_Sockets):
    def test_an_oversized_frame_from_an_unauthenticated_peer_drops_it_unread(self) -> None:
        info = connection()
        kernel = self.start(info)
        self.wait_until_beating(kernel, info)
        peak_before = memory_mib(kernel.process.pid, "VmHWM")
        peer = connect(self.context, zmq.DEALER, info, "shell_port")
        monitor = peer.get_monitor_socket(zmq.EVENT_DISCONNECTED)
        self.addCleanup(monitor.close, linger=0)
        self.addCleanup(peer.close, linger=0)
        peer.send(b"x" * (100 << 20))  # 100 MiB, above the default 32 MiB limit
        self.assertTrue(monitor.poll(int(TIMEOUT * 1000)), "the kernel kept the connection")
        growth_mib = memory_mib(kernel.process.pid, "VmHWM") - peak_before
        print(f"peak memory growth while a 100 MiB frame was refused: {growth_mib:.1f} MiB")
        self.assertLess(growth_mib, 32, "the kernel buffered the frame")
        raw = self.raw(info)
        parts = kernel_info_parts()
        raw.send_signed(parts)
        self.assertTrue(answered(raw, msg_id_of(parts)), "the kernel stopped serving")

    def test_an_unfinished_message_of_many_frames_is_given_back_when_its_peer_leaves(self) -> None:
        """The limit is per frame: a peer speaking raw ZMTP can send one message of many frames
        under it, which libzmq holds until the message ends. Once the peer is gone, the memory
        goes back to the system — all but what glibc keeps at the top of a thread's heap (its
        trim threshold, at most 64 MiB). Only CURVE keeps such a peer out altogether."""
        info = connection()
        kernel = self.start(info)
        self.wait_until_beating(kernel, info)
        baseline = memory_mib(kernel.process.pid)
        peer = zmtp_dealer(info["ip"], info["shell_port"])
        frame = zmtp_frame(b"x" * (1 << 20), more=True)
        for _ in range(200):
            peer.sendall(frame)
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline and memory_mib(kernel.process.pid) - baseline < 190:
            time.sleep(0.1)
        held = memory_mib(kernel.process.pid) - baseline
        peer.close()
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline and memory_mib(kernel.process.pid) - baseline > held / 2:
            time.sleep(0.1)
        kept = memory_mib(kernel.process.pid) - baseline
        print(f"unfinished 200 x 1 MiB message: {held:.0f} MiB held, {kept:.0f} MiB kept after the peer left")
        self.assertLess(kept, held / 2, "memory kept after the peer left")
        raw = self.raw(info)
        parts = kernel_info_parts()
        raw.send_signed(parts)
        self.assertTrue(answered(raw, msg_id_of(parts)), "the kernel stopped serving")

    def test_the_limit_is_configurable_and_a_frame_within_it_is_served(self) -> None:
        info = connection()
        kernel = self.start(info, env={"SPIKE_MAX_MESSAGE_BYTES": str(64 << 10)})
        self.wait_until_beating(kernel, info)
        raw = self.raw(info)
        within = execute_parts("x = \"" + "a" * (32 << 10) + "\"")
        raw.send_signed(within)
        self.assertTrue(answered(raw, msg_id_of(within)))
        beyond = execute_parts("y = \"" + "a" * (64 << 10) + "\"")
        raw.send_signed(beyond)
        self.assertFalse(answered(raw, msg_id_of(beyond), QUIET))

    def test_a_bad_limit_in_the_environment_is_reported(self) -> None:
        kernel = self.start(connection(), env={"SPIKE_MAX_MESSAGE_BYTES": "lots"})
        self.assertGreater(kernel.exit_status(TIMEOUT) or 0, 0)
        self.assertIn('$SPIKE_MAX_MESSAGE_BYTES must be a positive whole number, not "lots"', kernel.stderr())


class StalledSubscriberTests(_Sockets):
    """An IOPub subscriber that stops reading costs the kernel at most the send-queue limit of
    messages (here 1000 of ~20 KB), and nothing once it leaves."""

    def test_a_stalled_subscriber_is_bounded_and_its_memory_given_back_when_it_leaves(self) -> None:
        info = connection()
        kernel = self.start(info, env={"SPIKE_SEND_QUEUE_LIMIT": "1000"})
        self.wait_until_beating(kernel, info)
        kc = BlockingKernelClient()
        kc.load_connection_info(info)
        kc.start_channels(iopub=False, stdin=False)  # a subscriber that never reads would stall too
        self.addCleanup(kc.stop_channels)
        self.assertEqual(kc.kernel_info(reply=True, timeout=TIMEOUT)["content"]["status"], "ok")
        stalled = connect(self.context, zmq.SUB, info, "iopub_port")
        stalled.rcvhwm = 1
        stalled.setsockopt(zmq.SUBSCRIBE, b"")
        self.assertTrue(stalled.poll(int(TIMEOUT * 1000)), "no iopub_welcome")
        stalled.recv_multipart()  # the welcome; from here on it reads nothing
        baseline = memory_mib(kernel.process.pid)
        # 5000 outputs of 20 KB: 100 MB that an unbounded queue would hold for `stalled`.
        kc.execute('s = "' + "a" * 20_000 + '"\nfor i in 0..5000 { display(s) }')
        reply = kc.get_shell_msg(timeout=120)
        self.assertEqual(reply["content"]["status"], "ok")
        held = memory_mib(kernel.process.pid) - baseline
        print(f"held for a stalled subscriber: {held:.1f} MiB")
        self.assertLess(held, 50, f"{held:.0f} MiB held for a stalled subscriber")
        stalled.close(linger=0)
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline and memory_mib(kernel.process.pid) - baseline > 10:
            time.sleep(0.1)
        kept = memory_mib(kernel.process.pid) - baseline
        print(f"kept after it left: {kept:.1f} MiB")
        self.assertLess(kept, 10, "memory kept after the subscriber left")


class DocumentedLimitsTests(unittest.TestCase):
    def test_kernel_help_documents_the_limits_and_their_variables(self) -> None:
        done = subprocess.run([str(spike_binary()), "kernel", "--help"], capture_output=True, text=True,
                              timeout=TIMEOUT)
        self.assertEqual(done.returncode, 0, done.stderr)
        text = " ".join(done.stdout.split())
        for needle in ("--max-message-bytes", "default 33554432", "$SPIKE_MAX_MESSAGE_BYTES",
                       "--send-queue-limit", "default 100000", "$SPIKE_SEND_QUEUE_LIMIT", "curve_secretkey"):
            self.assertIn(needle, text)


class PortsAndHostsTests(_Sockets):
    def client(self, path: Path) -> BlockingKernelClient:
        kc = BlockingKernelClient(connection_file=str(path))
        kc.load_connection_file()
        kc.start_channels()
        self.addCleanup(kc.stop_channels)
        kc.wait_for_ready(timeout=60)
        return kc

    def test_port_zero_binds_free_ports_written_back_into_the_file(self) -> None:
        info = connection(ports=[0, 0, 0, 0, 0], extra_field="kept")
        kernel = self.start(info)
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline and kernel.info()["hb_port"] == 0:
            time.sleep(0.05)
        written = kernel.info()
        ports = [written[f"{name}_port"] for name in ("shell", "iopub", "stdin", "control", "hb")]
        self.assertTrue(all(port > 0 for port in ports), f"{written}; stderr: {kernel.stderr()}")
        self.assertEqual(len(set(ports)), 5)
        self.assertEqual({k: v for k, v in written.items() if not k.endswith("_port")},
                         {k: v for k, v in info.items() if not k.endswith("_port")})
        self.assertEqual(stat.S_IMODE(kernel.path.stat().st_mode), 0o600, "the file holds the key")
        kc = self.client(kernel.path)
        self.assertTrue(kc.is_alive())
        self.assertEqual(kc.kernel_info(reply=True, timeout=TIMEOUT)["content"]["status"], "ok")

    def test_ipc_port_zero_takes_the_first_free_numbered_path(self) -> None:
        folder = Path(tempfile.mkdtemp(prefix="spike-ipc-"))
        self.addCleanup(shutil.rmtree, folder, ignore_errors=True)
        (folder / "k-1").touch()  # taken: the kernel must skip it
        info = connection(ip=str(folder / "k"), ports=[0, 0, 0, 0, 0], transport="ipc")
        kernel = self.start(info)
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline and kernel.info()["hb_port"] == 0:
            time.sleep(0.05)
        written = kernel.info()
        self.assertEqual(sorted(written[f"{name}_port"] for name in ("shell", "iopub", "stdin", "control", "hb")),
                         [2, 3, 4, 5, 6], kernel.stderr())
        self.wait_until_beating(kernel, written)
        raw = self.raw(written)
        parts = kernel_info_parts()
        raw.send_signed(parts)
        self.assertTrue(answered(raw, msg_id_of(parts)))

    def test_localhost_is_resolved_and_served(self) -> None:
        kernel = self.start(connection(ip="localhost"))
        kc = self.client(kernel.path)
        msg_id = kc.execute("1 + 1")
        reply = kc.get_shell_msg(timeout=TIMEOUT)
        self.assertEqual((reply["parent_header"]["msg_id"], reply["content"]["status"]), (msg_id, "ok"))

    def test_the_ipv6_loopback_is_served(self) -> None:
        try:
            probe = socket.socket(socket.AF_INET6)
            probe.bind(("::1", 0))
            probe.close()
        except OSError:
            self.skipTest("no IPv6 loopback on this machine")
        info = connection(ip="::1", ports=free_ports(5))
        kernel = self.start(info)
        self.wait_until_beating(kernel, info)
        raw = self.raw(info)
        parts = kernel_info_parts()
        raw.send_signed(parts)
        self.assertTrue(answered(raw, msg_id_of(parts)), kernel.stderr())


if __name__ == "__main__":
    unittest.main()
