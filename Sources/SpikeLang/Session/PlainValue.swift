/// A Spike value as plain data: what a script parameter can be (`spike run x.spk seed=3`),
/// and the form in which a script's result leaves the language (`--result-json`).
///
/// Numbers, strings, booleans, `none`, lists and records map one to one; any other value (a
/// network, a figure, a range, a tensor…) has no plain form and becomes `.opaque` with its kind
/// and its text form, as a cell shows it. A parsed literal is never `.opaque`.
///
///     PlainValue.parse("[1, \"a\", {b: none}]")
///     // .success(.list([.number(1), .string("a"), .record([.init(name: "b", value: .none)])]))
///     PlainValue.list([.number(0.5), .string("cpg")]).literalText   // "[0.5, \"cpg\"]"
public indirect enum PlainValue: Equatable, Sendable {
    case number(Double)
    case string(String)
    case boolean(Bool)
    case none
    case list([PlainValue])
    /// A record's fields in the order written.
    case record([Field])
    /// A value with no plain form: its kind as a message says it ("a figure") and its text.
    case opaque(kind: String, text: String)

    /// One field of a record.
    public struct Field: Equatable, Sendable {
        public var name: String
        public var value: PlainValue

        public init(name: String, value: PlainValue) {
            self.name = name
            self.value = value
        }
    }

    /// Containers nested deeper than this become `.opaque` (their text form), so converting a
    /// pathological value (`x = [x]` in a long loop) cannot exhaust the stack.
    public static let depthLimit = ValueText.depthLimit

    /// Spike source that reads back as this value: `3`, `0.25`, `"cpg"`, `[1, 2]`, `{a: true}`.
    /// An `.opaque` value gives its text form, which is not a literal.
    public var literalText: String {
        switch self {
        case .number(let number): return ValueText.number(number)
        case .string(let text): return ValueText.quoted(text)
        case .boolean(let flag): return flag ? "true" : "false"
        case .none: return "none"
        case .list(let items): return "[" + items.map(\.literalText).joined(separator: ", ") + "]"
        case .record(let fields):
            let members = fields.map { ValueText.fieldName($0.name) + ": " + $0.value.literalText }
            return "{" + members.joined(separator: ", ") + "}"
        case .opaque(_, let text): return text
        }
    }
}

extension PlainValue {
    /// The plain form of a language value; containers deeper than `depthLimit` and values
    /// with no plain form become `.opaque`. Cost: O(size of the value).
    init(_ value: Value, depth: Int = 0) {
        switch value {
        case .number(let number): self = .number(number)
        case .string(let text): self = .string(text)
        case .boolean(let flag): self = .boolean(flag)
        case .none: self = .none
        case .list(let items) where depth < Self.depthLimit:
            self = .list(items.map { PlainValue($0, depth: depth + 1) })
        case .record(let record) where depth < Self.depthLimit:
            self = .record(record.fields.map { Field(name: $0.name, value: PlainValue($0.value, depth: depth + 1)) })
        default:
            self = .opaque(kind: value.typeName, text: ValueText.text(of: value, limit: ValueText.displayLimit))
        }
    }

    /// The language value of a plain one; an `.opaque` value becomes its text, as a string.
    var value: Value {
        switch self {
        case .number(let number): return .number(number)
        case .string(let text): return .string(text)
        case .boolean(let flag): return .boolean(flag)
        case .none: return .none
        case .list(let items): return .list(ValueList(items.map(\.value)))
        case .record(let fields): return .record(Record(fields.map { Record.Field(name: $0.name, value: $0.value.value) }))
        case .opaque(_, let text): return .string(text)
        }
    }
}
