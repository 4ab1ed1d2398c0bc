import XCTest

@testable import SpikeLang

/// Huge cells and sessions keep the diagnostics of small ones: duplicates are found by
/// lookup (reported at the second occurrence, as always) and "did you mean" stays bounded.
final class LargeCellTests: XCTestCase {
    private let count = 20_000

    func testADuplicateFieldParameterOrArgumentAmongManyIsReportedAtItsSecondOccurrence() {
        let fields = (0..<count).map { "f\($0): \($0)" }.joined(separator: ", ")
        let parameters = (0..<count).map { "p\($0)" }.joined(separator: ", ")
        let arguments = (0..<count).map { "a\($0)=\($0)" }.joined(separator: ", ")
        let cases: [(source: String, problem: Problem, column: Int, length: Int)] = [
            ("{\(fields), f7: 0}", .duplicateField("f7"), 1 + fields.count + 3, 2),
            ("fn f(\(parameters), p42) = 0", .duplicateParameter("p42"), 6 + parameters.count + 2, 3),
            ("f(\(arguments), a19999=0)", .duplicateArgument("a19999"), 3 + arguments.count + 2, 6)
        ]
        for (source, problem, column, length) in cases {
            XCTAssertEqual(
                Parser.parse(source).diagnostics,
                [Diagnostic(problem, at: SourceRange(line: 1, column: column, length: length))])
        }
        XCTAssertEqual(Parser.parse("{\(fields)}").diagnostics, [])
    }

    func testAFunctionOfTwentyThousandParametersTakesThemAllByNameInAnyOrder() {
        let parameters = (0..<count).map { "p\($0)" }.joined(separator: ", ")
        let arguments = (0..<count).reversed().map { "p\($0)=\($0)" }.joined(separator: ", ")
        let last = count - 1
        let session = Session()
        let outcome = session.run("fn f(\(parameters)) = p\(last) - p0 + p7\nf(\(arguments))", output: RecordingSink())
        XCTAssertNil(outcome.failure)
        XCTAssertEqual(outcome.result?.plain, "\(last + 7)")
        let twice = session.run("f(1, \(arguments))", output: RecordingSink())
        XCTAssertEqual(twice.failure?.diagnostics.first?.problem, .argumentGivenTwice(function: "f", parameter: "p0"))
    }

    func testARequiredParameterAfterADefaultIsStillReportedAtItsName() {
        let (_, diagnostics) = Parser.parse("fn f(a, b=1, c, d) = 0")
        XCTAssertEqual(diagnostics, [Diagnostic(.requiredAfterDefault("c"), at: SourceRange(line: 1, column: 14))])
    }

    func testAPositionalArgumentAfterNamedOnesIsStillReported() {
        let (_, diagnostics) = Parser.parse("f(1, a=2, 3)")
        XCTAssertEqual(diagnostics, [Diagnostic(.positionalAfterNamed, at: SourceRange(line: 1, column: 11))])
    }

    func testDidYouMeanFindsTheOneCloseNameAmongTwentyThousandBindings() {
        let bindings = Dictionary(uniqueKeysWithValues: (0..<count).map { ("value_\($0)", Value.number(Double($0))) })
        let outer = OuterNames(bindings: bindings, library: Library())
        let diagnostics = Checker.check(Parser.parse("vaule_4242").program, outer: outer)
        XCTAssertEqual(diagnostics.map(\.problem), [.undefinedName("vaule_4242", suggestion: "value_4242")])
    }

    func testDidYouMeanStopsSuggestingOnceTheCellsBudgetIsSpent() {
        let bindings = Dictionary(uniqueKeysWithValues: (0..<1000).map { ("value_\($0)", Value.number(Double($0))) })
        let outer = OuterNames(bindings: bindings, library: Library())
        let perSearch = 1000 + Library().builtins.count
        let cell = (0..<6).map { "vaule_\($0)" }.joined(separator: "\n")
        let diagnostics = Checker.check(Parser.parse(cell).program, outer: outer, suggestionCandidateLimit: 3 * perSearch + 1)
        XCTAssertEqual(
            diagnostics.map(\.problem),
            (0..<6).map { index in
                .undefinedName("vaule_\(index)", suggestion: index < 3 ? "value_\(index)" : nil)
            })
    }

    func testNamesBoundInABranchOrAFunctionBodyKeepTheirScopes() {
        let outer = OuterNames(bindings: [:], library: Library())
        let cell = """
            if true { first_value = 1 } else { second_value = first_value }
            fn f(parameter) { local_value = parameter
            local_value }
            [first_value, second_value, f, parameter, local_value]
            """
        let diagnostics = Checker.check(Parser.parse(cell).program, outer: outer)
        XCTAssertEqual(
            diagnostics.map(\.problem),
            [
                .undefinedName("first_value", suggestion: nil),
                .undefinedName("parameter", suggestion: nil),
                .undefinedName("local_value", suggestion: nil)
            ])
        XCTAssertEqual(diagnostics.map(\.range.start.line), [1, 4, 4])
    }

    func testANameLongerThanTheBoundGetsNoSuggestion() {
        let long = String(repeating: "a", count: Suggestion.maximumLength)
        XCTAssertEqual(Suggestion.closest(to: long + "b", among: [long + "c"]), nil)
        XCTAssertEqual(Suggestion.closest(to: String(long.dropLast()) + "b", among: [long]), long)
    }

    func testTheBoundedEditDistanceAgreesWithTheFullTable() {
        var state: UInt64 = 11
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33)
        }
        let letters = Array("abc")
        for _ in 0..<3000 {
            let a = (0..<(next() % 9)).map { _ in letters[next() % 3] }
            let b = (0..<(next() % 9)).map { _ in letters[next() % 3] }
            let full = Self.fullDistance(a, b)
            for limit in 0...5 {
                XCTAssertEqual(
                    Suggestion.editDistance(a, b, limit: limit), full <= limit ? full : nil,
                    "\(String(a)) → \(String(b)) within \(limit)")
            }
        }
    }

    func testClosestAgreesWithAnExhaustiveSearchOverMixedCaseAndUnicodeNames() {
        var state: UInt64 = 23
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33)
        }
        let pieces = ["a", "b", "A", "B", "é", "_", "1", "ab", "e\u{301}"]
        func word() -> String { (0..<(next() % 9)).map { _ in pieces[next() % pieces.count] }.joined() }
        for _ in 0..<400 {
            let name = word()
            let candidates = (0..<30).map { _ in word() } + [String(repeating: "a", count: 70)]
            XCTAssertEqual(
                Suggestion.closest(to: name, among: candidates), Self.exhaustiveClosest(to: name, among: candidates),
                "\(name) among \(candidates)")
        }
    }

    /// Oracle: every candidate's full-table distance, the smallest accepted one, ties alphabetical.
    private static func exhaustiveClosest(to name: String, among candidates: [String]) -> String? {
        let target = Array(name.lowercased())
        let accepted = candidates.filter { $0 != name }.compactMap { candidate -> (Int, String)? in
            let other = Array(candidate.lowercased())
            guard target.count <= 64, other.count <= 64 else { return nil }
            let distance = fullDistance(target, other)
            return distance <= max(1, max(target.count, other.count) / 3) ? (distance, candidate) : nil
        }
        return accepted.min { $0 < $1 }?.1
    }

    /// Oracle: optimal string alignment distance over the whole table.
    private static func fullDistance(_ a: [Character], _ b: [Character]) -> Int {
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in stride(from: 1, through: a.count, by: 1) {
            for j in stride(from: 1, through: b.count, by: 1) {
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }
}
