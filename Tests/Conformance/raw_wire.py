"""Hand-built Jupyter wire frames over raw pyzmq sockets.

jupyter_client always signs correctly; to check that a kernel drops forged,
unsigned, truncated and non-JSON messages (and keeps serving afterwards) the
tests build frames themselves with the connection file's key.
"""
from __future__ import annotations

import hashlib
import hmac
import json
import uuid
from datetime import datetime, timezone
from typing import Any

import zmq

DELIMITER = b"<IDS|MSG>"


def sign(key: bytes, parts: list[bytes]) -> bytes:
    """Lower-case hex HMAC-SHA256 over the four JSON frames, as the protocol signs them."""
    mac = hmac.new(key, digestmod=hashlib.sha256)
    for part in parts:
        mac.update(part)
    return mac.hexdigest().encode("ascii")


def message_parts(msg_type: str, content: dict[str, Any]) -> list[bytes]:
    """header, parent_header, metadata, content as JSON bytes for a fresh request."""
    header = {
        "msg_id": uuid.uuid4().hex,
        "session": uuid.uuid4().hex,
        "username": "raw-wire-test",
        "date": datetime.now(timezone.utc).isoformat(),
        "msg_type": msg_type,
        "version": "5.4",
    }
    return [json.dumps(x).encode() for x in (header, {}, {}, content)]


def msg_id_of(parts: list[bytes]) -> str:
    return json.loads(parts[0])["msg_id"]


def address(connection: dict[str, Any], port_key: str) -> str:
    """The endpoint of one of the kernel's ports, e.g. tcp://127.0.0.1:5555 or tcp://[::1]:5555."""
    transport, ip, port = connection["transport"], connection["ip"], connection[port_key]
    if transport != "tcp":
        return f"ipc://{ip}-{port}"
    return f"tcp://[{ip}]:{port}" if ":" in ip else f"tcp://{ip}:{port}"


SEND_TIMEOUT_MS = 5000


def connect(context: zmq.Context, kind: int, connection: dict[str, Any], port_key: str,
            curve_serverkey: bytes | None = None) -> zmq.Socket:
    """A socket of `kind` connected to a kernel port (IPv6 enabled for an IPv6 address; a CURVE
    client with a fresh key pair when `curve_serverkey` is given)."""
    socket = context.socket(kind)
    socket.linger = 0
    # A DEALER whose only connection failed its handshake has no pipe left, and a blocking send
    # would then wait forever; give up after SEND_TIMEOUT_MS instead (zmq.Again).
    socket.sndtimeo = SEND_TIMEOUT_MS
    if ":" in connection["ip"]:
        socket.ipv6 = True
    if curve_serverkey is not None:
        socket.curve_publickey, socket.curve_secretkey = zmq.curve_keypair()
        socket.curve_serverkey = curve_serverkey
    socket.connect(address(connection, port_key))
    return socket


class RawSocket:
    """A DEALER connected to one of the kernel's ROUTER ports."""

    def __init__(self, context: zmq.Context, connection: dict[str, Any], port_key: str,
                 curve_serverkey: bytes | None = None) -> None:
        key = connection.get("key", b"")
        self.key: bytes = key if isinstance(key, bytes) else str(key).encode()
        self.socket = connect(context, zmq.DEALER, connection, port_key, curve_serverkey)

    def close(self) -> None:
        self.socket.close(linger=0)

    def send_frames(self, frames: list[bytes]) -> None:
        self.socket.send_multipart(frames)

    def send_signed(self, parts: list[bytes], key: bytes | None = None) -> None:
        self.send_frames([DELIMITER, sign(self.key if key is None else key, parts), *parts])

    def receive_all(self, wait_s: float) -> list[list[bytes]]:
        """Every multipart message that arrives within `wait_s` seconds."""
        got = []
        poller = zmq.Poller()
        poller.register(self.socket, zmq.POLLIN)
        remaining_ms = int(wait_s * 1000)
        while remaining_ms > 0 and poller.poll(remaining_ms):
            got.append(self.socket.recv_multipart())
            remaining_ms = 50  # keep draining what is already queued
        return got

    def replies_to(self, msg_id: str, wait_s: float) -> list[dict[str, Any]]:
        """Decoded headers+content of replies whose parent is `msg_id`."""
        found = []
        for frames in self.receive_all(wait_s):
            if DELIMITER not in frames:
                continue
            at = frames.index(DELIMITER)
            signature, header, parent, metadata, content = frames[at + 1:at + 6]
            expected = sign(self.key, [header, parent, metadata, content]) if self.key else b""
            assert signature == expected, \
                "kernel reply carries a wrong signature"
            if json.loads(parent).get("msg_id") == msg_id:
                found.append({"header": json.loads(header), "content": json.loads(content)})
        return found


def zmtp_dealer(ip: str, port: int) -> "socket.socket":
    """A plain TCP connection that has done the ZMTP 3.0 NULL handshake as a DEALER, for sending
    frames libzmq itself would not send (e.g. an unfinished message of many frames)."""
    import socket
    import struct

    peer = socket.create_connection((ip, port))
    greeting = b"\xff" + b"\0" * 8 + b"\x7f" + b"\x03\x00" + b"NULL".ljust(20, b"\0") + b"\0" * 32
    peer.sendall(greeting)
    received = b""
    while len(received) < len(greeting):
        chunk = peer.recv(len(greeting) - len(received))
        if not chunk:
            raise ConnectionError("the peer closed during the ZMTP greeting")
        received += chunk
    ready = b"\x05READY" + b"\x0bSocket-Type" + struct.pack(">I", 6) + b"DEALER"
    peer.sendall(b"\x04" + bytes([len(ready)]) + ready)
    return peer


def zmtp_frame(body: bytes, more: bool) -> bytes:
    """One ZMTP 3.0 frame in long form (flags, 8-byte size, body)."""
    import struct

    return bytes([0x02 | (0x01 if more else 0)]) + struct.pack(">Q", len(body)) + body
