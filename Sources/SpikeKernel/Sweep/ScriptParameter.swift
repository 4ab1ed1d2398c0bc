import SpikeLang

/// One `NAME=VALUE` of `spike run`: a name bound before the script's first line.
///
///     try ScriptParameter.parse("pe=cpg")      // name "pe", value .string("cpg")
///     try ScriptParameter.parse("lr=1e-3")     // name "lr", value .number(0.001)
///     ScriptParameter(name: "pe", value: .string("cpg")).argument   // "pe=\"cpg\""
public struct ScriptParameter: Equatable, Sendable {
    public var name: String
    public var value: PlainValue

    public init(name: String, value: PlainValue) {
        self.name = name
        self.value = value
    }

    /// Reads `NAME=VALUE`; the value is one literal (docs/architecture.md §3).
    public static func parse(_ argument: String) throws(SweepInputError) -> ScriptParameter {
        let (name, text) = try split(argument)
        switch PlainValue.parse(text) {
        case .success(let value): return ScriptParameter(name: name, value: value)
        case .failure(let problem): throw .invalidValue(argument: argument, problem: problem)
        }
    }

    /// The name and value text of `NAME=…`, the name checked.
    static func split(_ argument: String) throws(SweepInputError) -> (name: String, text: String) {
        guard let equals = argument.firstIndex(of: "=") else { throw .notAnAssignment(argument: argument) }
        let name = String(argument[..<equals])
        guard ScriptText.isName(name) else { throw .invalidName(argument: argument) }
        return (name, String(argument[argument.index(after: equals)...]))
    }

    /// The argument that reads back as this parameter: `seed=3`, `pe="cpg"`.
    public var argument: String { name + "=" + value.literalText }
}
