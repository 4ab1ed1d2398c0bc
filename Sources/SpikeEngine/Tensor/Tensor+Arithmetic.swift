/// Elementwise arithmetic with NumPy broadcasting; shape mismatches throw
/// `.shape(operation:first:second:)` naming both shapes.
///
///     try Tensor([1, 2, 3]) + Tensor(10)      // [11, 12, 13]
///     try Tensor.ones([2, 3]) * Tensor([1, 2, 3])
///
/// Cost: O(result count); equal shapes run a straight loop over the storage.
extension Tensor {
    /// The four elementwise binary operations.
    public enum BinaryOperation: String, Sendable, CaseIterable {
        case add, subtract, multiply, divide
    }

    /// `self ∘ other` elementwise after broadcasting both to a common shape; checks the
    /// result's size against `budget` first (`[1e5, 1] + [1, 1e5]` asks for 40 GB).
    public func combined(with other: Tensor, _ operation: BinaryOperation, budget: MemoryBudget = .standard) throws -> Tensor {
        let target = shape == other.shape ? shape : try Broadcast.shape(shape, other.shape, operation: operation.rawValue)
        try budget.check(scalars: try Tensor.elementCount(of: target))
        switch operation {
        case .add: return try broadcasting(other, name: "add", Addition.self)
        case .subtract: return try broadcasting(other, name: "subtract", Subtraction.self)
        case .multiply: return try broadcasting(other, name: "multiply", Multiplication.self)
        case .divide: return try broadcasting(other, name: "divide", Division.self)
        }
    }

    public static func + (lhs: Tensor, rhs: Tensor) throws -> Tensor { try lhs.combined(with: rhs, .add) }
    public static func - (lhs: Tensor, rhs: Tensor) throws -> Tensor { try lhs.combined(with: rhs, .subtract) }
    public static func * (lhs: Tensor, rhs: Tensor) throws -> Tensor { try lhs.combined(with: rhs, .multiply) }
    public static func / (lhs: Tensor, rhs: Tensor) throws -> Tensor { try lhs.combined(with: rhs, .divide) }

    public static func + (lhs: Tensor, rhs: Float) -> Tensor { lhs.map { $0 + rhs } }
    public static func - (lhs: Tensor, rhs: Float) -> Tensor { lhs.map { $0 - rhs } }
    public static func * (lhs: Tensor, rhs: Float) -> Tensor { lhs.map { $0 * rhs } }
    public static func / (lhs: Tensor, rhs: Float) -> Tensor { lhs.map { $0 / rhs } }
    public static func * (lhs: Float, rhs: Tensor) -> Tensor { rhs.map { lhs * $0 } }
    public static prefix func - (operand: Tensor) -> Tensor { operand.map { -$0 } }

    /// `transform` applied to every scalar; the shape is kept.
    @inlinable
    public func map(_ transform: (Float) -> Float) -> Tensor {
        let result = [Float](unsafeUninitializedCapacity: count) { target, initialized in
            scalars.withUnsafeBufferPointer { source in
                for index in 0..<source.count {
                    (target.baseAddress! + index).initialize(to: transform(source[index]))
                }
            }
            initialized = count
        }
        return Tensor(unchecked: shape, scalars: result)
    }

    /// `combine(self, other)` elementwise for tensors of the same shape (a programmer error otherwise).
    @inlinable
    public func zipMap(_ other: Tensor, _ combine: (Float, Float) -> Float) -> Tensor {
        precondition(shape == other.shape, "zipMap needs equal shapes: \(shape) and \(other.shape)")
        let result = [Float](unsafeUninitializedCapacity: count) { target, initialized in
            scalars.withUnsafeBufferPointer { left in
                other.scalars.withUnsafeBufferPointer { right in
                    for index in 0..<left.count {
                        (target.baseAddress! + index).initialize(to: combine(left[index], right[index]))
                    }
                }
            }
            initialized = count
        }
        return Tensor(unchecked: shape, scalars: result)
    }

    /// Broadcasting kernel shared by the four operations.
    @inline(__always)
    private func broadcasting<Operation: ElementwiseOperation>(
        _ other: Tensor, name: String, _: Operation.Type
    ) throws -> Tensor {
        let combine = Operation.apply
        if shape == other.shape {
            return zipMap(other, combine)
        }
        let target = try Broadcast.shape(shape, other.shape, operation: name)
        if target == shape, other.count == 1 {
            let value = other.scalars[0]
            return map { combine($0, value) }
        }
        if target == shape, other.rank == 1, let width = shape.last, other.count == width, width > 0 {
            // A vector along the last axis (a bias, per-feature statistics): row by row.
            let total = scalars.count
            let result = [Float](unsafeUninitializedCapacity: total) { out, initialized in
                scalars.withUnsafeBufferPointer { left in
                    other.scalars.withUnsafeBufferPointer { right in
                        var base = 0
                        while base < left.count {
                            for j in 0..<width {
                                (out.baseAddress! + (base &+ j)).initialize(to: combine(left[base &+ j], right[j]))
                            }
                            base &+= width
                        }
                    }
                }
                initialized = total
            }
            return Tensor(unchecked: shape, scalars: result)
        }
        let count = target.reduce(1, *)
        let leftStrides = Broadcast.strides(of: shape, broadcastTo: target)
        let rightStrides = Broadcast.strides(of: other.shape, broadcastTo: target)
        var result = [Float](repeating: 0, count: count)
        let rank = target.count
        scalars.withUnsafeBufferPointer { left in
            other.scalars.withUnsafeBufferPointer { right in
                result.withUnsafeMutableBufferPointer { out in
                    guard count > 0 else { return }
                    var counter = [Int](repeating: 0, count: rank)
                    var leftOffset = 0
                    var rightOffset = 0
                    let inner = target[rank - 1]
                    let leftInner = leftStrides[rank - 1]
                    let rightInner = rightStrides[rank - 1]
                    var linear = 0
                    while linear < count {
                        for step in 0..<inner {
                            out[linear &+ step] = combine(
                                left[leftOffset &+ step &* leftInner], right[rightOffset &+ step &* rightInner])
                        }
                        linear &+= inner
                        var axis = rank - 2
                        while axis >= 0 {
                            counter[axis] &+= 1
                            leftOffset &+= leftStrides[axis]
                            rightOffset &+= rightStrides[axis]
                            if counter[axis] < target[axis] { break }
                            leftOffset &-= leftStrides[axis] &* target[axis]
                            rightOffset &-= rightStrides[axis] &* target[axis]
                            counter[axis] = 0
                            axis -= 1
                        }
                    }
                }
            }
        }
        return Tensor(unchecked: target, scalars: result)
    }
}

/// One elementwise binary operation, as a type so each broadcasting loop is specialised.
private protocol ElementwiseOperation {
    static func apply(_ a: Float, _ b: Float) -> Float
}
private enum Addition: ElementwiseOperation {
    @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a + b }
}
private enum Subtraction: ElementwiseOperation {
    @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a - b }
}
private enum Multiplication: ElementwiseOperation {
    @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a * b }
}
private enum Division: ElementwiseOperation {
    @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a / b }
}
