/// What went wrong, as data: one case per kind of mistake, carrying the names and numbers
/// the message needs. The text is produced in `Diagnostic+Text.swift` only.
public enum Problem: Equatable, Sendable {
    // MARK: SyntaxError
    /// A character that cannot start any token, e.g. `$`.
    case unexpectedCharacter(String)
    /// A string literal with no closing quote on its line.
    case unterminatedString
    /// A backslash escape the language does not define, e.g. `\q`.
    case invalidEscape(String)
    /// A malformed number such as `1e` or `10_`.
    case invalidNumber(String)
    /// An expression was needed; `found` describes the token that was there instead.
    case expectedExpression(found: String)
    /// A specific token was needed, e.g. `expected: "')'"`.
    case expected(String, found: String)
    /// An opening bracket that is never closed, e.g. `"("`.
    case unclosed(String)
    /// A closing bracket with no matching opener.
    case unmatched(String)
    /// `=` after something that is not a name, an item or a field, e.g. `f(x) = 1`.
    case invalidAssignmentTarget
    /// `f(a=1, 2)`.
    case positionalAfterNamed
    /// The same named argument twice in one call (reported at the second).
    case duplicateArgument(String)
    /// The same parameter name twice in one `fn`.
    case duplicateParameter(String)
    /// The same field twice in one record literal.
    case duplicateField(String)
    /// `fn f(a=1, b)`: a parameter without a default after one with a default.
    case requiredAfterDefault(String)
    /// `a < b < c`: comparisons do not chain.
    case chainedComparison(first: String, second: String)
    /// A word from another language used as if it were Spike's (`def`, `return`, `while`...).
    case foreignKeyword(String)
    /// Brackets or operators nested deeper than the parser allows.
    case tooDeeplyNested(limit: Int)
    /// More operators in flat chains along one path than the parser allows.
    case chainTooLong(limit: Int)
    /// `break` or `continue` that is not inside a `for` body (of the same function).
    case jumpOutsideLoop(String)
    /// A `%magic` the kernel does not know.
    case unknownMagic(String, suggestion: String?)
    /// A magic given a wrong argument, e.g. `%seed x`.
    case invalidMagicArgument(magic: String, expected: String)

    // MARK: NameError
    /// A name that is bound nowhere (`suggestion` is the closest known name).
    case undefinedName(String, suggestion: String?)

    // MARK: TypeError
    /// A binary operator applied to kinds it does not accept.
    case unsupportedOperands(operator: String, left: String, right: String)
    /// A unary operator applied to a kind it does not accept.
    case unsupportedOperand(operator: String, operand: String)
    /// A condition or `and`/`or`/`not` operand that is not a boolean.
    case notBoolean(context: String, got: String)
    case notCallable(String)
    case notIterable(String)
    case notIndexable(String)
    case notSliceable(String)
    /// `x.name` where `x` has no such member.
    /// `members` are the names that do exist (the message lists the first few).
    /// A call of a builtin's name that the session has bound to something else.
    case shadowedBuiltin(name: String, type: String)
    case noMember(type: String, name: String, suggestion: String?, members: [String] = [])
    case tooManyArguments(function: String, maximum: Int, given: Int)
    case missingArgument(function: String, parameter: String)
    /// A named argument for a parameter already given by position, e.g. `len([1], x=[2])`.
    case argumentGivenTwice(function: String, parameter: String)
    /// A named argument the function does not take; lists the valid names.
    case unknownArgument(function: String, name: String, valid: [String], suggestion: String?)
    /// An argument of the wrong kind, e.g. a string where a number was needed.
    case argumentType(function: String, parameter: String, expected: String, got: String)
    /// `a >> b` where either side is not a layer or network.
    case notComposable(left: String, right: String)
    /// A value of the wrong kind where the language needs a specific one, e.g. a range bound.
    case wrongKind(what: String, expected: String, got: String)
    /// A value of the wrong kind inside a container, e.g. a string among plotted numbers.
    case elementType(context: String, expected: String, got: String)

    // MARK: ValueError
    /// A non-integral (or too large) number where an integer is required.
    case notAnInteger(what: String, value: Double)
    case indexOutOfRange(index: Int, count: Int)
    case divisionByZero
    /// A value the function rejects, with the reason.
    case invalidArgument(function: String, parameter: String, reason: String)
    /// A library function failed for a reason it did not classify further.
    case libraryFailure(function: String, message: String)
    /// A string choice outside its closed set, e.g. `reset="soft"`.
    case invalidChoice(function: String, parameter: String, given: String, valid: [String])

