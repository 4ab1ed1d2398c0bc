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
}
