import SpikeEngine

/// What a parameter takes and how its argument becomes a Swift value: `.number` gives a
/// `Double`, `.integer` an `Int`, `.choice(Axis.self)` an enum case, `.orNone(.integer)` an
/// `Int?`. Reading reports a wrong kind as a TypeError and a bad value as a ValueError at the
/// argument (`ArgumentSite`), with the same texts for every builtin.
struct ArgumentKind<T> {
    /// Reads an argument (or the default) as a `T`.
    let read: (Value, ArgumentSite) throws -> T
    /// The language value of a Swift default, for the signature and for matching; nil for
    /// kinds that never have a default (a network, training data).
    var encode: ((T) -> Value)?
    /// True when `none` is a value of this kind, so a parameter without a default gets `none`.
    var acceptsNone = false

    /// `kind` with `none` accepted as nil: `.orNone(.integer)` for `axis=none`.
    static func orNone<U>(_ kind: ArgumentKind<U>) -> ArgumentKind<T> where T == U? {
        ArgumentKind(
            read: { value, site in value.isNone ? nil : try kind.read(value, site) },
            encode: { value in value.flatMap { kind.encode?($0) } ?? Value.none }, acceptsNone: true)
    }

    /// This kind, then a check of the value that returns a ValueError's reason when it fails.
    func checked(_ reason: @escaping (T) -> String?) -> ArgumentKind<T> {
        ArgumentKind(
            read: { value, site in
                let result = try read(value, site)
                if let reason = reason(result) { throw site.invalid(reason) }
                return result
            }, encode: encode, acceptsNone: acceptsNone)
    }
}

extension ArgumentKind where T == Value {
    /// Any value, as is: the body looks at it itself.
    static var any: ArgumentKind<Value> { ArgumentKind(read: { value, _ in value }, encode: { $0 }) }
}

extension ArgumentKind where T == Double {
    static var number: ArgumentKind<Double> {
        ArgumentKind(
            read: { value, site in
                guard case .number(let number) = value else { throw site.mismatch(value, expected: "a number") }
                return number
            }, encode: { .number($0) })
    }
}

extension ArgumentKind where T == Int {
    /// A number that must be an integer.
    static var integer: ArgumentKind<Int> {
        ArgumentKind(
            read: { value, site in
                try Integers.exact(try ArgumentKind<Double>.number.read(value, site), what: "'\(site.parameter)'", at: site.range)
            }, encode: { .number(Double($0)) })
    }

    /// An integer of at least 1 (a size).
    static var size: ArgumentKind<Int> {
        integer.checked { $0 >= 1 ? nil : "must be at least 1, got \($0)" }
    }

    /// An integer of at least 0 (a seed).
    static var nonNegative: ArgumentKind<Int> {
        integer.checked { $0 >= 0 ? nil : "must not be negative" }
    }
}

extension ArgumentKind where T == String {
    static var string: ArgumentKind<String> {
        ArgumentKind(
            read: { value, site in
                guard case .string(let string) = value else { throw site.mismatch(value, expected: "a string") }
                return string
            }, encode: { .string($0) })
    }
}

extension ArgumentKind where T == Bool {
    static var boolean: ArgumentKind<Bool> {
        ArgumentKind(
            read: { value, site in
                guard case .boolean(let boolean) = value else { throw site.mismatch(value, expected: "a boolean") }
                return boolean
            }, encode: { .boolean($0) })
    }
}

extension ArgumentKind where T: CaseIterable & RawRepresentable, T.RawValue == String {
    /// A string that must name one of `T`'s cases, e.g. `.choice(MeanOver.Axis.self)`.
    static func choice(_ type: T.Type) -> ArgumentKind<T> {
        choice(among: Array(T.allCases))
    }

    /// A string that must name one of `cases` (a builtin offering only some of `T`'s cases,
    /// e.g. `lif()`'s resets without "none").
    static func choice(among cases: [T]) -> ArgumentKind<T> {
        ArgumentKind(
            read: { value, site in
                let given = try ArgumentKind<String>.string.read(value, site)
                guard let choice = T(rawValue: given), cases.contains(where: { $0.rawValue == given }) else {
                    throw Diagnostic(
                        .invalidChoice(
                            function: site.function, parameter: site.parameter, given: given,
                            valid: cases.map(\.rawValue)), at: site.range)
                }
                return choice
            }, encode: { .string($0.rawValue) })
    }
}

extension ArgumentKind where T == [Int] {
    /// A list of integers (`channels=[16, 16]`, `hidden=[64]`).
    static var integers: ArgumentKind<[Int]> {
        ArgumentKind(
            read: { value, site in
                guard case .list(let items) = value else { throw site.mismatch(value, expected: "a list of integers") }
                return try items.map { item in
                    guard case .number(let number) = item else {
                        throw Diagnostic(
                            .elementType(
                                context: "\(site.function)(): '\(site.parameter)'", expected: "integers",
                                got: item.typeName), at: site.range)
                    }
                    return try Integers.exact(number, what: "'\(site.parameter)'", at: site.range)
                }
            }, encode: { .list($0.map { .number(Double($0)) }) })
    }
}

extension ArgumentKind where T == any Neuron {
    static var neuron: ArgumentKind<any Neuron> {
        ArgumentKind(
            read: { value, site in
                guard case .neuron(let neuron) = value else { throw site.mismatch(value, expected: "a neuron such as lif()") }
                return neuron
            }, encode: { .neuron($0) })
    }
}

extension ArgumentKind where T == Surrogate {
    static var surrogate: ArgumentKind<Surrogate> {
        ArgumentKind(
            read: { value, site in
                guard case .surrogate(let surrogate) = value else { throw site.mismatch(value, expected: "a surrogate such as atan()") }
                return surrogate
            }, encode: { .surrogate($0) })
    }
}

extension ArgumentKind where T == PositionalEncoding {
    /// An encoding such as `cpg()`, or `none` for no encoding; `expected` is the TypeError's wording.
    static func encoding(expected: String) -> ArgumentKind<PositionalEncoding> {
        ArgumentKind(
            read: { value, site in
                switch value {
                case .encoding(let encoding): return encoding
                case .none: return .none
                default: throw site.mismatch(value, expected: expected)
                }
            }, encode: { .encoding($0) })
    }
}
