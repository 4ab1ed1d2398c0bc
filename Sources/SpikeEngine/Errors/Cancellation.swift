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
