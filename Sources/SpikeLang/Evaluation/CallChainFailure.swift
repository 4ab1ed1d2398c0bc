/// A runtime error inside a user function of the running cell, with the calls that led to it.
///
/// The error keeps its own place (the culprit inside the function); `calls` are the call sites,
/// innermost first, each with the label of the function it sits in (`f()` or `<fn at line 3>`;
/// nil: the cell's top level). The
/// traceback shows the error, then each call as "called in f() at L:C" with its line and caret.
struct CallChainFailure: Error {
    struct Call {
        var range: SourceRange
        var caller: String?
    }

    var diagnostic: Diagnostic
    var calls: [Call]

    init(_ diagnostic: Diagnostic, calledAt range: SourceRange, by caller: String?) {
        self.diagnostic = diagnostic
        calls = [Call(range: range, caller: caller)]
    }

    /// The traceback lines after the error's own: one heading, source line and caret per call.
    /// A deep recursion shows its first `shownCalls / 2` and last calls, with a count between.
    func contextLines(source: String) -> [String] {
        let sourceLines = SourceLines.of(source)
        func lines(_ call: Call) -> [String] {
            let place = call.caller.map { "called in \($0) at \(call.range.start):" } ?? "called at \(call.range.start):"
            return [place] + Diagnostic(diagnostic.problem, at: call.range).tracebackLines(sourceLines: sourceLines).dropFirst()
        }
        guard calls.count > Self.shownCalls else { return calls.flatMap(lines) }
        let head = calls.prefix(Self.shownCalls / 2)
        let tail = calls.suffix(Self.shownCalls / 2)
        return head.flatMap(lines) + ["… \(calls.count - head.count - tail.count) more calls …"] + tail.flatMap(lines)
    }

    /// Calls shown in full; a deeper chain (recursion) is cut in the middle.
    static let shownCalls = 12
}
