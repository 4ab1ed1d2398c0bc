import SpikeEngine

/// Assignment to parts: `xs[i] = v`, `r.name = v`, `r["key"] = v`, `grid[i][j] = v`,
/// `t[i] = row` (docs/language.md §2).
///
/// Lists and records are values, so assigning a part changes the one binding the target names
/// and nothing that was copied from it: after `ys = xs; ys[0] = 9`, `xs` is unchanged. The
/// binding is the one a read of the name finds: the call's locals (parameters included, so the
/// caller's value never changes), else the session's globals (so a function can fill a global
/// table, as in Python). A name a nested function captured from the call around it cannot have
/// its parts assigned (the change could not reach that call).
///
///     xs = [1, 2, 3]
///     ys = xs
///     ys[-1] = 30       // ys is [1, 2, 30], xs still [1, 2, 3]
///     r = {}
///     r["run" + str(1)] = 0.9   // adds the field: {run1: 0.9}
///
/// Cost: O(1) per list item or tensor element, plus O(fields) per record field, as long as no
/// other value shares the container; the first assignment to a shared one copies it (O(n), with
/// the memory budget checked and the interrupt flag polled as list copies do). The binding is
/// taken out of its scope while it changes, so nothing but the target holds it.
extension Evaluator {
    /// A target's step with its key evaluated.
    private struct Key {
        enum Kind {
            case field(String)
            case index(Value)
        }

        var kind: Kind
        var step: PartTarget.Step
    }

    /// Replaces the part `target` names with `value`; `valueRange` is blamed when the value
    /// does not fit a tensor part. The keys are evaluated left to right after the value (as
    /// in Python); nothing changes if any step fails.
    func assign(_ value: Value, to target: PartTarget, valueRange: SourceRange) throws {
        let keys = try target.steps.map { step in
            switch step.key {
            case .field(let name): return Key(kind: .field(name), step: step)
            case .index(let expression): return Key(kind: .index(try evaluate(expression)), step: step)
            }
        }
        let name = target.name
        let change = { (root: inout Value) in
            try self.replace(in: &root, base: target.nameRange, keys[...], with: value, valueRange: valueRange)
        }
        if locals?[name] != nil, var root = locals?.removeValue(forKey: name) {
            defer { locals?[name] = root }
            try change(&root)
        } else if locals != nil, enclosing[name] != nil {
            throw Diagnostic(.capturedPartAssignment(name), at: target.nameRange)
        } else if var root = globals.bindings.removeValue(forKey: name) {
            defer { globals.bindings[name] = root }
            try change(&root)
        } else if let builtin = library[name] {
            throw Diagnostic(.partNotAssignable(type: Value.builtin(builtin).typeName, part: Self.part(keys[0])), at: target.nameRange)
        } else {
            throw Diagnostic(.undefinedName(name, suggestion: nil), at: target.nameRange)
        }
    }

    /// Puts `value` at the end of `keys` inside `container`, which the caller has taken out of
    /// its scope or parent (so it is the only holder of a storage nobody else shares).
    /// `base` is the range of the target up to `container`, blamed when it has no parts.
    private func replace(
        in container: inout Value, base: SourceRange, _ keys: ArraySlice<Key>, with value: Value, valueRange: SourceRange
    ) throws {
        guard let key = keys.first else {
            container = value
            return
        }
        let rest = keys.dropFirst()
        // `if case` and `container = .none` leave the payload's storage held only here.
        if case .list(var list) = container {
            guard case .index = key.kind else {
                throw Diagnostic(.partNotAssignable(type: container.typeName, part: Self.part(key)), at: base)
            }
            let position = try listPosition(key, count: list.count)
            container = .none
            defer { container = .list(list) }
            try makeUnique(&list, at: key.step.range)
            try list.storage.modifyItem(at: position) { item in
                try replace(in: &item, base: key.step.through, rest, with: value, valueRange: valueRange)
            }
        } else if case .record(var record) = container {
            let name = try fieldName(key)
            if !rest.isEmpty, record[name] == nil {
                _ = try member(of: container, named: name, at: key.step.range)
            }
            container = .none
            defer { container = .record(record) }
            if !isKnownUniquelyReferenced(&record.storage) {
                try checkBudget(count: record.fields.count + 1, bytesEach: MemoryLayout<Record.Field>.stride, at: key.step.range)
                record = Record(record.fields)
            }
            try record.storage.modifyField(name) { field in
                try replace(in: &field, base: key.step.through, rest, with: value, valueRange: valueRange)
            }
        } else if case .tensor(var tensor) = container {
            // The scalars alone hold their buffer while they change.
            container = .none
            let shape = tensor.shape
            var scalars = tensor.scalars
            tensor = Tensor(0)
            let replaced = Result {
                try replaceTensorPart(&scalars, shape: shape, base: base, keys, with: value, valueRange: valueRange)
            }
            container = .tensor(try engine(at: valueRange) { try Tensor(shape: shape, scalars: scalars) })
            try replaced.get()
        } else {
            throw Diagnostic(.partNotAssignable(type: container.typeName, part: Self.part(key)), at: base)
        }
    }

