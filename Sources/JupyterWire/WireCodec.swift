import Foundation

/// Frames ⇄ messages: `<IDS|MSG>` framing, signing on the way out, verification on the way in.
///
/// Decoding checks the HMAC over the received bytes *before* any JSON is parsed, so a forged
/// message never reaches the JSON parser; then (when signing is on) asks whether the signature
/// is fresh, so a replayed message is refused before it is parsed too (see ``DigestHistory``).
/// Every failure is a ``WireError``; nothing traps.
public struct WireCodec: Sendable {
    /// The frame separating routing identities from the message.
    public static let delimiter = Data("<IDS|MSG>".utf8)

    public let signer: Signer

    public init(signer: Signer) {
        self.signer = signer
    }

    public init(key: String) {
        self.init(signer: Signer(key: key))
    }

    /// The frames of `message`: identities, delimiter, signature, the four JSON parts, buffers.
    public func encode(_ message: Message) -> [Data] {
        let parts = [
            message.header.jsonBytes(), message.parentHeader.jsonBytes(),
            message.metadata.jsonBytes(), message.content.jsonBytes()
        ]
        var frames = message.identities
        frames.append(Self.delimiter)
        frames.append(Data(signer.signature(of: parts).utf8))
        frames.append(contentsOf: parts)
        frames.append(contentsOf: message.buffers)
        return frames
    }

    /// The message carried by `frames`, after verifying its signature.
    ///
    /// `isFresh` is asked about every correctly signed message's signature (only when signing
    /// is on: unsigned messages all share the empty signature) and answers false for one seen
    /// before, which fails with ``WireError/replayed``; it may record the signature.
    public func decode(
        _ frames: [Data], isFresh: (Data) -> Bool = { _ in true }
    ) -> Result<Message, WireError> {
        guard let delimiterIndex = frames.firstIndex(of: Self.delimiter) else {
            return .failure(.missingDelimiter)
        }
        let rest = frames[(delimiterIndex + 1)...]
        guard rest.count >= 5 else { return .failure(.truncated(framesAfterDelimiter: rest.count)) }
        let start = rest.startIndex
        let signature = rest[start]
        let parts = rest[(start + 1)...(start + 4)]
        guard signer.verify(signature, of: parts) else { return .failure(.badSignature) }
        guard !signer.isSigning || isFresh(signature) else { return .failure(.replayed) }

        let names = ["header", "parent_header", "metadata", "content"]
        var values = [JSONValue]()
        for (name, bytes) in zip(names, parts) {
            guard let value = JSONValue(jsonBytes: bytes) else { return .failure(.invalidJSON(part: name)) }
            guard value.objectValue != nil else { return .failure(.notAnObject(part: name)) }
            values.append(value)
        }
        let header: Header
        do {
            header = try Header(json: values[0])
        } catch {
            return .failure(error)
        }
        return .success(
            Message(
                identities: Array(frames[..<delimiterIndex]), header: header, parentHeader: values[1],
                metadata: values[2], content: values[3], buffers: Array(rest[(start + 5)...])
            )
        )
    }
}
