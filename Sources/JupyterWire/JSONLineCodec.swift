import Foundation

/// Messages as JSON lines, for `spike stdio`: one object per line with `channel`, `header`,
/// `parent_header`, `metadata`, `content` (and optionally `buffers`, ignored).
///
///     {"channel": "shell", "header": {"msg_id": "1", "msg_type": "execute_request", …},
///      "parent_header": {}, "metadata": {}, "content": {"code": "1 + 1"}}
///
/// No signing: the pipe is private to the process that spawned the kernel. `parent_header`,
/// `metadata` and `content` default to `{}` when absent on input.
public enum JSONLineCodec {
    /// The channel and message of one input line.
    public static func decode(_ line: String) -> Result<(Channel, Message), WireError> {
        guard let document = JSONValue(jsonBytes: Data(line.utf8)) else { return .failure(.invalidJSON(part: "line")) }
        guard document.objectValue != nil else { return .failure(.notAnObject(part: "line")) }
        guard let channelName = document["channel"]?.stringValue else { return .failure(.unknownChannel("")) }
        guard let channel = Channel(rawValue: channelName) else { return .failure(.unknownChannel(channelName)) }
        guard let headerJSON = document["header"] else { return .failure(.invalidHeader("missing")) }
        let header: Header
        do {
            header = try Header(json: headerJSON)
        } catch {
            return .failure(error)
        }
        var parts = [JSONValue]()
        for name in ["parent_header", "metadata", "content"] {
            let value = document[name] ?? .emptyObject
            guard value.objectValue != nil else { return .failure(.notAnObject(part: name)) }
            parts.append(value)
        }
        return .success(
            (channel, Message(header: header, parentHeader: parts[0], metadata: parts[1], content: parts[2]))
        )
    }

    /// One output line (without the newline) for `message` on `channel`.
    public static func encode(_ message: Message, on channel: Channel) -> String {
        let document: JSONValue = [
            "channel": .string(channel.rawValue), "header": message.header.json,
            "parent_header": message.parentHeader, "metadata": message.metadata, "content": message.content
        ]
        return document.jsonString()
    }
}