    /// Gives `list` storage of its own, copied a chunk at a time (budget checked, interrupt
    /// polled), unless it has it already.
    private func makeUnique(_ list: inout ValueList, at range: SourceRange) throws {
        guard !isKnownUniquelyReferenced(&list.storage) else { return }
        try checkBudget(count: list.count, bytesEach: MemoryLayout<Value>.stride, at: range)
        list = ValueList(try concatenated([list.items[...]], at: range))
    }

    /// The position an index step names: an integer, negative from the end, within `count`.
    private func listPosition(_ key: Key, count: Int) throws -> Int {
        let range = key.step.range
        guard case .index(let index) = key.kind, case .number(let number) = index else {
            let got = if case .index(let index) = key.kind { index.typeName } else { "a name" }
            throw Diagnostic(.wrongKind(what: "an index", expected: "a number", got: got), at: range)
        }
        let position = try Integers.exact(number, what: "an index", at: range)
        let resolved = position < 0 ? count + position : position
        guard resolved >= 0, resolved < count else {
            throw Diagnostic(.indexOutOfRange(index: position, count: count), at: range)
        }
        return resolved
    }

    /// The field a record step names: `.name`, or a string in brackets.
    private func fieldName(_ key: Key) throws -> String {
        switch key.kind {
        case .field(let name):
            return name
        case .index(.string(let name)):
            return name
        case .index(let index):
            throw Diagnostic(.wrongKind(what: "a record key", expected: "a string", got: index.typeName), at: key.step.range)
        }
    }

    /// Writes `value` into the block of a tensor that `keys` (all of them: one index per
    /// leading axis) select: a number for an element; for a row or block, a tensor or nested
    /// list of the block's shape, or a number that fills it (as NumPy does).
    private func replaceTensorPart(
        _ scalars: inout [Float], shape: [Int], base: SourceRange, _ keys: ArraySlice<Key>, with value: Value,
        valueRange: SourceRange
    ) throws {
        var offset = 0
        var base = base
        for (axis, key) in keys.enumerated() {
            guard axis < shape.count, case .index = key.kind else {
                let type = axis < shape.count ? "a tensor" : "a number"
                throw Diagnostic(.partNotAssignable(type: type, part: Self.part(key)), at: base)
            }
            base = key.step.through
            let extent = shape[axis]
            offset = offset * extent + (try listPosition(key, count: extent))
        }
        let blockShape = Array(shape.dropFirst(keys.count))
        let blockCount = blockShape.reduce(1, *)
        offset *= blockCount
        let block: [Float]
        switch value {
        case .number(let number):
            block = Array(repeating: Float(number), count: blockCount)
        case .tensor(let tensor) where tensor.shape == blockShape:
            block = tensor.scalars
        case .list where !blockShape.isEmpty:
            let tensor = try TensorConversion.tensor(from: value, at: valueRange, budget: settings.budget, isCancelled: cancellation)
            guard tensor.shape == blockShape else { throw Self.blockMismatch(blockShape, tensor.shape, at: valueRange) }
            block = tensor.scalars
        case .tensor(let tensor):
            throw Self.blockMismatch(blockShape, tensor.shape, at: valueRange)
        default:
            let expected = blockShape.isEmpty ? "a number" : "a number, a tensor or a list of shape \(blockShape)"
            throw Diagnostic(.wrongKind(what: "a tensor part", expected: expected, got: value.typeName), at: valueRange)
        }
        scalars.replaceSubrange(offset..<offset + blockCount, with: block)
    }

    private static func blockMismatch(_ block: [Int], _ given: [Int], at range: SourceRange) -> Diagnostic {
        Diagnostic(.shapeMismatch("cannot assign a value of shape \(given) to a tensor part of shape \(block)"), at: range)
    }

    /// How a step reads in a message: "an item" or "the member 'name'".
    private static func part(_ key: Key) -> String {
        switch key.kind {
        case .field(let name): return "the member '\(name)'"
        case .index: return "an item"
        }
    }
}
