/// The kernel's execution state as broadcast in `status`.
public enum ExecutionState: String, Equatable, Sendable {
    case starting, busy, idle
}

/// `status` (IOPub): busy before a request is handled, idle after all its output.
public struct Status: OutgoingContent, Equatable {
    public static let messageType = "status"
    public var state: ExecutionState

    public init(_ state: ExecutionState) {
        self.state = state
    }

    public var json: JSONValue { ["execution_state": .string(state.rawValue)] }
}

/// `iopub_welcome` (IOPub, protocol 5.5): sent when a subscriber joins, so it knows it is connected.
public struct IopubWelcome: OutgoingContent, Equatable {
    public static let messageType = "iopub_welcome"
    /// The topic subscribed to ("" = everything).
    public var subscription: String

    public init(subscription: String) {
        self.subscription = subscription
    }

    public var json: JSONValue { ["subscription": .string(subscription)] }
}
