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
        var text = ""
        text.reserveCapacity(27)
        func pad(_ number: Int, _ width: Int) {
            let digits = String(number)
            text += String(repeating: "0", count: max(width - digits.count, 0)) + digits
        }
        pad(Int(parts.tm_year) + 1900, 4)
        text += "-"
        pad(Int(parts.tm_mon) + 1, 2)
        text += "-"
        pad(Int(parts.tm_mday), 2)
        text += "T"
        pad(Int(parts.tm_hour), 2)
        text += ":"
        pad(Int(parts.tm_min), 2)
        text += ":"
        pad(Int(parts.tm_sec), 2)
        text += "."
        pad(micros, 6)
        text += "Z"
        return text
    }
}
