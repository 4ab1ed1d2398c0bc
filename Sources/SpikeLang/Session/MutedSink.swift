/// A sink that drops a cell's output but passes on the interrupt request of the sink it
/// stands in for (`%timeit`'s repeated runs).
final class MutedSink: OutputSink {
    private let outer: OutputSink

    init(of outer: OutputSink) {
        self.outer = outer
    }

    func write(_ text: String, stream: TextStream) {}
    func display(_ rendering: Rendering, id: String?) {}
    func update(_ rendering: Rendering, id: String) {}
    func clear(wait: Bool) {}
    var isCancelled: Bool { outer.isCancelled }
}
