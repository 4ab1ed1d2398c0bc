/// A library function, declared once: its parameters (name, kind, default, doc), a one-line
/// summary and its body. That single declaration drives argument checking, completion,
/// inspect, `help` and the body's typed reads.
///
///     Builtin("seed", topic: .core, summary: "Seeds every random source of the session.") { p in
///         let n = p.declare("n", .nonNegative, doc: "the seed, 0 or more")
///         return { arguments, evaluator in
///             evaluator.settings.seed = UInt64(try arguments[n])
///             return .none
///         }
///     }
final class Builtin {
    /// What a builtin does with its matched arguments.
    typealias Body = (Arguments, Evaluator) throws -> Value

    let signature: Signature
    let summary: String
    let topic: LibraryTopic
    let body: Body

    /// Declares a builtin: `declare` creates its parameters through `p` (in signature order)
    /// and returns the body, which reads them with `try arguments[param]`.
    init(_ name: String, topic: LibraryTopic, summary: String, declare: (Declarations) -> Body) {
        let declarations = Declarations()
        body = declare(declarations)
        signature = declarations.signature(of: name)
        self.summary = summary
        self.topic = topic
    }

    var name: String { signature.name }

    /// The text `help(name)` prints and inspect shows: signature, summary, then one line per
    /// parameter with its doc.
    var helpText: String {
        ([signature.text, "    " + summary] + signature.documentation.map { "    " + $0 }).joined(separator: "\n")
    }
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
        /// One line on what the parameter means (builtins only; empty for user functions).
        var doc: String = ""

        var isRequired: Bool { defaultValue == nil }

        var text: String {
            guard let defaultValue else { return name }
            return "\(name)=\(defaultText ?? ValueText.text(of: defaultValue))"
        }
    }

    var name: String
    var parameters: [Parameter]
    var variadic: Parameter?

    init(_ name: String, _ parameters: [Parameter] = [], variadic: Parameter? = nil) {
        self.name = name
        self.parameters = parameters
        self.variadic = variadic
    }

    var parameterNames: [String] { parameters.map(\.name) }

    /// `lif(tau=2, threshold=1, …)`.
    var text: String {
        var parts = parameters.map(\.text)
        if let variadic { parts.insert(variadic.name + "…", at: 0) }
        return "\(name)(\(parts.joined(separator: ", ")))"
    }

    /// `tau: membrane time constant, in steps`, one line per documented parameter.
    var documentation: [String] {
        ([variadic].compactMap { $0 } + parameters).filter { !$0.doc.isEmpty }.map { "\($0.name): \($0.doc)" }
    }
}
