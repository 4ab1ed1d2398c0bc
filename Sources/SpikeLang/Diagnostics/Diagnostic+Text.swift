import Foundation

/// The one place where diagnostics become text: the message of each problem, and the
/// traceback lines (location, source line, caret) shown in the notebook.
extension Problem {
    /// The one-line message, without the error family's name.
    public var message: String {
        switch self {
        case .unexpectedCharacter(let c): return "unexpected character \(c)"
        case .unterminatedString: return "unterminated string: a closing \" is missing on this line"
        case .invalidEscape(let e): return "invalid escape \\\(e) (use \\\" \\\\ \\n \\t or \\u{…})"
        case .invalidNumber(let n): return "malformed number '\(n)'"
        case .expectedExpression(let found): return "expected an expression, found \(found)"
        case .expected(let what, let found): return "expected \(what), found \(found)"
        case .unclosed(let bracket): return "'\(bracket)' was never closed"
        case .unmatched(let bracket): return "unmatched '\(bracket)'"
        case .invalidAssignmentTarget:
            return "only a name, an item or a field can be assigned to (name = v, xs[i] = v, r.name = v)"
        case .positionalAfterNamed: return "a positional argument cannot follow named arguments"
        case .duplicateArgument(let name): return "argument '\(name)' is given twice"
        case .duplicateParameter(let name): return "parameter '\(name)' is declared twice"
        case .duplicateField(let name): return "field '\(name)' appears twice in this record"
        case .requiredAfterDefault(let name):
            return "parameter '\(name)' needs a default because an earlier parameter has one"
        case .chainedComparison(let first, let second):
            return "comparisons do not chain: write a \(first) b and b \(second) c"
        case .foreignKeyword(let word):
            return "'\(word)' is not a Spike keyword; " + Self.foreignHint(word)
        case .tooDeeplyNested(let limit): return "expression nested too deeply (more than \(limit) levels)"
        case .jumpOutsideLoop(let word):
            return "'\(word)' outside a loop: it can only stand in the body of a for loop (not in a function called from one)"
        case .chainTooLong(let limit):
            return "expression too long: more than \(Self.grouped(limit)) operators in a row (split it across statements)"
        case .unknownMagic(let name, let suggestion):
            return "unknown magic %\(name)" + Self.didYouMean(suggestion.map { "%" + $0 })
                + "; magics are %time %who %reset %seed %threads %help"
        case .invalidMagicArgument(let magic, let expected): return "%\(magic) expects \(expected)"
        case .undefinedName(let name, let suggestion):
            if let spelled = Self.foreignLiterals[name] {
                return "name '\(name)' is not defined; Spike writes \(spelled) (lowercase)"
            }
            return "name '\(name)' is not defined" + Self.didYouMean(suggestion)
        case .unsupportedOperands(let op, let left, let right):
            return "'\(op)' does not apply to \(left) and \(right)"
        case .unsupportedOperand(let op, let operand): return "'\(op)' does not apply to \(operand)"
        case .notBoolean(let context, let got):
            let hint = got == "a tensor" ? " (a tensor comparison gives 0s and 1s: reduce it with any(c), all(c) or sum(c))" : ""
            return "\(context) needs a boolean, got \(got)" + hint
        case .notCallable(let type): return "\(type) is not a function"
        case .notIterable(let type): return "cannot iterate over \(type) (use a list or a range)"
        case .notIndexable(let type): return "\(type) cannot be indexed"
        case .notSliceable(let type): return "\(type) cannot be sliced"
        case .shadowedBuiltin(let name, let type):
            return "'\(name)' is bound to \(type) in this session, which hides the builtin \(name)(); "
                + "give the value another name (%reset clears the session)"
        case .noMember(let type, let name, let suggestion, let members):
            return "\(type) has no member '\(name)'" + Self.memberList(members) + Self.didYouMean(suggestion)
        case .tooManyArguments(let function, let maximum, let given):
            return "\(function)() takes at most \(maximum) positional argument\(maximum == 1 ? "" : "s"), \(given) given"
        case .missingArgument(let function, let parameter):
            return "\(function)() is missing argument '\(parameter)'"
        case .argumentGivenTwice(let function, let parameter):
            return "\(function)() got '\(parameter)' both by position and by name"
        case .unknownArgument(let function, let name, let valid, let suggestion):
            let names = valid.isEmpty ? "it takes no named arguments" : "valid names: " + valid.joined(separator: ", ")
            return "\(function)() has no argument '\(name)'" + Self.didYouMean(suggestion) + "; " + names
        case .argumentType(let function, let parameter, let expected, let got):
            return "\(function)(): '\(parameter)' must be \(expected), got \(got)"
        case .notComposable(let left, let right):
            return "'>>' composes layers and networks, got \(left) and \(right)"
        case .wrongKind(let what, let expected, let got):
            return "\(what) must be \(expected), got \(got)"
        case .elementType(let context, let expected, let got):
            return "\(context) must contain \(expected), found \(got)"
        case .notAnInteger(let what, let value):
            return "\(what) must be an integer, got \(ValueText.number(value))"
        case .indexOutOfRange(let index, let count):
            return "index \(index) is out of range for length \(count)"
        case .tooManySubscripts(let type, let given):
            return "\(type) takes one subscript, got \(given) (several parts separated by commas index the axes of a tensor)"
        case .tooManyIndices(let shape, let given):
            return "a tensor of shape \(shape) has \(shape.count) ax\(shape.count == 1 ? "is" : "es"), but \(given) subscripts were given"
        case .axisIndexOutOfRange(let axis, let index, let count):
            return "index \(index) is out of range for axis \(axis) of size \(count)"
        case .divisionByZero: return "division by zero"
        case .invalidArgument(let function, let parameter, let reason):
            return "\(function)(): '\(parameter)' \(reason)"
        case .libraryFailure(let function, let message):
            return "\(function)(): \(message)"
        case .invalidChoice(let function, let parameter, let given, let valid):
            return "\(function)(): '\(parameter)' must be one of "
                + valid.map { "\"\($0)\"" }.joined(separator: ", ") + ", got \"\(given)\""
        case .shapeMismatch(let detail): return detail
        case .recursionTooDeep(let limit): return "calls nested more than \(limit) deep (runaway recursion?)"
        case .memoryBudget(let requested, let budget):
            return "this needs \(Self.bytes(requested)) but the memory budget is \(Self.bytes(budget))"
        case .interrupted: return "interrupted by the user"
        case .trainingInterrupted(let epoch, let epochs, let finished, let bestEpoch):
            let finishedText = Self.count(finished, "finished epoch")
            guard let bestEpoch else {
                return "train interrupted in epoch \(epoch) of \(epochs), before any epoch finished; the network keeps its "
                    + "weights as they were when interrupted; the run so far (\(finishedText), no best epoch) is last_run()"
            }
            return "train interrupted in epoch \(epoch) of \(epochs); the network has the weights of its best epoch "
                + "\(bestEpoch); the run so far (\(finishedText), best epoch \(bestEpoch)) is last_run()"
        case .comparisonInterrupted(let model, let seed, let run, let runs, let finished):
            let place = "compare interrupted in run \(run) of \(runs) ('\(model)', seed \(seed))"
            if finished == 0 { return place + ", before any run finished; last_run() is a comparison with no runs" }
            return place + "; the comparison of the \(Self.count(finished, "finished run")) is last_run()"
        case .fStringSingleBrace: return "single '}' in an f-string: write }} for a literal brace"
        case .fStringEmptyField:
            return "empty {} in an f-string: put an expression inside, or write {{ and }} for literal braces"
        case .fStringNestedSpec:
            return "a format spec cannot contain '{' (nested fields are not supported): write the spec out, e.g. {x:.3f}"
        case .invalidFormatSpec(let spec, let mistake):
            return "invalid format spec \(ValueText.quoted(spec)): " + Self.reason(mistake)
        case .partNotAssignable(let type, let part):
            return "cannot assign to \(part) of \(type): only list items, record fields and tensor rows and elements "
                + "can be assigned (build a new value and bind it with name = value)"
        case .capturedPartAssignment(let name):
            return "cannot assign to a part of '\(name)': this function reads it from the call it was defined in, "
                + "which it cannot change; copy it first (\(name)2 = \(name)) or return the new value"
        }
    }

