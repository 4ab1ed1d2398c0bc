/// Where a running cell sends its output; the kernel adapter implements it.
///
/// All calls for one cell happen on the thread that runs the cell (a Spike evaluation thread
/// started by `Session.run`), one at a time, before `run` returns.
public protocol OutputSink: AnyObject {
    /// Appends text to a stream (the kernel may batch it).
    func write(_ text: String, stream: TextStream)
    /// Shows a value now (display_data); `id` lets a later `update` replace it.
    func display(_ rendering: Rendering, id: String?)
    /// Replaces an earlier display with the same `id` (update_display_data).
    func update(_ rendering: Rendering, id: String)
    /// Clears the cell's output; with `wait`, only when the next output arrives.
    func clear(wait: Bool)
    /// True once the user asked to interrupt; polled at loop back-edges and calls.
    var isCancelled: Bool { get }
    /// Asks the user for a line of text (`input`); waits until it comes or the user interrupts.
    func readInput(prompt: String, password: Bool) -> InputReading
}

extension OutputSink {
    /// No one to ask: the default for sinks without an input channel.
    public func readInput(prompt: String, password: Bool) -> InputReading { .unavailable }
}

/// The two text streams of a cell.
public enum TextStream: String, Equatable, Sendable, CaseIterable {
    case stdout
    case stderr
}