    // MARK: ShapeError
    /// Shapes that do not fit together; `detail` names both shapes and the operation.
    case shapeMismatch(String)

    // MARK: ResourceError
    /// Calls nested deeper than the evaluator allows.
    case recursionTooDeep(limit: Int)
    /// A request that would exceed the memory budget.
    case memoryBudget(requestedBytes: Int, budgetBytes: Int)

    // MARK: Interrupted
    case interrupted
    /// `train` stopped by the user while epoch `epoch` of `epochs` ran, after `finished`
    /// epochs; the best of them (if any) gave the network its weights. The run is `last_run()`.
    case trainingInterrupted(epoch: Int, epochs: Int, finished: Int, bestEpoch: Int?)
    /// `compare` stopped by the user in run `run` of `runs` (model `model`, seed `seed`),
    /// after `finished` runs; those are `last_run()`.
    case comparisonInterrupted(model: String, seed: UInt64, run: Int, runs: Int, finished: Int)

    // MARK: Subscripts with several parts (x[i, j])
    /// `xs[1, 2]`: a list, string, range or record takes one subscript (`given` were written).
    case tooManySubscripts(type: String, given: Int)
    /// `t[i, j, k]` with more parts than the tensor has axes.
    case tooManyIndices(shape: [Int], given: Int)
    /// An index outside its axis in a multi-axis subscript: `t[0, 5]` on a `[2, 3]` tensor.
    case axisIndexOutOfRange(axis: Int, index: Int, count: Int)

    // MARK: Formatting (f-strings and format specs)
    /// A single `}` in an f-string's text (a literal brace is written `}}`).
    case fStringSingleBrace
    /// `{}` (or `{ }`) with no expression in an f-string.
    case fStringEmptyField
    /// A `{` inside a field's format spec: nested fields are not supported.
    case fStringNestedSpec
    /// A format spec that does not apply (ValueError), e.g. `.3q`, or `d` for 2.5.
    case invalidFormatSpec(spec: String, mistake: FormatSpecMistake)

    // MARK: Part assignment (TypeError)
    /// `x[0] = 1` or `t.spikes = …` where `x` is a number, string, trace, ...: only list items,
    /// record fields and tensor rows and elements can be assigned. `part` reads "an item" or
    /// "the member 'spikes'".
    case partNotAssignable(type: String, part: String)
    /// A part of a name a nested function captured from the call around it: readable, not
    /// changeable (the change could not reach that call).
    case capturedPartAssignment(String)

    /// The error family this problem belongs to.
    public var kind: ErrorKind {
        switch self {
        case .unexpectedCharacter, .unterminatedString, .invalidEscape, .invalidNumber,
            .expectedExpression, .expected, .unclosed, .unmatched, .invalidAssignmentTarget,
            .positionalAfterNamed, .duplicateArgument, .duplicateParameter, .duplicateField,
            .requiredAfterDefault, .tooDeeplyNested, .chainTooLong, .jumpOutsideLoop, .unknownMagic, .invalidMagicArgument, .foreignKeyword,
            .chainedComparison:
            return .syntax
        case .undefinedName:
            return .name
        case .unsupportedOperands, .unsupportedOperand, .notBoolean, .notCallable, .notIterable,
            .notIndexable, .notSliceable, .noMember, .shadowedBuiltin, .tooManyArguments, .missingArgument, .argumentGivenTwice,
            .unknownArgument, .argumentType, .notComposable, .elementType, .wrongKind, .tooManySubscripts:
            return .type
        case .indexOutOfRange, .tooManyIndices, .axisIndexOutOfRange:
            return .index
        case .notAnInteger, .divisionByZero, .invalidArgument, .invalidChoice, .libraryFailure:
            return .value
        case .shapeMismatch:
            return .shape
        case .recursionTooDeep, .memoryBudget:
            return .resource
        case .interrupted, .trainingInterrupted, .comparisonInterrupted:
            return .interrupted
        case .fStringSingleBrace, .fStringEmptyField, .fStringNestedSpec:
            return .syntax
        case .invalidFormatSpec:
            return .value
        case .partNotAssignable, .capturedPartAssignment:
            return .type
        }
    }
}
