/// List comprehensions: `[element for variable in sequence if condition]`.
extension Evaluator {
    /// The list of `element` for each item of the sequence that `condition` accepts.
    ///
    /// The sequence is evaluated in the enclosing scope. The rest runs in a scope of its own,
    /// as a call's does: the loop variable (and anything a conditional inside binds) lives in
    /// it and is gone afterwards, while the locals of the enclosing call stay readable behind
    /// it, so a function made inside captures the item it was made for. Polls interrupts as
    /// `for` does, and grows the list within the memory budget (`ListBuilder`). Cost: one
    /// evaluation of the condition and element per item, plus a copy of the enclosing call's
    /// locals once per comprehension.
    func evaluate(_ comprehension: Comprehension) throws -> Value {
        let sequence = try evaluate(comprehension.sequence)
        let saved = (locals, enclosing)
        defer { (locals, enclosing) = saved }
        if let locals { enclosing = enclosing.merging(locals) { _, local in local } }
        locals = [:]
        var builder = ListBuilder()
        let range = comprehension.sequence.range
        try forEach(in: sequence, at: range) { item in
            locals?[comprehension.variable] = item
            if let condition = comprehension.condition, !(try boolean(condition, context: "a comprehension's 'if'")) {
                return
            }
            try builder.append(try evaluate(comprehension.element), self, at: range)
        }
        return .list(builder.items)
    }
}
