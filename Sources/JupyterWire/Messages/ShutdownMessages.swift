/// `shutdown_request` (control): stop the kernel, `restart` if the manager will start it again.
public struct ShutdownRequest: IncomingContent, Equatable {
    public static let messageType = "shutdown_request"
    public var restart: Bool

    public init(restart: Bool = false) {
        self.restart = restart
    }

    public init(json: JSONValue) throws(ContentError) {
        self.init(restart: try ContentReader(json).bool("restart", default: false))
    }
}

/// `shutdown_reply`: sent on the requesting channel and broadcast on IOPub.
public struct ShutdownReply: OutgoingContent, Equatable {
    public static let messageType = "shutdown_reply"
    public var restart: Bool

    public init(restart: Bool) {
        self.restart = restart
    }

    public var json: JSONValue { ["status": "ok", "restart": .bool(restart)] }
}
