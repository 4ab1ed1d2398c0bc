import JupyterWire
import ZeroMQ

/// Why the kernel's sockets could not be set up; each case names what and where.
enum TransportError: Error, Equatable, CustomStringConvertible {
    /// The connection file provisions CurveZMQ keys but the linked libzmq has no CURVE.
    case curveUnavailable(libraryVersion: String)
    /// The connection file's `ip` is neither an address nor a name that resolves.
    case hostNotFound(String, reason: String)
    /// A socket could not be created, configured or bound.
    case socket(Channel, address: String, ZeroMQError)
    /// The ports chosen for port 0 could not be written back to the connection file.
    case connectionFileNotUpdated(path: String, reason: String)

    var description: String {
        switch self {
        case .curveUnavailable(let version):
            return "the connection file asks for CurveZMQ encryption (curve_secretkey), "
                + "but this libzmq \(version) was built without CURVE support"
        case .hostNotFound(let host, let reason):
            return "cannot resolve the connection file's ip \"\(host)\": \(reason)"
        case .socket(let channel, let address, let error):
            return "\(channel.rawValue) socket at \(address): \(error)"
        case .connectionFileNotUpdated(let path, let reason):
            return "cannot write the chosen ports back to \(path): \(reason)"
        }
    }
}
