import SpikeLang

/// An `OutputSink` that records everything a cell sends, and can ask to be cancelled after a
/// number of polls (to test interruption deterministically, without timers).
final class RecordingSink: OutputSink {
    enum Event: Equatable {
        case write(String, TextStream)
        case display(Rendering, String?)
        case update(Rendering, String)
        case clear(Bool)
    }

    private(set) var events: [Event] = []
    private(set) var polls = 0
    /// Report cancellation from this poll on (nil: never).
    var cancelAfterPolls: Int?
    /// Report cancellation once a display or update shows this text (nil: never), for work
    /// whose polls do not count its progress (runs on threads of their own).
    var cancelWhenShown: String?
    private var shown = false

    init(cancelAfterPolls: Int? = nil, cancelWhenShown: String? = nil) {
        self.cancelAfterPolls = cancelAfterPolls
        self.cancelWhenShown = cancelWhenShown
    }

    func write(_ text: String, stream: TextStream) { events.append(.write(text, stream)) }
    func display(_ rendering: Rendering, id: String?) {
        events.append(.display(rendering, id))
        notice(rendering)
    }
    func update(_ rendering: Rendering, id: String) {
        events.append(.update(rendering, id))
        notice(rendering)
    }

    private func notice(_ rendering: Rendering) {
        if let cancelWhenShown, rendering.plain.contains(cancelWhenShown) { shown = true }
    }
    func clear(wait: Bool) { events.append(.clear(wait)) }

    /// What `input()` reads (nil: no one can answer).
    var inputLine: String?

    func readInput(prompt: String, password: Bool) -> InputReading {
        inputLine.map(InputReading.text) ?? .unavailable
    }

    var isCancelled: Bool {
        polls += 1
        if shown { return true }
        guard let cancelAfterPolls else { return false }
        return polls > cancelAfterPolls
    }

    /// Everything written to stdout, concatenated.
    var stdout: String {
        events.map { event -> String in
            if case .write(let text, .stdout) = event { return text }
            return ""
        }.joined()
    }

    /// Stdout and displayed values as lines, in the order they arrived.
    var lines: [String] {
        var text = ""
        for event in events {
            switch event {
            case .write(let written, _): text += written
            case .display(let rendering, _), .update(let rendering, _): text += rendering.plain + "\n"
            case .clear: break
            }
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}