    /// Why a format spec is rejected, naming the part at fault.
    private static func reason(_ mistake: FormatSpecMistake) -> String {
        switch mistake {
        case .unexpectedText(let text):
            return "cannot read \(ValueText.quoted(text)) where at most one type letter may stand "
                + "(a spec reads [[fill]align][sign][z][#][0][width][,|_][.precision][type])"
        case .missingPrecision: return "'.' must be followed by the precision's digits, e.g. .3f"
        case .twoSeparators: return "',' and '_' cannot both be given"
        case .tooLarge(let part, let limit): return "\(part) must be at most \(limit)"
        case .unknownType(let type, let valueKind):
            let types = valueKind == "a string" ? "s" : "f F e E g G % n d b o x X"
            return "'\(type)' is not a type for \(valueKind) (types: \(types))"
        case .partNotAllowed(let part, let context): return "\(part) is not allowed with \(context)"
        case .notIntegral(let type, let value):
            return "type '\(type)' needs an integral number, got \(ValueText.number(value)) (use .0f to round)"
        }
    }

    /// What Spike offers instead of another language's keyword.
    /// Literals of other languages and how Spike writes them.
    static let foreignLiterals = [
        "True": "true", "False": "false", "None": "none", "null": "none", "nil": "none",
        "TRUE": "true", "FALSE": "false", "NULL": "none"
    ]

