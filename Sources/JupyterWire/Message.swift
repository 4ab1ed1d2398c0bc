import Foundation

/// One Jupyter message: routing identities, header, parent header, metadata, content, buffers.
///
/// On the wire (https://jupyter-client.readthedocs.io/en/latest/messaging.html#the-wire-protocol):
///
///     [ident…] <IDS|MSG> signature header parent_header metadata content [buffers…]
///
/// A reply is built from its request with ``reply(type:content:header:)`` so the identities and
/// the parent header come from the request, never from ambient state.
public struct Message: Equatable, Sendable {
    /// Routing identities (all of them, in order) or, on IOPub, the topic.
    public var identities: [Data]
    public var header: Header
    /// The header of the message this one answers, or `{}`.
    public var parentHeader: JSONValue
    public var metadata: JSONValue
    public var content: JSONValue
    /// Binary buffers after the content (not signed).
    public var buffers: [Data]

    public init(
        identities: [Data] = [], header: Header, parentHeader: JSONValue = .emptyObject,
        metadata: JSONValue = .emptyObject, content: JSONValue = .emptyObject, buffers: [Data] = []
    ) {
        self.identities = identities
        self.header = header
        self.parentHeader = parentHeader
        self.metadata = metadata
        self.content = content
        self.buffers = buffers
    }

    /// The message type, e.g. `execute_request`.
    public var type: String { header.messageType }

    /// The message ID of the parent, or nil when there is none.
    public var parentMessageID: String? { parentHeader["msg_id"]?.stringValue }

    /// A message answering or caused by this one: same identities, parent = this header.
    public func reply(type: String, content: JSONValue, header: Header) -> Message {
        precondition(header.messageType == type, "header made for another type")
        return Message(identities: identities, header: header, parentHeader: self.header.json, content: content)
    }
}
