/// Scripts outside Jupyter (`spike run`): parameters bound before the first line, and the last
/// value as plain data.
extension Session {
    /// The script parameter that also seeds the session (`bind`): used even when the script
    /// never names it.
    public static let seedParameter = "seed"

    /// Binds `name` to `value` as if the user had assigned it (a script's parameter). A
    /// parameter `seed` given a whole number ≥ 0 also seeds every random source, as `%seed`
    /// does, since a sweep over seeds is the common case and the name hides `seed()`.
    public func bind(_ name: String, to value: PlainValue) {
        bindings[name] = value.value
        if name == Session.seedParameter, case .number(let number) = value.value, number >= 0, number < 0x1p63, number.rounded() == number {
            settings.seed = UInt64(number)
        }
    }

    /// Runs a whole script as one cell, like `run`, and also returns its last value as plain
    /// data: nil when the script fails or its last statement shows nothing (an assignment, a
    /// loop, a `;`). Cost: `run`'s, plus O(size of the last value) to convert it.
    public func runScript(_ source: String, output: OutputSink) -> ScriptOutcome {
        let last = LastValue()
        resultObserver = { last.value = PlainValue($0) }
        defer { resultObserver = nil }
        let cell = run(source, output: output)
        return ScriptOutcome(cell: cell, value: cell.failure == nil ? last.value : nil)
    }
}

/// What `runScript` produced: the cell's outcome and the script's last value as plain data.
public struct ScriptOutcome: Equatable, Sendable {
    public var cell: CellOutcome
    /// The last value, nil when there is none (see `Session.runScript`).
    public var value: PlainValue?

    public init(cell: CellOutcome, value: PlainValue?) {
        self.cell = cell
        self.value = value
    }
}

/// The holder `runScript`'s observer writes into (on the evaluation thread, before `run` returns).
private final class LastValue {
    var value: PlainValue?
}
