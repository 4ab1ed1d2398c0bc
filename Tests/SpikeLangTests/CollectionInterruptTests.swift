import XCTest

@testable import SpikeLang

/// Work over long lists, ranges, strings and tensors outside the engine — equality, joining,
/// collecting, converting, text forms, showing a result, string length and indexing — polls the interrupt
/// flag every 65,536 elements: an interrupt ends the cell as `Interrupted` at the operation,
/// binds nothing and keeps the session's bindings; without one, each gives the same result
/// as before.
final class CollectionInterruptTests: XCTestCase {
    /// 200,000 items (three chunks and more); two lists and two tensors with separate storage.
    private static let setup = """
        l = list(range(200000))
        l2 = list(range(200000))
        a = tensor(l)
        b = tensor(l2)
        """
    /// 80,000 characters, every other one two bytes long in UTF-8.
    private static let text = String(repeating: "dé", count: 40_000)

    /// Each cell, how often it polls before the operation starts (after parsing, after
    /// checking, and once more for each builtin call) and the column the interrupt is reported at.
    private let cells: [(cell: String, pollsBefore: Int, column: Int)] = [
        ("big = l == l2", 2, 7), ("big = a != b", 2, 7), ("big = [a] == [b]", 2, 7), ("big = l + l2", 2, 7), ("big = l[1:]", 2, 7),
        ("big = list(range(200000))", 4, 12), ("big = list(s)", 3, 12), ("big = len(s)", 3, 11),
        ("big = str(l)", 3, 7), ("print(l)", 3, 1),
        ("big = tolist(a)", 3, 7), ("big = tensor(l)", 3, 14),
        ("big = s[70000]", 2, 9), ("big = s[-70000]", 2, 9), ("big = s[70000:]", 2, 7),
        ("a", 2, 1), ("display(a)", 3, 1)
    ]

    private func prepared() -> Session {
        let session = Session()
        XCTAssertNil(session.run(Self.setup, output: RecordingSink()).failure)
        XCTAssertNil(session.run("s = \"\(Self.text)\"", output: RecordingSink()).failure)
        return session
    }

    func testAnInterruptDuringALongCollectionOperationEndsTheCellAtItsFirstPoll() {
        let session = prepared()
        for (cell, pollsBefore, column) in cells {
            let sink = RecordingSink(cancelAfterPolls: pollsBefore)
            let outcome = session.run(cell, output: sink)
            XCTAssertEqual(outcome.failure?.name, "Interrupted", cell)
            XCTAssertEqual(outcome.failure?.diagnostics.first?.range.start, SourceLocation(line: 1, column: column), cell)
            XCTAssertNil(outcome.result, cell)
            XCTAssertEqual(sink.polls, pollsBefore + 1, "\(cell) ran on after the interrupt")
            XCTAssertEqual(sink.events, [], "\(cell) wrote or displayed something")
            XCTAssertEqual(session.run("big", output: RecordingSink()).failure?.name, "NameError", "\(cell) bound a result")
        }
        XCTAssertEqual(session.run("len(l) + len(s)", output: RecordingSink()).result?.plain, "280000")
    }

    func testALongListLiteralPollsWhileItsItemsAreEvaluated() {
        let session = Session()
        let cell = "big = [" + (0..<70_000).map(String.init).joined(separator: ", ") + "]"
        let counting = RecordingSink()
        XCTAssertNil(session.run(cell, output: counting).failure)
        XCTAssertNil(session.run("big = 0", output: RecordingSink()).failure)
        // The literal's one poll (at item 65,536) is the cell's last; interrupt there.
        let sink = RecordingSink(cancelAfterPolls: counting.polls - 1)
        let outcome = session.run(cell, output: sink)
        XCTAssertEqual(outcome.failure?.name, "Interrupted")
        XCTAssertEqual(
            outcome.failure?.diagnostics.first?.range.start, SourceLocation(line: 1, column: 7),
            "stopped at the literal, not between phases")
        XCTAssertEqual(session.run("big", output: RecordingSink()).result?.plain, "0")
    }

    func testTheSameOperationsGiveTheirResultsWhenNobodyInterrupts() {
        let session = prepared()
        let characters = Array(Self.text)
        let listText = "[" + (0..<200_000).map(String.init).joined(separator: ", ") + "]"
        let expected: [(cell: String, plain: String)] = [
            ("l == l2", "true"), ("[a] != [b]", "false"), ("l == l2 + [1]", "false"), ("[a] == [a * 2]", "false"),
            ("any(a != b)", "false"), ("all(a == a * 2)", "false"),
            ("len(l + l2)", "400000"), ("(l + l2)[200005]", "5"), ("l[1:][199998]", "199999"), ("len(l[-3:])", "3"),
            ("len(list(range(200000)))", "200000"), ("list(s)[79999]", "\"é\""), ("len(list(s))", "80000"), ("len(s)", "80000"),
            ("len(\"dé\")", "2"),
            ("len(str(l))", String(listText.count)), ("str(l)[0:12]", "\"[0, 1, 2, 3,\""),
            ("tolist(a)[199999]", "199999"), ("len(tolist(a))", "200000"),
            ("tolist(reshape(a, [2, 100000]))[1][0]", "100000"), ("tolist(tensor([[[1, 2]], [[3, 4]]]))", "[[[1, 2]], [[3, 4]]]"),
            ("tolist(tensor(7))", "7"), ("tolist(zeros([2, 0]))", "[[], []]"), ("tensor([[1, 2], [3, 4]])", "tensor([[1, 2], [3, 4]])"),
            ("tensor(l)[123456]", "123456"),
            ("s[70001]", "\"\(characters[70001])\""), ("s[-70000]", "\"\(characters[characters.count - 70000])\""),
            ("s[79990:]", "\"\(String(characters[79990...]))\""), ("s[-5:-2]", "\"\(String(characters[79995..<79998]))\""),
            ("s[70000:69000]", "\"\""), ("s[-100000:4]", "\"\(String(characters[0..<4]))\""),
            ("len(s[1:1000000])", "79999"),
            ("a", "tensor(shape=[200000], min=0, max=199999, mean=99999.5)")
        ]
        for (cell, plain) in expected {
            let outcome = session.run(cell, output: RecordingSink())
            XCTAssertNil(outcome.failure, cell)
            XCTAssertEqual(outcome.result?.plain, plain, cell)
        }
        let printed = RecordingSink()
        XCTAssertNil(session.run("print(l)", output: printed).failure)
        XCTAssertEqual(printed.stdout, listText + "\n")
    }

    func testAnIndexPastEitherEndOfALongStringNamesItsLength() {
        let session = prepared()
        for index in [80_000, -80_001, 1_000_000] {
            let outcome = session.run("s[\(index)]", output: RecordingSink())
            XCTAssertEqual(outcome.failure?.name, "IndexError", "s[\(index)]")
            XCTAssertEqual(outcome.failure?.diagnostics.first?.problem, .indexOutOfRange(index: index, count: 80_000))
        }
    }
}
