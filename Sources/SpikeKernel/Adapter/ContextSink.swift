import JupyterKernel
import JupyterWire
import SpikeLang

/// A running cell's output sent to the kernel: the language's `OutputSink` over the kernel's
/// `ExecutionContext`.
final class ContextSink: OutputSink {
    private let context: ExecutionContext

    init(_ context: ExecutionContext) {
        self.context = context
    }

    func write(_ text: String, stream: TextStream) {
        context.write(text, to: stream == .stderr ? .stderr : .stdout)
    }

    func display(_ rendering: Rendering, id: String?) {
        context.display(MimeBundle(rendering: rendering), displayID: id)
    }

    func update(_ rendering: Rendering, id: String) {
        context.updateDisplay(MimeBundle(rendering: rendering), displayID: id)
    }

    func clear(wait: Bool) {
        context.clearOutput(wait: wait)
    }

    var isCancelled: Bool { context.isCancelled }

    func readInput(prompt: String, password: Bool) -> InputReading {
        switch context.input(prompt: prompt, password: password) {
        case .text(let line): return .text(line)
        case .interrupted: return .interrupted
        case .unavailable: return .unavailable
        }
    }
}
