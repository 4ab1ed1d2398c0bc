import CZeroMQ

/// A libzmq call failed. `terminated` means the context was shut down (ETERM): the caller's
/// loop should end, it is not a fault.
public enum ZeroMQError: Error, Equatable, Sendable, CustomStringConvertible {
    case terminated
    case failed(operation: String, code: Int32, message: String)

    /// The error for the calling thread's current `zmq_errno()`.
    static func current(_ operation: String) -> ZeroMQError {
        let code = zmq_errno()
        if code == ETERM { return .terminated }
        return .failed(operation: operation, code: code, message: String(cString: zmq_strerror(code)))
    }

    public var description: String {
        switch self {
        case .terminated: return "ZeroMQ context terminated"
        case .failed(let operation, let code, let message): return "\(operation) failed: \(message) (errno \(code))"
        }
    }
}
