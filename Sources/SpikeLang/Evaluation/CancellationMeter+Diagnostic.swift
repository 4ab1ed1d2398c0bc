import SpikeEngine

/// The engine's chunked interrupt poll, reporting in the language's terms: a loop over a
/// list, range, string or tensor calls `advance(at:)` once per element and ends with
/// `Interrupted` at `range` when the flag is up at one of its polls (every `cancellationChunk`
/// elements).
///
///     var meter = CancellationMeter(evaluator.cancellation)
///     for item in items { try meter.advance(at: range); … }
extension CancellationMeter {
    /// Counts `units` more work done; polls once a chunk's worth has gathered, and throws
    /// `Interrupted` at `range` if the interrupt flag is up.
    mutating func advance(by units: Int = 1, at range: SourceRange) throws {
        do {
            try advance(by: units)
        } catch {
            throw Diagnostic(.interrupted, at: range)
        }
    }
}
