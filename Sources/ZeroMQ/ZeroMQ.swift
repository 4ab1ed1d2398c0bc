import CZeroMQ

/// ZeroMQ: Swift sockets over libzmq. Moves bytes; never parses them.
public enum ZeroMQ {
    /// The linked libzmq version as "major.minor.patch".
    public static var libraryVersion: String {
        var major: Int32 = 0
        var minor: Int32 = 0
        var patch: Int32 = 0
        zmq_version(&major, &minor, &patch)
        return "\(major).\(minor).\(patch)"
    }

    /// Optional libzmq features this project asks about.
    public enum Capability: String, Sendable {
        /// CurveZMQ encryption and authentication (libzmq built with libsodium).
        case curve
        /// IPC (Unix domain socket) transport.
        case ipc
    }

    /// Whether the linked libzmq supports `capability` (`zmq_has`).
    public static func supports(_ capability: Capability) -> Bool {
        zmq_has(capability.rawValue) == 1
    }

    /// A new CurveZMQ key pair as Z85 text (40 characters each), or nil without CURVE support.
    public static func curveKeyPair() -> (publicKey: String, secretKey: String)? {
        var publicKey = [CChar](repeating: 0, count: 41)
        var secretKey = [CChar](repeating: 0, count: 41)
        guard zmq_curve_keypair(&publicKey, &secretKey) == 0 else { return nil }
        // Z85 text, NUL-terminated by libzmq.
        return (
            publicKey.withUnsafeBufferPointer { String(cString: $0.baseAddress!) },
            secretKey.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        )
    }
}
