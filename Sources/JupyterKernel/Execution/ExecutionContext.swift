import Foundation
import JupyterWire

/// What a running cell may do to the outside world: write streams, show and update displays,
/// clear output, read its execution count, and check for an interrupt.
///
/// Stream text is batched (see ``StreamBatcher``); any display, update or clear first
/// releases buffered text so order is kept. The kernel flushes the rest when the cell returns,
/// before the result, the reply and the idle status.
///
/// Used from the thread running the cell only.
public final class ExecutionContext {
    /// The count of this execution (`In [n]`); for silent requests, the current count.
    public let executionCount: Int
    private let cancellation: CancellationFlag
    private let emit: (ExecutionOutput) -> Void
    private let now: () -> Date
    private var batcher: StreamBatcher

    /// A context sending its outputs to `emit`.
    ///
    /// - Parameters:
    ///   - streamInterval: the longest time stream text is held back, in seconds.
    ///   - now: the clock used to age buffered text.
    public init(
        executionCount: Int, cancellation: CancellationFlag, streamInterval: TimeInterval = 0.1,
        now: @escaping () -> Date = { Date() }, emit: @escaping (ExecutionOutput) -> Void
    ) {
        self.executionCount = executionCount
        self.cancellation = cancellation
        self.emit = emit
        self.now = now
        self.batcher = StreamBatcher(interval: streamInterval)
    }

    /// Whether an interrupt was requested. Poll it often; polling also releases stream text
    /// that has waited longer than the batching interval.
    public var isCancelled: Bool {
        send(batcher.flushIfStale(at: now()))
        return cancellation.isSet
    }

    /// Writes `text` to stdout or stderr.
    public func write(_ text: String, to stream: StreamName = .stdout) {
        send(batcher.write(text, to: stream, at: now()))
    }

    /// Shows a rich output; give a `displayID` to update it later.
    public func display(_ bundle: MimeBundle, displayID: String? = nil) {
        flush()
        emit(.display(bundle, displayID: displayID))
    }

    /// Replaces every output shown with `displayID`.
    public func updateDisplay(_ bundle: MimeBundle, displayID: String) {
        flush()
        emit(.update(bundle, displayID: displayID))
    }

    /// Clears the cell's output now, or (`wait`) when the next output arrives.
    public func clearOutput(wait: Bool) {
        flush()
        emit(.clear(wait: wait))
    }

    /// Releases all buffered stream text.
    public func flush() {
        send(batcher.flush())
    }

    private func send(_ outputs: [ExecutionOutput]) {
        for output in outputs { emit(output) }
    }
}
