import Foundation

/// Splits a byte stream into LSP messages framed as `Content-Length: N\r\n\r\n` + N bytes of
/// JSON (the base protocol of LSP 3.17, which also allows a `Content-Type` header).
///
/// Bytes may arrive in any pieces: a header or a body split across reads is kept until the
/// rest comes. A header block without a usable `Content-Length` is reported and skipped.
///
///     var reader = FrameReader()
///     reader.append(Data("Content-Length: 2\r\n\r\n{".utf8))  // []
///     reader.append(Data("}".utf8))                           // [.message(Data("{}".utf8))]
struct FrameReader {
    /// What one complete frame held.
    enum Frame: Equatable {
        case message(Data)
        /// A header block without a valid `Content-Length`, as text for the log.
        case malformedHeader(String)
    }

    /// The largest body accepted (64 MiB); a larger `Content-Length` is a malformed header.
    static let bodyLimit = 64 << 20

    private var buffer = Data()
    /// The body length of the frame whose header has been read, while its body is awaited.
    private var pendingLength: Int?

    /// Takes more bytes; returns every frame they complete, in order. Cost: O(bytes).
    mutating func append(_ bytes: Data) -> [Frame] {
        buffer.append(bytes)
        var frames: [Frame] = []
        while true {
            if let length = pendingLength {
                guard buffer.count >= length else { return frames }
                let start = buffer.startIndex
                frames.append(.message(Data(buffer[start..<start + length])))
                buffer = Data(buffer[(start + length)...])
                pendingLength = nil
                continue
            }
            guard let end = buffer.range(of: Data("\r\n\r\n".utf8)) else { return frames }
            let header = String(decoding: buffer[buffer.startIndex..<end.lowerBound], as: UTF8.self)
            buffer = Data(buffer[end.upperBound...])
            if let length = FrameReader.contentLength(in: header) {
                pendingLength = length
            } else {
                frames.append(.malformedHeader(header))
            }
        }
    }

    /// The `Content-Length` of a header block (names are case-insensitive), if valid.
    private static func contentLength(in header: String) -> Int? {
        for line in header.split(separator: "\r\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            guard name == "content-length" else { continue }
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            guard let length = Int(value), length >= 0, length <= bodyLimit else { return nil }
            return length
        }
        return nil
    }

    /// `body` framed for sending.
    static func frame(_ body: Data) -> Data {
        Data("Content-Length: \(body.count)\r\n\r\n".utf8) + body
    }
}
