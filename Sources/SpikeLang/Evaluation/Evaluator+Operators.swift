import Foundation
import SpikeEngine

/// Arithmetic, comparison, equality and composition on values.
extension Evaluator {
    func negate(_ operand: Value, at range: SourceRange) throws -> Value {
        if case .tensor(let tensor) = operand {
            try checkBudget(count: tensor.count, bytesEach: MemoryLayout<Float>.stride, at: range)
            return .tensor(try engine(at: range) { try tensor.negated(isCancelled: cancellation) })
        }
        guard case .number(let number) = operand else {
            throw Diagnostic(.unsupportedOperand(operator: "-", operand: operand.typeName), at: range)
        }
        return .number(-number)
    }

    func apply(_ op: BinaryOperator, _ left: Value, _ right: Value, at range: SourceRange) throws -> Value {
        if let result = try tensorComparison(op, left, right, at: range) { return result }
        switch op {
        case .equal, .notEqual:
            let equal = try engine(at: range) { try left.isEqual(to: right, isCancelled: cancellation) }
            return .boolean(equal == (op == .equal))
        case .less, .lessEqual, .greater, .greaterEqual: return try compare(op, left, right, at: range)
        case .compose: return try compose(left, right, at: range)
        case .contains: return try contains(left, right, at: range)
        case .matrixProduct: return try matrixProduct(left, right, at: range)
        default: break
        }
        if let result = try tensorArithmetic(op, left, right, at: range) { return result }
        switch op {
        case .add: return try add(left, right, at: range)
        case .subtract, .multiply, .divide, .remainder, .power:
            guard case .number(let a) = left, case .number(let b) = right else {
                throw unsupported(op, left, right, at: range)
            }
            return .number(try arithmetic(op, a, b, at: range))
        default:
            throw unsupported(op, left, right, at: range)
        }
    }

    /// `x in xs`: an item of a list (by `==`), a substring of a string, a field name of a record,
    /// an integer of a range. Lists are walked with the interrupt polled.
    private func contains(_ item: Value, _ collection: Value, at range: SourceRange) throws -> Value {
        switch (item, collection) {
        case (_, .list(let list)):
            var meter = CancellationMeter(cancellation)
            for element in list.items {
                if try engine(at: range, { try element.isEqual(to: item, isCancelled: cancellation) }) { return .boolean(true) }
                try meter.advance(at: range)
            }
            return .boolean(false)
        case (.string(let part), .string(let text)): return .boolean(part.isEmpty || text.contains(part))
        case (.string(let name), .record(let record)): return .boolean(record.names.contains(name))
        case (.number(let number), .range(let integers)):
            return .boolean(number == number.rounded() && Double(integers.lower) <= number && number < Double(integers.upper))
        default:
            throw Diagnostic(.unsupportedOperands(operator: "in", left: item.typeName, right: collection.typeName), at: range)
        }
    }

    /// `+`: numbers add; lists and strings join (within the memory budget).
    private func add(_ left: Value, _ right: Value, at range: SourceRange) throws -> Value {
        switch (left, right) {
        case (.number(let a), .number(let b)):
            return .number(a + b)
        case (.string(let a), .string(let b)):
            try checkBudget(bytes: a.utf8.count + b.utf8.count, at: range)
            return .string(a + b)
        case (.list(let a), .list(let b)):
            try checkBudget(count: a.count + b.count, bytesEach: MemoryLayout<Value>.stride, at: range)
            return .list(try concatenated([a.items[...], b.items[...]], at: range))
        default:
            throw unsupported(.add, left, right, at: range)
        }
    }

