import Foundation

/// The contents of a Jupyter connection file: where to bind the five sockets and how to sign.
///
///     {"transport": "tcp", "ip": "127.0.0.1", "shell_port": 53794, "iopub_port": 53795,
///      "stdin_port": 53796, "control_port": 53797, "hb_port": 53798,
///      "key": "a0436f6c-…", "signature_scheme": "hmac-sha256", "kernel_name": "spike",
///      "curve_publickey": "…40 Z85 characters…", "curve_secretkey": "…"}
///
/// For `tcp` an address is `tcp://IP:PORT` (`tcp://[IP]:PORT` for an IPv6 address); for `ipc`
/// the `ip` is a path prefix and the address is `ipc://IP-PORT` (jupyter_client `connect.py`).
/// Parsing and its errors: `ConnectionInfo+JSON.swift`, ``ConnectionFileError``.
public struct ConnectionInfo: Equatable, Sendable {
    /// How sockets are addressed.
    public enum Transport: String, Equatable, Sendable {
        case tcp, ipc
    }

    /// Where the HMAC key came from.
    public enum KeyOrigin: Equatable, Sendable {
        /// The connection file's `key` (possibly empty: no signing).
        case file
        /// The file had no `key`: a random one was generated, as ipykernel does, so that no
        /// request (signed with a key nobody knows, or unsigned) is ever accepted.
        case generated
    }

    /// A CurveZMQ server key pair in Z85 text (40 characters each), from the connection file's
    /// `curve_publickey` and `curve_secretkey` (jupyter_client writes both when it provisions
    /// transport encryption). The kernel is the CURVE server on every socket: a client must
    /// know the public key to connect, and all traffic is encrypted.
    public struct CurveKeys: Equatable, Sendable {
        public var publicKey: String
        public var secretKey: String

        public init(publicKey: String, secretKey: String) {
            self.publicKey = publicKey
            self.secretKey = secretKey
        }
    }

    public var transport: Transport
    public var ip: String
    public var shellPort: Int
    public var iopubPort: Int
    public var stdinPort: Int
    public var controlPort: Int
    public var heartbeatPort: Int
    /// The HMAC key as written (its UTF-8 bytes are the key; it is not hex-decoded). Empty = no signing.
    public var key: String
    public var keyOrigin: KeyOrigin
    public var signatureScheme: String
    public var kernelName: String
    /// Transport encryption, when the file provisions it.
    public var curve: CurveKeys?

    public init(
        transport: Transport, ip: String, shellPort: Int, iopubPort: Int, stdinPort: Int,
        controlPort: Int, heartbeatPort: Int, key: String, keyOrigin: KeyOrigin = .file,
        signatureScheme: String = "hmac-sha256", kernelName: String = "", curve: CurveKeys? = nil
    ) {
        self.transport = transport
        self.ip = ip
        self.shellPort = shellPort
        self.iopubPort = iopubPort
        self.stdinPort = stdinPort
        self.controlPort = controlPort
        self.heartbeatPort = heartbeatPort
        self.key = key
        self.keyOrigin = keyOrigin
        self.signatureScheme = signatureScheme
        self.kernelName = kernelName
        self.curve = curve
    }

    /// The port of `channel`.
    public func port(of channel: Channel) -> Int {
        switch channel {
        case .shell: return shellPort
        case .control: return controlPort
        case .iopub: return iopubPort
        case .stdin: return stdinPort
        case .heartbeat: return heartbeatPort
        }
    }

    /// Sets the port of `channel` (e.g. to the one the system chose for a port 0).
    public mutating func setPort(_ port: Int, of channel: Channel) {
        switch channel {
        case .shell: shellPort = port
        case .control: controlPort = port
        case .iopub: iopubPort = port
        case .stdin: stdinPort = port
        case .heartbeat: heartbeatPort = port
        }
    }

    /// Whether `ip` is an IPv6 address (it contains a colon), e.g. `::1`.
    public var isIPv6: Bool { transport == .tcp && ip.contains(":") }

    /// The ZeroMQ endpoint the kernel binds for `channel`, e.g. `tcp://127.0.0.1:53794` or
    /// `tcp://[::1]:53794`. A `tcp` port 0 gives `tcp://IP:*` (the system chooses a port).
    public func address(of channel: Channel) -> String {
        let port = port(of: channel)
        switch transport {
        case .tcp:
            let host = isIPv6 ? "[\(ip)]" : ip
            return "tcp://\(host):\(port == 0 ? "*" : String(port))"
        case .ipc: return "ipc://\(ip)-\(port)"
        }
    }
}
