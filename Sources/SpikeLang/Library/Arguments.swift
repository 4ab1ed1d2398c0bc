/// The arguments of one call, matched to a signature. A builtin reads them through its
/// declared parameters, `try arguments[param]`, which reports a wrong kind or a bad value at
/// the argument's own source range.
struct Arguments {
    let function: String
    private var values: [String: Value]
    private var ranges: [String: SourceRange]
    /// Values beyond the named parameters, for a variadic signature.
    let rest: [Value]
    let callRange: SourceRange

    /// Matches positional and named arguments to `signature`, filling defaults. Cost: O(n) for
    /// n parameters and arguments.
    ///
    /// Errors: too many positional arguments; a named argument the function does not take
    /// (the message lists the valid names and suggests the closest); a missing required one.
    init(
        matching signature: Signature, positional: [(Value, SourceRange)], named: [(String, Value, SourceRange)],
        callRange: SourceRange
    ) throws {
        function = signature.name
        self.callRange = callRange
        let names = signature.parameterNames
        values = Dictionary(minimumCapacity: names.count)
        ranges = Dictionary(minimumCapacity: names.count)
        // A variadic function takes every positional value; its parameters go by name only.
        let positionalNames = signature.variadic == nil ? names : []
        if positional.count > positionalNames.count, signature.variadic == nil {
            throw Diagnostic(
                .tooManyArguments(function: function, maximum: positionalNames.count, given: positional.count),
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
                throw Diagnostic(
                    .unknownArgument(
                        function: function, name: name, valid: names,
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

    /// Where the argument `name` was written (the call, for a default): engine errors name
    /// the parameter they concern by its spelling.
    func range(of name: String) -> SourceRange {
        ranges[name] ?? callRange
    }

    /// The value bound to a user function's parameter `name` (the evaluator's glue; builtins
    /// read through their `Param`s).
    func boundValue(_ name: String) -> Value {
        values[name] ?? Value.none
    }

    /// The argument for `param`, read as its kind's Swift value.
    ///
    /// A `Param` that this call's signature does not declare (one made for another builtin) is
    /// a programming error: it is reported as a `libraryFailure` naming the parameter.
    subscript<T>(param: Param<T>) -> T {
        get throws {
            let value: Value
            if param.isRest {
                value = .list(ValueList(rest))
            } else if let given = values[param.name] {
                value = given
            } else {
                throw Diagnostic(
                    .libraryFailure(function: function, message: "reads '\(param.name)', which its signature does not declare"),
                    at: callRange)
            }
            return try param.kind.read(value, site(param))
        }
    }

    /// Where `param`'s argument was written, for its errors.
    func site<T>(_ param: Param<T>) -> ArgumentSite {
        ArgumentSite(function: function, parameter: param.name, range: range(of: param))
    }

    func range<T>(of param: Param<T>) -> SourceRange {
        range(of: param.name)
    }

    /// True when the argument was written in the call (not filled from its default).
    func isGiven<T>(_ param: Param<T>) -> Bool {
        ranges[param.name] != nil
    }

    /// A TypeError at `param`'s argument: it is not what the body needs.
    func mismatch<T>(_ param: Param<T>, expected: String) -> Diagnostic {
        Diagnostic(
            .argumentType(
                function: function, parameter: param.name, expected: expected,
                got: boundValue(param.name).typeName), at: range(of: param))
    }

    /// A ValueError at `param`'s argument.
    func invalid<T>(_ param: Param<T>, _ reason: String) -> Diagnostic {
        site(param).invalid(reason)
    }
}
