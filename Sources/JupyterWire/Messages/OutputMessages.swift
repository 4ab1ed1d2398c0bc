/// Which output stream text belongs to.
public enum StreamName: String, Equatable, Sendable {
    case stdout, stderr
}

/// `stream` (IOPub): text written to stdout or stderr (batched by the kernel).
public struct StreamOutput: OutgoingContent, Equatable {
    public static let messageType = "stream"
    public var name: StreamName
    public var text: String

    public init(name: StreamName, text: String) {
        self.name = name
        self.text = text
    }

    public var json: JSONValue { ["name": .string(name.rawValue), "text": .string(text)] }
}

/// `display_data` (IOPub): a rich output, optionally tagged with a display id for later updates.
public struct DisplayData: OutgoingContent, Equatable {
    public static let messageType = "display_data"
    public var bundle: MimeBundle
    public var displayID: String?

    public init(bundle: MimeBundle, displayID: String? = nil) {
        self.bundle = bundle
        self.displayID = displayID
    }

    public var json: JSONValue { displayJSON(bundle, displayID) }
}

/// `update_display_data` (IOPub): replaces every output shown with `displayID`.
public struct UpdateDisplayData: OutgoingContent, Equatable {
    public static let messageType = "update_display_data"
    public var bundle: MimeBundle
    public var displayID: String

    public init(bundle: MimeBundle, displayID: String) {
        self.bundle = bundle
        self.displayID = displayID
    }

    public var json: JSONValue { displayJSON(bundle, displayID) }
}

/// `clear_output` (IOPub): clear the cell's output, now or (`wait`) when the next output arrives.
public struct ClearOutput: OutgoingContent, Equatable {
    public static let messageType = "clear_output"
    public var wait: Bool

    public init(wait: Bool) {
        self.wait = wait
    }

    public var json: JSONValue { ["wait": .bool(wait)] }
}

private func displayJSON(_ bundle: MimeBundle, _ displayID: String?) -> JSONValue {
    var members: [String: JSONValue] = ["data": .object(bundle.data), "metadata": .object(bundle.metadata)]
    members["transient"] = displayID.map { ["display_id": .string($0)] } ?? .emptyObject
    return .object(members)
}
