/// `comm_info_request`: which comms are open, optionally only those of one target.
public struct CommInfoRequest: IncomingContent, Equatable {
    public static let messageType = "comm_info_request"
    public var targetName: String?

    public init(targetName: String? = nil) {
        self.targetName = targetName
    }

    public init(json: JSONValue) throws(ContentError) {
        self.init(targetName: try ContentReader(json).optionalString("target_name"))
    }
}

/// `comm_info_reply`: open comm ids and their targets.
public struct CommInfoReply: OutgoingContent, Equatable {
    public static let messageType = "comm_info_reply"
    /// comm id → target name.
    public var comms: [String: String]

    public init(comms: [String: String]) {
        self.comms = comms
    }

    public var json: JSONValue {
        ["status": "ok", "comms": .object(comms.mapValues { ["target_name": .string($0)] })]
    }
}

/// `comm_open` from the frontend: open a comm to `targetName`.
public struct CommOpen: IncomingContent, Equatable {
    public static let messageType = "comm_open"
    public var commID: String
    public var targetName: String
    public var data: JSONValue

    public init(commID: String, targetName: String, data: JSONValue = .emptyObject) {
        self.commID = commID
        self.targetName = targetName
        self.data = data
    }

    public init(json: JSONValue) throws(ContentError) {
        let reader = try ContentReader(json)
        self.init(
            commID: try reader.string("comm_id"), targetName: try reader.string("target_name"),
            data: reader.value("data") ?? .emptyObject
        )
    }
}

/// `comm_msg` from the frontend: data for an open comm.
public struct CommMsg: IncomingContent, Equatable {
    public static let messageType = "comm_msg"
    public var commID: String
    public var data: JSONValue

    public init(commID: String, data: JSONValue = .emptyObject) {
        self.commID = commID
        self.data = data
    }

    public init(json: JSONValue) throws(ContentError) {
        let reader = try ContentReader(json)
        self.init(commID: try reader.string("comm_id"), data: reader.value("data") ?? .emptyObject)
    }
}

/// `comm_close`, in either direction: the comm `commID` is closed.
public struct CommClose: IncomingContent, OutgoingContent, Equatable {
    public static let messageType = "comm_close"
    public var commID: String
    public var data: JSONValue

    public init(commID: String, data: JSONValue = .emptyObject) {
        self.commID = commID
        self.data = data
    }

    public init(json: JSONValue) throws(ContentError) {
        let reader = try ContentReader(json)
        self.init(commID: try reader.string("comm_id"), data: reader.value("data") ?? .emptyObject)
    }

    public var json: JSONValue { ["comm_id": .string(commID), "data": data] }
}
