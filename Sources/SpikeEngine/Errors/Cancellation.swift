/// A check a long engine call polls between units of work; `true` means "stop now".
///
/// The language passes its interrupt flag here; engine loops call `try checkCancelled()`
/// and end with `EngineError.interrupted`, leaving no partial results behind.
public typealias CancellationCheck = () -> Bool

/// Throws `EngineError.interrupted` when `isCancelled` says so.
func checkCancelled(_ isCancelled: CancellationCheck?) throws {
    if let isCancelled, isCancelled() {
        throw EngineError.interrupted
    }
}

/// How many elements a chunked loop handles between two polls of its cancellation check:
/// 65,536 cheap steps take well under a millisecond, so an interrupt is seen within about
/// that long while the poll itself costs nothing measurable. Even, so that chunks of normal
/// samples (drawn in pairs) split the stream exactly where one long draw would.
let cancellationChunk = 1 << 16

/// Calls `body` on consecutive ranges covering `0..<count`, each at most `chunk` long, and
/// polls `isCancelled` before each one.
///
///     try forEachChunk(150_000, isCancelled: check) { range in … }
///     // 0..<65536, 65536..<131072, 131072..<150000
func forEachChunk(
    _ count: Int, of chunk: Int = cancellationChunk, isCancelled: CancellationCheck?,
    _ body: (Range<Int>) throws -> Void
) throws {
    var start = 0
    while start < count {
        try checkCancelled(isCancelled)
        let end = start + min(chunk, count - start)
        try body(start..<end)
        start = end
    }
}
