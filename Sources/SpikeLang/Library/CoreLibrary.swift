/// Core builtins: `print`, `input`, `display`, `len`, `range`, `seed`, `help`.
enum CoreLibrary {
    static func builtins() -> [Builtin] {
        [
            Builtin(
                "print", topic: .core,
                summary:
                    "Writes the values to the cell's output (stream=\"stderr\" for warnings), separated by spaces; strings appear bare."
            ) { p in
                let values = p.rest("values", doc: "what to write; strings appear without quotes")
                let stream = p.declare("stream", .choice(TextStream.self), default: .stdout, doc: "\"stdout\", or \"stderr\" for warnings")
                return { arguments, evaluator in
                    let text = try arguments.engine {
                        try ValueText.text(
                            of: try arguments[values], terminator: "\n", budget: evaluator.settings.budget,
                            bytesPerByte: ValueText.printedBytesPerByte, isCancelled: evaluator.cancellation)
                    }
                    evaluator.sink.write(text, stream: try arguments[stream])
                    return .none
                }
            },
            Builtin(
                "input", topic: .core,
                summary:
                    "Asks the user for a line of text and returns it as a string (the notebook shows a text box; spike run reads standard input)."
            ) { p in
                let prompt = p.declare("prompt", .string, default: "", doc: "the text shown before the box")
                let password = p.declare("password", .boolean, default: false, doc: "hide what is typed")
                return { arguments, evaluator in
                    switch evaluator.sink.readInput(prompt: try arguments[prompt], password: try arguments[password]) {
                    case .text(let line): return .string(line)
                    case .interrupted: throw Diagnostic(.interrupted, at: arguments.callRange)
                    case .unavailable:
                        throw Diagnostic(
                            .libraryFailure(
                                function: "input",
                                message:
                                    "no one can answer: this front end accepts no input (allow_stdin is false, as in nbconvert and papermill) or standard input has ended; bind the value in the cell instead"
                            ), at: arguments.callRange)
                    }
                }
            },
            Builtin(
                "display", topic: .core,
                summary: "Shows a value now, mid-cell, with its richest view; with id=\"name\", update_display can replace it later."
            ) { p in
                let value = p.declare("value", .any, doc: "what to show")
                let id = p.declare("id", .orNone(.string), doc: "a name that update_display can use to replace it")
                return { arguments, evaluator in
                    let id = try arguments[id]
                    let shown = try arguments.engine {
                        try Presenter.rendering(
                            of: try arguments[value], budget: evaluator.settings.budget, isCancelled: evaluator.cancellation,
                            figures: evaluator.settings.figureFormat)
                    }
                    evaluator.sink.display(shown, id: id)
                    return .none
                }
            },
            Builtin(
                "update_display", topic: .core,
                summary: "Replaces what an earlier display(…, id=id) showed, wherever it is on the page."
            ) { p in
                let value = p.declare("value", .any, doc: "what to show instead")
                let id = p.declare("id", .string, doc: "the id given to display")
                return { arguments, evaluator in
                    let shown = try arguments.engine {
                        try Presenter.rendering(
                            of: try arguments[value], budget: evaluator.settings.budget, isCancelled: evaluator.cancellation,
                            figures: evaluator.settings.figureFormat)
                    }
                    evaluator.sink.update(shown, id: try arguments[id])
                    return .none
                }
            },
            Builtin(
                "clear_output", topic: .core,
                summary: "Clears the cell's output so far; with wait=true, only when the next output arrives."
            ) { p in
                let wait = p.declare("wait", .boolean, default: false, doc: "clear only when the next output arrives (no flicker)")
                return { arguments, evaluator in
                    evaluator.sink.clear(wait: try arguments[wait])
                    return .none
                }
            },
            Builtin(
                "len", topic: .core,
                summary:
                    "The number of items of a list, characters of a string, fields of a record, integers of a range or rows of a tensor."
            ) { p in
                let x = p.declare("x", .any, doc: "a list, string, record, range or tensor")
                return { arguments, evaluator in
                    switch try arguments[x] {
                    case .list(let items): return .number(Double(items.count))
                    case .string(let string): return .number(Double(try evaluator.characterCount(of: string, at: arguments.range(of: x))))
                    case .record(let record): return .number(Double(record.fields.count))
                    case .range(let range): return .number(Double(range.count))
                    case .tensor(let tensor) where tensor.rank > 0: return .number(Double(tensor.shape[0]))
                    default: throw arguments.mismatch(x, expected: "a list, string, record, range or tensor")
                    }
                }
            },
            Builtin("range", topic: .core, summary: "The integers 0, 1, …, n-1 (the same as 0..n).") { p in
                let n = p.declare("n", .integer, doc: "how many integers (the first one left out)")
                return { arguments, _ in .range(IntegerRange(lower: 0, upper: try arguments[n])) }
            },
            Builtin("seed", topic: .core, summary: "Seeds every random source of the session (like %seed n).") { p in
                let n = p.declare("n", .nonNegative, doc: "the seed, an integer of 0 or more")
                return { arguments, evaluator in
                    evaluator.settings.seed = UInt64(try arguments[n])
                    return .none
                }
            },
            Builtin("help", topic: .core, summary: "Prints a function's signature, defaults and summary; help() lists the library.") { p in
                let name = p.declare("name", .any, default: Value.none, doc: "a function, or its name as a string; none lists the library")
                return { arguments, evaluator in
                    evaluator.sink.write(
                        try helpText(try arguments[name], at: arguments.range(of: name), evaluator) + "\n", stream: .stdout)
                    return .none
                }
            }
        ]
    }

    private static func helpText(_ subject: Value, at range: SourceRange, _ evaluator: Evaluator) throws -> String {
        switch subject {
        case .none:
            return evaluator.library.overview
        case .string(let name):
            if evaluator.library[name] == nil, let text = KeywordHelp.text(for: name) { return text }
            guard let builtin = evaluator.library[name] else {
                throw Diagnostic(.undefinedName(name, suggestion: Suggestion.closest(to: name, among: evaluator.library.names)), at: range)
            }
            return builtin.helpText
        default:
            return evaluator.library.helpText(for: subject)
                ?? "\(subject.typeName): \(ValueText.text(of: subject, limit: ValueText.displayLimit))"
        }
    }
}
