/// A library function, declared once: its signature (names, defaults), a one-line summary and
/// its body. That single declaration drives argument checking, completion, inspect and `help`.
final class Builtin {
    let signature: Signature
    let summary: String
    let topic: LibraryTopic
    let body: (Arguments, Evaluator) throws -> Value

    init(_ signature: Signature, topic: LibraryTopic, summary: String,
         body: @escaping (Arguments, Evaluator) throws -> Value) {
        self.signature = signature
        self.summary = summary
        self.topic = topic
        self.body = body
    }

    var name: String { signature.name }

    /// The text `help(name)` prints and inspect shows: signature, then the summary.
    var helpText: String { signature.text + "\n    " + summary }
}

/// The sections of the standard library, in the order `help()` lists them.
enum LibraryTopic: String, CaseIterable {
    case core = "Core"
    case math = "Math"
    case neurons = "Neurons and surrogates"
    case encodings = "Positional encodings"
    case tensors = "Tensors"
    case layers = "Layers and networks"
    case data = "Data"
    case training = "Training and evaluation"
    case output = "Output"
}

/// A function's parameters: required ones first, then ones with defaults; or, for a variadic
/// function, any number of positional values followed by parameters given by name only
/// (as in `print(values…, stream="stdout")`).
struct Signature {
    struct Parameter {
        var name: String
        /// nil when the argument is required.
        var defaultValue: Value?
        /// How the default reads in the signature, e.g. `atan()`; defaults to its text form.
        var defaultText: String?

        var isRequired: Bool { defaultValue == nil }

        var text: String {
            guard let defaultValue else { return name }
            return "\(name)=\(defaultText ?? ValueText.text(of: defaultValue))"
        }
    }

    var name: String
    var parameters: [Parameter]
    var variadic: String?

    init(_ name: String, _ parameters: [Parameter] = [], variadic: String? = nil) {
        self.name = name
        self.parameters = parameters
        self.variadic = variadic
    }

    var parameterNames: [String] { parameters.map(\.name) }

    /// `lif(tau=2, threshold=1, …)`.
    var text: String {
        var parts = parameters.map(\.text)
        if let variadic { parts.insert(variadic + "…", at: 0) }
        return "\(name)(\(parts.joined(separator: ", ")))"
    }
}

/// Shorthand used by the library declarations: `required("neuron")`, `optional("tau", 2)`.
func required(_ name: String) -> Signature.Parameter {
    Signature.Parameter(name: name, defaultValue: nil)
}

func optional(_ name: String, _ value: Value, shown text: String? = nil) -> Signature.Parameter {
    Signature.Parameter(name: name, defaultValue: value, defaultText: text)
}
