#!/usr/bin/env python3
"""Generate the Jupyter wire test vectors for Tests/JupyterWireTests.

The oracle is Python: `hmac` + `hashlib.sha256` for signatures and
`jupyter_client.session.Session` for whole signed messages. Everything is deterministic
(fixed keys, ids and dates), so re-running the script reproduces the checked-in file.

Usage:
    python3 -m venv .venv-tools && .venv-tools/bin/pip install jupyter_client
    .venv-tools/bin/python scripts/wire_vectors.py > Tests/JupyterWireTests/Vectors/wire_vectors.json

Sections:
- signatures: key + parts (base64) → lowercase hex HMAC-SHA256 over the concatenated parts.
- messages:   frames (base64) serialized by Session.serialize, with the decoded fields expected.
- rejections: frames that must be refused, with the reason (a WireError case name).
- encodings:  a message as plain JSON objects, the compact sorted-key bytes
              (json.dumps(sort_keys=True, separators=(",", ":"), ensure_ascii=False)) of its
              four parts, and the signature over them — what the Swift encoder must produce.
"""
import base64
import hashlib
import hmac
import json
import sys

from jupyter_client.session import Session

KEY = "7d0f1c2e-3b4a-4c5d-9e8f-a1b2c3d4e5f6"
DELIM = b"<IDS|MSG>"


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def sign(key: str, parts) -> str:
    if not key:
        return ""
    mac = hmac.new(key.encode("utf8"), digestmod=hashlib.sha256)
    for part in parts:
        mac.update(part)
    return mac.hexdigest()


def header(msg_id, msg_type, session="5f0c6a4e-session", date="2026-01-01T12:00:00.123456Z", **extra):
    h = {"msg_id": msg_id, "msg_type": msg_type, "session": session, "username": "tester",
         "date": date, "version": "5.4"}
    h.update(extra)
    return h


def session_for(key: str) -> Session:
    return Session(key=key.encode("utf8"), signature_scheme="hmac-sha256", username="tester",
                   session="5f0c6a4e-session", check_pid=False)


def serialized(key, msg_type, content, parent=None, metadata=None, idents=(), buffers=(), msg_id="m-1",
               **header_extra):
    session = session_for(key)
    msg = session.msg(msg_type, content=content, parent=parent or {}, metadata=metadata or {},
                      header=header(msg_id, msg_type, **header_extra))
    frames = session.serialize(msg, ident=list(idents))
    frames = [f if isinstance(f, bytes) else bytes(f) for f in frames] + list(buffers)
    return msg, frames


def message_vector(name, key, msg_type, content, parent=None, metadata=None, idents=(), buffers=(), **extra):
    msg, frames = serialized(key, msg_type, content, parent, metadata, idents, buffers, **extra)
    return {
        "name": name, "key": key, "frames": [b64(f) for f in frames],
        "expect": {
            "identities": [b64(i) for i in idents], "header": msg["header"],
            "parent_header": msg["parent_header"], "metadata": msg["metadata"],
            "content": msg["content"], "buffers": [b64(b) for b in buffers],
        },
    }


def signature_vectors():
    cases = [
        (KEY, [b"{}", b"{}", b"{}", b"{}"]),
        (KEY, [b'{"msg_id":"a"}', b"{}", b'{"x":1}', "{\"text\":\"caf\u00e9 \u2192 \U0001F600\"}".encode("utf8")]),
        ("short", [b"hello", b"", b"world", b""]),
        ("k" * 100, [b"a" * 1000, b"b", b"c", b"d"]),
        ("x" * 64, [b"block-sized key", b"", b"", b""]),
        ("y" * 65, [b"key one byte past the block", b"", b"", b""]),
        ("\u00e9\u2192\U0001F600", [b"non-ASCII key: its UTF-8 bytes", b"{}", b"{}", b"{}"]),
        ("", [b"{}", b"{}", b"{}", b"{}"]),
    ]
    return [{"key": k, "parts": [b64(p) for p in parts], "signature": sign(k, parts)} for k, parts in cases]


