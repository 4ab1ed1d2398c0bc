/// The standard library: every builtin, declared once, looked up by name.
struct Library {
    /// All builtins in the order `help()` lists them (by topic, then as declared).
    let builtins: [Builtin]
    private let table: [String: Builtin]

    init() {
        let sections: [[Builtin]] = [
            CoreLibrary.builtins(), MathLibrary.builtins(), NeuronLibrary.builtins(), EncodingLibrary.builtins(),
            TensorLibrary.builtins(), LayerLibrary.builtins(), ModelLibrary.builtins(), DataLibrary.builtins(),
            TrainingLibrary.builtins(), SweepLibrary.builtins(), StatisticsLibrary.builtins(), OutputLibrary.builtins(),
            FunctionalLibrary.builtins()
        ]
        let all = sections.flatMap { $0 }
        builtins = all
        table = Dictionary(all.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    subscript(name: String) -> Builtin? { table[name] }

    var names: [String] { builtins.map(\.name) }

    /// The text `help(x)`, `%help x` and inspect show for a value, or nil if it has none.
    func helpText(for value: Value) -> String? {
        switch value {
        case .builtin(let builtin): return builtin.helpText
        case .function(let closure):
            return closure.signature + "\n    " + (closure.isAnonymous ? "an anonymous " : "a ") + "function defined in this notebook"
        default: return nil
        }
    }

    /// `help()` with no argument: every builtin's signature, grouped by topic.
    var overview: String {
        var lines = ["Spike's library (help(name) for one function):"]
        for topic in LibraryTopic.allCases {
            let members = builtins.filter { $0.topic == topic }
            guard !members.isEmpty else { continue }
            lines.append("")
            lines.append(topic.rawValue + ":")
            lines += members.map { "  " + $0.signature.text }
        }
        return lines.joined(separator: "\n")
    }
}
