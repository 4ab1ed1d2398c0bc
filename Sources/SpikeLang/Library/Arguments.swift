/// The arguments of one call, matched to a signature, with typed accessors that report a
/// wrong kind or a non-integer at the argument's own source range.
struct Arguments {
    let function: String
    private(set) var values: [String: Value]
    private(set) var ranges: [String: SourceRange]
    /// Values beyond the named parameters, for a variadic signature.
    let rest: [Value]
    let callRange: SourceRange

    /// Matches positional and named arguments to `signature`, filling defaults. Cost: O(n) for
    /// n parameters and arguments.
    ///
    /// Errors: too many positional arguments; a named argument the function does not take
    /// (the message lists the valid names and suggests the closest); a missing required one.
    init(matching signature: Signature, positional: [(Value, SourceRange)], named: [(String, Value, SourceRange)],
         callRange: SourceRange) throws {
        function = signature.name
        self.callRange = callRange
        let names = signature.parameterNames
        values = Dictionary(minimumCapacity: names.count)
        ranges = Dictionary(minimumCapacity: names.count)
        // A variadic function takes every positional value; its parameters go by name only.
        let positionalNames = signature.variadic == nil ? names : []
        if positional.count > positionalNames.count, signature.variadic == nil {
            throw Diagnostic(.tooManyArguments(function: function, maximum: positionalNames.count, given: positional.count),
                             at: positional[positionalNames.count].1)
        }
        for (name, (value, range)) in zip(positionalNames, positional) {
            values[name] = value
            ranges[name] = range
        }
        rest = positional.dropFirst(positionalNames.count).map(\.0)
        // Many named arguments are checked against a set, so matching stays O(n); a handful
        // against the list, so an ordinary call builds nothing.
        let lookup = named.count > 8 ? Set(names) : nil
        for (name, value, range) in named {
            guard lookup?.contains(name) ?? names.contains(name) else {
                throw Diagnostic(.unknownArgument(function: function, name: name, valid: names,
                                                  suggestion: Suggestion.closest(to: name, among: names)), at: range)
            }
            if values[name] != nil {
                throw Diagnostic(.argumentGivenTwice(function: function, parameter: name), at: range)
            }
            values[name] = value
            ranges[name] = range
        }
        for parameter in signature.parameters where values[parameter.name] == nil {
            guard let defaultValue = parameter.defaultValue else {
                throw Diagnostic(.missingArgument(function: function, parameter: parameter.name), at: callRange)
            }
            values[parameter.name] = defaultValue
        }
    }

    func range(of name: String) -> SourceRange {
        ranges[name] ?? callRange
    }

    func value(_ name: String) -> Value {
        values[name] ?? Value.none
    }

    /// True when the argument was written in the call (not filled from its default).
    func isGiven(_ name: String) -> Bool {
        ranges[name] != nil
    }

    func number(_ name: String) throws -> Double {
        guard case .number(let number) = value(name) else { throw mismatch(name, expected: "a number") }
        return number
    }

    func integer(_ name: String) throws -> Int {
        try Integers.exact(try number(name), what: "'\(name)'", at: range(of: name))
    }

    func string(_ name: String) throws -> String {
        guard case .string(let string) = value(name) else { throw mismatch(name, expected: "a string") }
        return string
    }

    func boolean(_ name: String) throws -> Bool {
        guard case .boolean(let boolean) = value(name) else { throw mismatch(name, expected: "a boolean") }
        return boolean
    }

    /// A string argument that must be one of `choices`.
    func choice(_ name: String, among choices: [String]) throws -> String {
        let given = try string(name)
        guard choices.contains(given) else {
            throw Diagnostic(.invalidChoice(function: function, parameter: name, given: given, valid: choices), at: range(of: name))
        }
        return given
    }

    func mismatch(_ name: String, expected: String) -> Diagnostic {
        Diagnostic(.argumentType(function: function, parameter: name, expected: expected, got: value(name).typeName),
                   at: range(of: name))
    }

    func invalid(_ name: String, _ reason: String) -> Diagnostic {
        Diagnostic(.invalidArgument(function: function, parameter: name, reason: reason), at: range(of: name))
    }
}