def rejection_vectors():
    _, good = serialized(KEY, "execute_request", {"code": "1 + 1"}, idents=[b"client"])
    delim = good.index(DELIM)
    out = []

    tampered = list(good)
    tampered[delim + 5] = tampered[delim + 5].replace(b"1 + 1", b"2 + 2")
    out.append({"name": "content changed after signing", "key": KEY, "frames": tampered, "error": "badSignature"})

    _, other = serialized("another-key", "execute_request", {"code": "1 + 1"}, idents=[b"client"])
    out.append({"name": "signed with another key", "key": KEY, "frames": other, "error": "badSignature"})

    unsigned = list(good)
    unsigned[delim + 1] = b""
    out.append({"name": "unsigned while a key is set", "key": KEY, "frames": unsigned, "error": "badSignature"})

    upper = list(good)
    upper[delim + 1] = upper[delim + 1].upper()
    out.append({"name": "signature in upper case", "key": KEY, "frames": upper, "error": "badSignature"})

    out.append({"name": "no delimiter", "key": KEY, "frames": [f for f in good if f != DELIM], "error": "missingDelimiter"})
    out.append({"name": "truncated after the header", "key": KEY, "frames": good[: delim + 3], "error": "truncated"})
    out.append({"name": "nothing but identities", "key": KEY, "frames": [b"client"], "error": "missingDelimiter"})

    garbage = [b'{"msg_id": "x", "msg_type": "execute_request"', b"{}", b"{}", b"{}"]
    out.append({"name": "signed but not JSON", "key": KEY,
                "frames": [b"client", DELIM, sign(KEY, garbage).encode()] + garbage, "error": "invalidJSON"})

    array = [b'["not", "an", "object"]', b"{}", b"{}", b"{}"]
    out.append({"name": "header is an array", "key": KEY,
                "frames": [DELIM, sign(KEY, array).encode()] + array, "error": "notAnObject"})

    no_type = [b'{"msg_id": "x"}', b"{}", b"{}", b"{}"]
    out.append({"name": "header without msg_type", "key": KEY,
                "frames": [DELIM, sign(KEY, no_type).encode()] + no_type, "error": "invalidHeader"})

    for case in out:
        case["frames"] = [b64(f) for f in case["frames"]]
    return out


def encoding_vectors():
    cases = [
        {"identities": ["client-a", "proxy-b"],
         "header": header("reply-1", "execute_reply", session="kernel-session"),
         "parent_header": header("req-1", "execute_request"),
         "metadata": {},
         "content": {"status": "ok", "execution_count": 3, "payload": [], "user_expressions": {}}},
        {"identities": [],
         "header": header("out-1", "stream", session="kernel-session"),
         "parent_header": {},
         "metadata": {},
         "content": {"name": "stdout", "text": "caf\u00e9 \u2192 \U0001F600\nline \"two\"\t\\ end"}},
        {"identities": ["x"],
         "header": header("out-2", "display_data", session="kernel-session"),
         "parent_header": {},
         "metadata": {"nested": {"a": [1, 2.5, True, False, None]},
                      "floats": [1e-05, 1e20, 1e16, 100.0, -0.0, 0.1, 1.5e300, 123456789.123, -2.5e-300],
                      "ints": [0, -1, 9007199254740993, -9223372036854775808],
                      "control": "\x00\x01\x1f\x7f \u2028 \b\f", "keys": {"b": 1, "a": 2, "\u00e9": 3, "Z": 4, "\U0001F600": 5}},
         "content": {"data": {"text/plain": "a/b", "image/svg+xml": "<svg></svg>"}, "metadata": {},
                     "transient": {"display_id": "d1"}}},
    ]
    out = []
    for case in cases:
        parts = [json.dumps(case[k], sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf8")
                 for k in ("header", "parent_header", "metadata", "content")]
        out.append({**case, "key": KEY, "parts": [b64(p) for p in parts], "signature": sign(KEY, parts)})
    return out


def main():
    messages = [
        message_vector("execute request with two routing identities", KEY, "execute_request",
                       {"code": "x = 1\nprint(x)", "silent": False, "store_history": True,
                        "user_expressions": {"y": "x + 1"}, "allow_stdin": False, "stop_on_error": True},
                       idents=[b"\x00k\x8b\x45\x67", b"router-2"]),
        message_vector("kernel info request without identities", KEY, "kernel_info_request", {}),
        message_vector("complete request with an astral character", KEY, "complete_request",
                       {"code": "\U0001F600 = 1; \U0001F600", "cursor_pos": 8}, idents=[b"c"]),
        message_vector("reply with parent header and buffers", KEY, "comm_msg",
                       {"comm_id": "c1", "data": {"n": 1.5, "ok": True, "one": 1}},
                       parent=header("p-1", "comm_open"), metadata={"tag": "x"}, idents=[b"c"],
                       buffers=[b"\x00\x01\x02", b"raw"]),
        message_vector("header with an extra key", KEY, "execute_request", {"code": ""},
                       idents=[b"c"], subshell_id="sub-1"),
        message_vector("unsigned session with an empty key", "", "is_complete_request", {"code": "for"},
                       idents=[b"c"]),
    ]
    document = {
        "generator": "scripts/wire_vectors.py (jupyter_client.session.Session + hmac)",
        "signatures": signature_vectors(),
        "messages": messages,
        "rejections": rejection_vectors(),
        "encodings": encoding_vectors(),
    }
    json.dump(document, sys.stdout, indent=1, sort_keys=True, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