    /// The items of `parts` one after another in a new array, copied a chunk at a time with the
    /// interrupt flag polled between chunks (`l + l` or `l[1:]` for a list of 1e7 items takes
    /// most of a second).
    func concatenated(_ parts: [ArraySlice<Value>], at range: SourceRange) throws -> [Value] {
        var items: [Value] = []
        items.reserveCapacity(parts.reduce(0) { $0 + $1.count })
        var meter = CancellationMeter(cancellation)
        for part in parts {
            for start in stride(from: part.startIndex, to: part.endIndex, by: cancellationChunk) {
                let end = min(start + cancellationChunk, part.endIndex)
                try meter.advance(by: end - start, at: range)
                items.append(contentsOf: part[start..<end])
            }
        }
        return items
    }

    /// Number arithmetic; `%` takes the sign of the divisor, as in Python.
    private func arithmetic(_ op: BinaryOperator, _ a: Double, _ b: Double, at range: SourceRange) throws -> Double {
        switch op {
        case .subtract: return a - b
        case .multiply: return a * b
        case .divide:
            guard b != 0 else { throw Diagnostic(.divisionByZero, at: range) }
            return a / b
        case .remainder:
            guard b != 0 else { throw Diagnostic(.divisionByZero, at: range) }
            let remainder = a.truncatingRemainder(dividingBy: b)
            return remainder != 0 && (remainder < 0) != (b < 0) ? remainder + b : remainder
        case .power:
            if a == 0, b < 0 { throw Diagnostic(.divisionByZero, at: range) }
            return pow(a, b)
        default:
            return .nan
        }
    }

    /// `< <= > >=` on two numbers or two strings.
    private func compare(_ op: BinaryOperator, _ left: Value, _ right: Value, at range: SourceRange) throws -> Value {
        let order: ComparisonResult
        switch (left, right) {
        case (.number(let a), .number(let b)):
            if a.isNaN || b.isNaN { return .boolean(false) }
            order = a < b ? .orderedAscending : (a > b ? .orderedDescending : .orderedSame)
        case (.string(let a), .string(let b)):
            order = a < b ? .orderedAscending : (a > b ? .orderedDescending : .orderedSame)
        default:
            throw unsupported(op, left, right, at: range)
        }
        switch op {
        case .less: return .boolean(order == .orderedAscending)
        case .lessEqual: return .boolean(order != .orderedDescending)
        case .greater: return .boolean(order == .orderedDescending)
        default: return .boolean(order != .orderedAscending)
        }
    }

    /// Where the operator `op` stands after its left operand, read from the source text (past
    /// spaces, line breaks and comments); nil when it is not found there. Cost: O(source), for
    /// error messages only.
    func operatorRange(_ op: BinaryOperator, after left: SourceRange) -> SourceRange? {
        let lines = SourceLines.of(source)
        let spelling = Array(op.rawValue.unicodeScalars)
        for line in left.end.line...max(left.end.line, lines.count) where line <= lines.count {
            let scalars = Array(lines[line - 1].unicodeScalars)
            var index = line == left.end.line ? left.end.column - 1 : 0
            while index < scalars.count, scalars[index] == " " || scalars[index] == "\t" { index += 1 }
            guard index < scalars.count, scalars[index] != "#" else { continue }
            guard scalars[index...].starts(with: spelling) else { return nil }
            return SourceRange(line: line, column: index + 1, length: spelling.count)
        }
        return nil
    }

    private func unsupported(_ op: BinaryOperator, _ left: Value, _ right: Value, at range: SourceRange) -> Diagnostic {
        Diagnostic(.unsupportedOperands(operator: op.rawValue, left: left.typeName, right: right.typeName), at: range)
    }

    /// Fails with `ResourceError` if `count` items of `size` bytes exceed the memory budget
    /// (overflow counts as too much).
    func checkBudget(count: Int, bytesEach size: Int, at range: SourceRange) throws {
        try engine(at: range) { try settings.budget.check(count: count, bytesEach: size) }
    }

    /// Fails with `ResourceError` if `bytes` exceeds the session's memory budget.
    func checkBudget(bytes: Int, at range: SourceRange) throws {
        try engine(at: range) { try settings.budget.check(bytes: bytes) }
    }
}
