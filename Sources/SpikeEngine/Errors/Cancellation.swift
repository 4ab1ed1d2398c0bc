/// A check a long engine call polls between units of work; `true` means "stop now".
///
/// The language passes its interrupt flag here; engine loops call `try checkCancelled()`
/// and end with `EngineError.interrupted`, leaving no partial results behind.
public typealias CancellationCheck = () -> Bool

/// Throws `EngineError.interrupted` when `isCancelled` says so.
@inlinable
func checkCancelled(_ isCancelled: CancellationCheck?) throws {
    if let isCancelled, isCancelled() {
        throw EngineError.interrupted
    }
}

/// How many elements a chunked loop handles between two polls of its cancellation check:
/// 65,536 cheap steps take well under a millisecond, so an interrupt is seen within about
/// that long while the poll itself costs nothing measurable. Even, so that chunks of normal
/// samples (drawn in pairs) split the stream exactly where one long draw would.
public let cancellationChunk = 1 << 16

/// Calls `body` on consecutive ranges covering `0..<count`, each at most `chunk` long, and
/// polls `isCancelled` before each one.
///
///     try forEachChunk(150_000, isCancelled: check) { range in … }
///     // 0..<65536, 65536..<131072, 131072..<150000
@inlinable
func forEachChunk(
    _ count: Int, of chunk: Int = cancellationChunk, isCancelled: CancellationCheck?,
    _ body: (Range<Int>) throws -> Void
) throws {
    try forEachRange(count, of: chunk) { range in
        try checkCancelled(isCancelled)
        try body(range)
    }
}

/// Calls `body` on consecutive ranges covering `0..<count`, each at most `chunk` (> 0) long.
@inlinable
func forEachRange(_ count: Int, of chunk: Int, _ body: (Range<Int>) throws -> Void) rethrows {
    var start = 0
    while start < count {
        let end = start &+ min(chunk, count &- start)
        try body(start..<end)
        start = end
    }
}

/// Polls a cancellation check once per `cancellationChunk` units of work reported to it, for
/// loops whose natural steps are uneven (a row of any width, one output of a reduction):
///
///     var meter = CancellationMeter(isCancelled)
///     for row in rows { …; try meter.advance(by: width) }
///
/// Without a check it never polls; reporting costs an addition and a comparison.
public struct CancellationMeter {
    @usableFromInline let isCancelled: CancellationCheck?
    @usableFromInline var pending = 0

    @inlinable
    public init(_ isCancelled: CancellationCheck?) {
        self.isCancelled = isCancelled
    }

    /// Counts `units` more work done; polls (and throws `.interrupted`) once a chunk's worth
    /// has gathered since the last poll.
    @inlinable
    public mutating func advance(by units: Int = 1) throws {
        pending &+= units
        guard pending >= cancellationChunk else { return }
        pending = 0
        try checkCancelled(isCancelled)
    }
}
