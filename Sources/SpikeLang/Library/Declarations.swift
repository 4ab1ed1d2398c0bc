/// The parameters of one builtin as its declaration creates them, in signature order.
///
/// Only a `Declarations` makes a `Param`, and each one it makes joins the signature it builds,
/// so the parameters a body can read are those its signature lists.
///
///     let tau = p.declare("tau", .number, default: 2, doc: "membrane time constant, in steps")
///     let axis = p.declare("axis", .orNone(.integer), doc: "the axis to reduce; none: all of them")
final class Declarations {
    private(set) var parameters: [Signature.Parameter] = []
    private(set) var variadic: Signature.Parameter?

    /// Declares a parameter of `kind`: required when there is no default (unless the kind
    /// accepts `none`, which is then its default); `shown` is how a default reads in the
    /// signature when its text form would not do (`atan()`, `lif()`).
    func declare<T>(
        _ name: String, _ kind: ArgumentKind<T>, default defaultValue: T? = nil, shown: String? = nil,
        doc: String
    ) -> Param<T> {
        precondition(!parameters.contains { $0.name == name }, "\(name) is declared twice")
        let value =
            defaultValue.map { value -> Value in
                guard let encode = kind.encode else { preconditionFailure("\(name): its kind has no default") }
                return encode(value)
            } ?? (kind.acceptsNone ? Value.none : nil)
        parameters.append(Signature.Parameter(name: name, defaultValue: value, defaultText: shown, doc: doc))
        return Param(name: name, kind: kind, isRest: false)
    }

    /// Declares the values a variadic builtin takes before its named parameters
    /// (`print(values…, stream="stdout")`), read as a list.
    func rest(_ name: String, doc: String) -> Param<[Value]> {
        precondition(variadic == nil, "only one variadic parameter")
        variadic = Signature.Parameter(name: name, defaultValue: nil, doc: doc)
        let kind = ArgumentKind<[Value]>(
            read: { value, _ in
                guard case .list(let items) = value else { return [] }
                return items.items
            }, encode: { .list(ValueList($0)) })
        return Param(name: name, kind: kind, isRest: true)
    }

    /// The signature of a builtin called `name` with these parameters.
    func signature(of name: String) -> Signature {
        Signature(name, parameters, variadic: variadic)
    }
}
