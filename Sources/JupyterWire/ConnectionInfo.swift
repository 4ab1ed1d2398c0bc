import Foundation

/// The contents of a Jupyter connection file: where to bind the five sockets and how to sign.
///
///     {"transport": "tcp", "ip": "127.0.0.1", "shell_port": 53794, "iopub_port": 53795,
///      "stdin_port": 53796, "control_port": 53797, "hb_port": 53798,
///      "key": "a0436f6c-…", "signature_scheme": "hmac-sha256", "kernel_name": "spike"}
///
/// For `tcp` an address is `tcp://IP:PORT`; for `ipc` the `ip` is a path prefix and the address
/// is `ipc://IP-PORT` (jupyter_client `connect.py`).
public struct ConnectionInfo: Equatable, Sendable {
    /// How sockets are addressed.
    public enum Transport: String, Equatable, Sendable {
        case tcp, ipc
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
    public var signatureScheme: String
    public var kernelName: String

    public init(
        transport: Transport, ip: String, shellPort: Int, iopubPort: Int, stdinPort: Int,
        controlPort: Int, heartbeatPort: Int, key: String, signatureScheme: String = "hmac-sha256",
        kernelName: String = ""
    ) {
        self.transport = transport
        self.ip = ip
        self.shellPort = shellPort
        self.iopubPort = iopubPort
        self.stdinPort = stdinPort
        self.controlPort = controlPort
        self.heartbeatPort = heartbeatPort
        self.key = key
        self.signatureScheme = signatureScheme
        self.kernelName = kernelName
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

    /// The ZeroMQ endpoint the kernel binds for `channel`, e.g. `tcp://127.0.0.1:53794`.
    public func address(of channel: Channel) -> String {
        switch transport {
        case .tcp: return "tcp://\(ip):\(port(of: channel))"
        case .ipc: return "ipc://\(ip)-\(port(of: channel))"
        }
    }
}

extension ConnectionInfo {
    /// Reads and validates a connection file.
    public init(contentsOf path: String) throws(ConnectionFileError) {
        guard let bytes = FileManager.default.contents(atPath: path) else {
            throw .unreadable(path: path)
        }
        try self.init(jsonBytes: bytes)
    }

    /// Parses connection-file JSON. Ports must be integers in 0...65535; `key` defaults to "".
    public init(jsonBytes: Data) throws(ConnectionFileError) {
        guard let document = JSONValue(jsonBytes: jsonBytes), let fields = document.objectValue else {
            throw .notJSONObject
        }
        func port(_ name: String) throws(ConnectionFileError) -> Int {
            guard let value = fields[name] else { throw .missingField(name) }
            guard let number = value.intValue, (0...65_535).contains(number) else { throw .invalidField(name) }
            return number
        }
        let transportName = fields["transport"]?.stringValue ?? "tcp"
        guard let transport = Transport(rawValue: transportName) else { throw .invalidField("transport") }
        guard let ip = fields["ip"]?.stringValue else { throw .missingField("ip") }
        let scheme = fields["signature_scheme"]?.stringValue ?? "hmac-sha256"
        guard scheme == "hmac-sha256" else { throw .unsupportedSignatureScheme(scheme) }
        self.init(
            transport: transport, ip: ip,
            shellPort: try port("shell_port"), iopubPort: try port("iopub_port"),
            stdinPort: try port("stdin_port"), controlPort: try port("control_port"),
            heartbeatPort: try port("hb_port"),
            key: fields["key"]?.stringValue ?? "", signatureScheme: scheme,
            kernelName: fields["kernel_name"]?.stringValue ?? ""
        )
    }
}

/// Why a connection file could not be used.
public enum ConnectionFileError: Error, Equatable, Sendable, CustomStringConvertible {
    case unreadable(path: String)
    case notJSONObject
    case missingField(String)
    case invalidField(String)
    case unsupportedSignatureScheme(String)

    public var description: String {
        switch self {
        case .unreadable(let path): return "cannot read connection file \(path)"
        case .notJSONObject: return "connection file is not a JSON object"
        case .missingField(let name): return "connection file lacks \"\(name)\""
        case .invalidField(let name): return "connection file has an invalid \"\(name)\""
        case .unsupportedSignatureScheme(let scheme):
            return "unsupported signature scheme \"\(scheme)\" (only hmac-sha256)"
        }
    }
}
