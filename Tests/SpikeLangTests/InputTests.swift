import SpikeLang
import XCTest

/// A sink whose user answers `input` with the given readings, in order, and remembers the prompts.
private final class AnsweringSink: OutputSink {
    var readings: [InputReading]
    private(set) var prompts: [(String, Bool)] = []
    private(set) var written = ""

    init(_ readings: [InputReading]) {
        self.readings = readings
    }

    func write(_ text: String, stream: TextStream) { written += text }
    func display(_ rendering: Rendering, id: String?) {}
    func update(_ rendering: Rendering, id: String) {}
    func clear(wait: Bool) {}
    var isCancelled: Bool { false }

    func readInput(prompt: String, password: Bool) -> InputReading {
        prompts.append((prompt, password))
        return readings.isEmpty ? .unavailable : readings.removeFirst()
    }
}

final class InputTests: XCTestCase {
    func testInputReturnsTheTypedLineAsAString() {
        let session = Session()
        let sink = AnsweringSink([.text("3"), .text("secret")])
        let outcome = session.run("n = int(float(input(\"how many? \")))\nkey = input(password=true)\nn * 2", output: sink)
        XCTAssertNil(outcome.failure)
        XCTAssertEqual(outcome.result?.plain, "6")
        XCTAssertEqual(sink.prompts.map(\.0), ["how many? ", ""])
        XCTAssertEqual(sink.prompts.map(\.1), [false, true])
        XCTAssertEqual(session.run("key", output: AnsweringSink([])).result?.plain, "\"secret\"")
    }

    func testInputWithoutAnyoneToAskIsAValueErrorAtTheCallAndKeepsBindings() {
        let session = Session()
        _ = session.run("kept = 1", output: AnsweringSink([]))
        let outcome = session.run("x = 2\ny = input(\"?\")", output: AnsweringSink([.unavailable]))
        XCTAssertEqual(outcome.failure?.name, "ValueError")
        XCTAssertEqual(outcome.failure?.diagnostics.first?.range.start, SourceLocation(line: 2, column: 5))
        XCTAssertTrue(outcome.failure?.message.contains("accepts no input") ?? false, outcome.failure?.message ?? "")
        XCTAssertEqual(session.run("kept + x", output: AnsweringSink([])).result?.plain, "3")
    }

    func testAnInterruptWhileWaitingIsAnInterrupt() {
        let outcome = Session().run("input()", output: AnsweringSink([.interrupted]))
        XCTAssertEqual(outcome.failure?.name, "Interrupted")
    }
}
