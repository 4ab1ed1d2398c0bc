/// Core builtins: `print`, `display`, `len`, `range`, `seed`, `help`.
enum CoreLibrary {
    static func builtins() -> [Builtin] {
        [
            Builtin(Signature("print", [optional("stream", .string("stdout"))], variadic: "values"), topic: .core,
                    summary: "Writes the values to the cell's output (stream=\"stderr\" for warnings), separated by spaces; strings appear bare.") { arguments, evaluator in
                let stream = try arguments.choice("stream", among: [TextStream.stdout.rawValue, TextStream.stderr.rawValue])
                let text = try arguments.engine { try ValueText.text(of: arguments.rest, terminator: "\n", budget: evaluator.settings.budget, bytesPerByte: ValueText.printedBytesPerByte, isCancelled: evaluator.cancellation) }
                evaluator.sink.write(text, stream: TextStream(rawValue: stream) ?? .stdout)
                return .none
            },
            Builtin(Signature("display", [required("value"), optional("id", .none)]), topic: .core,
                    summary: "Shows a value now, mid-cell, with its richest view; with id=\"name\", update_display can replace it later.") { arguments, evaluator in
                let id = arguments.value("id").isNone ? nil : try arguments.string("id")
                evaluator.sink.display(try arguments.engine { try Presenter.rendering(of: arguments.value("value"), budget: evaluator.settings.budget, isCancelled: evaluator.cancellation) }, id: id)
                return .none
            },
            Builtin(Signature("update_display", [required("value"), required("id")]), topic: .core,
                    summary: "Replaces what an earlier display(…, id=id) showed, wherever it is on the page.") { arguments, evaluator in
                evaluator.sink.update(try arguments.engine { try Presenter.rendering(of: arguments.value("value"), budget: evaluator.settings.budget, isCancelled: evaluator.cancellation) }, id: try arguments.string("id"))
                return .none
            },
            Builtin(Signature("clear_output", [optional("wait", .boolean(false))]), topic: .core,
                    summary: "Clears the cell's output so far; with wait=true, only when the next output arrives.") { arguments, evaluator in
                evaluator.sink.clear(wait: try arguments.boolean("wait"))
                return .none
            },
            Builtin(Signature("len", [required("x")]), topic: .core,
                    summary: "The number of items of a list, characters of a string, fields of a record, integers of a range or rows of a tensor.") { arguments, evaluator in
                switch arguments.value("x") {
                case .list(let items): return .number(Double(items.count))
                case .string(let string): return .number(Double(try evaluator.characterCount(of: string, at: arguments.range(of: "x"))))
                case .record(let record): return .number(Double(record.fields.count))
                case .range(let range): return .number(Double(range.count))
                case .tensor(let tensor) where tensor.rank > 0: return .number(Double(tensor.shape[0]))
                default: throw arguments.mismatch("x", expected: "a list, string, record, range or tensor")
                }
            },
            Builtin(Signature("range", [required("n")]), topic: .core,
                    summary: "The integers 0, 1, …, n-1 (the same as 0..n).") { arguments, _ in
                .range(IntegerRange(lower: 0, upper: try arguments.integer("n")))
            },
            Builtin(Signature("seed", [required("n")]), topic: .core,
                    summary: "Seeds every random source of the session (like %seed n).") { arguments, evaluator in
                let n = try arguments.integer("n")
                guard n >= 0 else { throw arguments.invalid("n", "must not be negative") }
                evaluator.settings.seed = UInt64(n)
                return .none
            },
            Builtin(Signature("help", [optional("name", .none)]), topic: .core,
                    summary: "Prints a function's signature, defaults and summary; help() lists the library.") { arguments, evaluator in
                evaluator.sink.write(try helpText(arguments, evaluator) + "\n", stream: .stdout)
                return .none
            },
        ]
    }

    private static func helpText(_ arguments: Arguments, _ evaluator: Evaluator) throws -> String {
        let subject = arguments.value("name")
        switch subject {
        case .none:
            return evaluator.library.overview
        case .string(let name):
            if evaluator.library[name] == nil, let text = KeywordHelp.text(for: name) { return text }
            guard let builtin = evaluator.library[name] else {
                throw Diagnostic(.undefinedName(name, suggestion: Suggestion.closest(to: name, among: evaluator.library.names)),
                                 at: arguments.range(of: "name"))
            }
            return builtin.helpText
        default:
            return evaluator.library.helpText(for: subject) ?? "\(subject.typeName): \(ValueText.text(of: subject, limit: ValueText.displayLimit))"
        }
    }
}
