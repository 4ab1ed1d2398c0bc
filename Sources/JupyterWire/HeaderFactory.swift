import Foundation

/// Makes headers for the messages one kernel process sends: a fresh UUID `msg_id` each time,
/// the same `session` for the whole process, the current UTC time with fractional seconds.
///
/// The clock and the id source are injected so tests can pin them; the defaults are the
/// system clock and `UUID()`. Safe to use from several threads if the injected closures are.
public struct HeaderFactory: Sendable {
    /// This kernel process's session id.
    public let session: String
    public let username: String
    private let now: @Sendable () -> Date
    private let newID: @Sendable () -> String

    public init(
        session: String = MessageID.random(),
        username: String = ProcessInfo.processInfo.environment["USER"] ?? "kernel",
        now: @escaping @Sendable () -> Date = { Date() },
        newID: @escaping @Sendable () -> String = MessageID.random
    ) {
        self.session = session
        self.username = username
        self.now = now
        self.newID = newID
    }

    /// A new header for a message of `type`.
    public func header(for type: String) -> Header {
        Header(
            messageID: newID(), session: session, username: username,
            date: Self.format(now()), messageType: type
        )
    }

    /// `date` as ISO-8601 UTC with microseconds and `Z`, e.g. `2026-01-01T12:00:00.123456Z`.
    public static func format(_ date: Date) -> String {
        let seconds = date.timeIntervalSince1970
        var whole = time_t(seconds.rounded(.down))
        var micros = Int(((seconds - Double(whole)) * 1_000_000).rounded())
        if micros >= 1_000_000 {
            whole += 1
            micros -= 1_000_000
        }
        var parts = tm()
        gmtime_r(&whole, &parts)
        var text = [UInt8]()
        text.reserveCapacity(27)
        func append(_ number: Int, width: Int, then separator: UInt8) {
            var divisor = 1
            for _ in 1..<width { divisor *= 10 }
            while number / divisor >= 10 { divisor *= 10 }
            var rest = number
            while divisor > 0 {
                text.append(UInt8(ascii: "0") + UInt8(rest / divisor % 10))
                rest %= divisor
                divisor /= 10
            }
            text.append(separator)
        }
        append(Int(parts.tm_year) + 1900, width: 4, then: UInt8(ascii: "-"))
        append(Int(parts.tm_mon) + 1, width: 2, then: UInt8(ascii: "-"))
        append(Int(parts.tm_mday), width: 2, then: UInt8(ascii: "T"))
        append(Int(parts.tm_hour), width: 2, then: UInt8(ascii: ":"))
        append(Int(parts.tm_min), width: 2, then: UInt8(ascii: ":"))
        append(Int(parts.tm_sec), width: 2, then: UInt8(ascii: "."))
        append(micros, width: 6, then: UInt8(ascii: "Z"))
        return String(decoding: text, as: UTF8.self)
    }
}