    static func foreignHint(_ word: String) -> String {
        switch word {
        case "def", "function": return "define a function with fn name(a, b=2) = expr or fn name(a) { … }"
        case "lambda": return "an anonymous function is written fn(a, b=2) = expr or fn(a) { … }"
        case "return": return "a function's value is its last expression"
        case "while": return "loop with for x in 0..n { … }"
        case "elif": return "write else if"
        case "let", "var", "const": return "bind a name with name = value"
        default: return "see help() for the language"
        }
    }

    /// ` (its members: a, b, c)` (the first 12, then how many more), or nothing for none.
    private static func memberList(_ members: [String]) -> String {
        guard !members.isEmpty else { return "" }
        let shown = members.prefix(12).joined(separator: ", ")
        let more = members.count > 12 ? ", … \(members.count - 12) more" : ""
        return " (its members: " + shown + more + ")"
    }

    /// `10000` as `10,000`.
    private static func grouped(_ number: Int) -> String {
        var digits = Array(String(number))
        var index = digits.count - 3
        while index > 0 {
            digits.insert(",", at: index)
            index -= 3
        }
        return String(digits)
    }

    private static func didYouMean(_ suggestion: String?) -> String {
        suggestion.map { "; did you mean '\($0)'?" } ?? ""
    }

    /// `1 finished epoch`, `2 finished epochs`.
    private static func count(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }

    private static func bytes(_ count: Int) -> String {
        let units = ["bytes", "KB", "MB", "GB", "TB"]
        var value = Double(count)
        var unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        return unit == 0 ? "\(count) bytes" : String(format: "%.1f %@", value, units[unit])
    }
}

extension Diagnostic {
    /// `NameError at 2:5: name 'x' is not defined`.
    public var summary: String { "\(kind.rawValue) at \(range.start): \(problem.message)" }

    /// Where this diagnostic sits inside `function` (its label, `f()` or `<fn at line 3>`),
    /// defined in another cell whose text is `source`: a heading, the source line and a caret
    /// line.
    func contextLines(function: String, source: String) -> [String] {
        let lines = tracebackLines(sourceLines: SourceLines.of(source))
        return ["in \(function), defined in an earlier cell, at \(range.start):"] + lines.dropFirst()
    }

    /// The lines shown for this diagnostic: summary, the source line, and a caret line.
    ///
    /// Tabs in the source line are kept in the caret line so the caret stays under the
    /// culprit; other characters become spaces, one per code point. A line longer than
    /// `SourceLines.excerptWidth` code points is shown as a window around the culprit, with
    /// `…` where it was cut, so an error in a megabyte-long line stays a short message.
    func tracebackLines(sourceLines: [String]) -> [String] {
        var lines = [summary]
        guard range.start.line >= 1, range.start.line <= sourceLines.count else { return lines }
        let excerpt = SourceLines.excerpt(of: sourceLines[range.start.line - 1], around: range.start.column)
        let text = excerpt.scalars.filter { $0 != "\r" }
        let lead = excerpt.offset > 0 ? "…" : ""
        let lineText = lead + String(String.UnicodeScalarView(text)) + (excerpt.cutAfter ? "…" : "")
        let startColumn = max(1, min(range.start.column - excerpt.offset, text.count + 1))
        let endColumn =
            range.end.line == range.start.line
            ? max(range.end.column - excerpt.offset, startColumn + 1) : text.count + 1
        var caret = lead.isEmpty ? "" : " "
        for scalar in text.prefix(startColumn - 1) {
            caret.unicodeScalars.append(scalar == "\t" ? "\t" : " ")
        }
        caret += String(repeating: "^", count: max(1, min(endColumn, text.count + 1) - startColumn))
        let gutter = "\(range.start.line) | "
        lines.append(gutter + lineText)
        lines.append(String(repeating: " ", count: gutter.count - 2) + "| " + caret)
        return lines
    }
}
