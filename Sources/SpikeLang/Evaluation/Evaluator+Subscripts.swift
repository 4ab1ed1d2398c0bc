/// Members (`x.name`), indexing (`x[i]`, negative from the end), slicing (`x[a:b]`) and
/// multi-axis subscripts of tensors (`x[i, a:b]`).
extension Evaluator {
    func member(of base: Value, named name: String, at range: SourceRange) throws -> Value {
        let members = Members.of(base)
        if let value = members.value(name) { return value }
        let names = members.names
        throw Diagnostic(
            .noMember(
                type: base.typeName, name: name, suggestion: Suggestion.closest(to: name, among: names),
                members: names), at: range)
    }

    func subscriptValue(_ base: Value, _ index: Value, baseRange: SourceRange, indexRange: SourceRange) throws -> Value {
        if case .record = base {
            guard case .string(let name) = index else {
                throw Diagnostic(.wrongKind(what: "a record key", expected: "a string", got: index.typeName), at: indexRange)
            }
            return try member(of: base, named: name, at: indexRange)
        }
        guard case .number(let number) = index else {
            throw Diagnostic(.wrongKind(what: "an index", expected: "a number", got: index.typeName), at: indexRange)
        }
        let position = try Integers.exact(number, what: "an index", at: indexRange)
        switch base {
        case .list(let items):
            return items[try resolve(position, count: items.count, at: indexRange)]
        case .string(let string):
            return try character(of: string, at: position, range: indexRange)
        case .range(let integers):
            return .number(Double(integers.lower + (try resolve(position, count: integers.count, at: indexRange))))
        case .tensor(let tensor):
            return try tensorRow(tensor, position, at: indexRange)
        default:
            throw Diagnostic(.notIndexable(base.typeName), at: baseRange)
        }
    }

    /// A position counted from the end when negative, checked against `count`.
    private func resolve(_ position: Int, count: Int, at range: SourceRange) throws -> Int {
        let resolved = position < 0 ? count + position : position
        guard resolved >= 0, resolved < count else {
            throw Diagnostic(.indexOutOfRange(index: position, count: count), at: range)
        }
        return resolved
    }

    /// `x[p0, p1, …]` with two or more parts: a tensor takes one per axis; a list, string,
    /// range or record takes one only, which is reported at the second part.
    func subscriptValue(_ base: Value, _ parts: [SubscriptPart], baseRange: SourceRange, at range: SourceRange) throws -> Value {
        switch base {
        case .tensor(let tensor):
            return try tensorPart(tensor, parts, at: range)
        case .list, .string, .range, .record:
            throw Diagnostic(.tooManySubscripts(type: base.typeName, given: parts.count), at: parts[min(1, parts.count - 1)].range)
        default:
            throw Diagnostic(.notIndexable(base.typeName), at: baseRange)
        }
    }

    /// Python's slice bounds on a sequence of `count` items: negative counts from the end,
    /// out-of-range bounds clamp, an upper bound below the lower gives an empty range.
    static func sliceBounds(count: Int, lower: Int?, upper: Int?) -> Range<Int> {
        func clamp(_ bound: Int?, _ fallback: Int) -> Int {
            guard let bound else { return fallback }
            return min(max(bound < 0 ? count + bound : bound, 0), count)
        }
        let start = clamp(lower, 0)
        return start..<max(start, clamp(upper, count))
    }

    /// Python's slice bounds: negative counts from the end, out-of-range bounds clamp.
    func slice(_ base: Value, lower: Int?, upper: Int?, at range: SourceRange) throws -> Value {
        func bounds(_ count: Int) -> Range<Int> { Self.sliceBounds(count: count, lower: lower, upper: upper) }
        switch base {
        case .list(let items):
            try checkBudget(count: bounds(items.count).count, bytesEach: MemoryLayout<Value>.stride, at: range)
            return .list(try concatenated([items.items[bounds(items.count)]], at: range))
        case .string(let string):
            return try characters(of: string, lower: lower, upper: upper, at: range)
        case .range(let integers):
            let part = bounds(integers.count)
            return .range(IntegerRange(lower: integers.lower + part.lowerBound, upper: integers.lower + part.upperBound))
        case .tensor(let tensor):
            return try tensorRows(tensor, bounds(tensor.shape.first ?? 0), at: range)
        default:
            throw Diagnostic(.notSliceable(base.typeName), at: range)
        }
    }
}
