/// Elementwise arithmetic with NumPy broadcasting; shape mismatches throw
/// `.shape(operation:first:second:)` naming both shapes.
///
///     try Tensor([1, 2, 3]) + Tensor(10)      // [11, 12, 13]
///     try Tensor.ones([2, 3]) * Tensor([1, 2, 3])
///
/// Cost: O(result count); equal shapes run a straight loop over the storage. The forms that
/// take `isCancelled` (what the language calls) poll it every `cancellationChunk` results and
/// throw `.interrupted` when it fires; without one a loop runs in one piece.
extension Tensor {
    /// The four elementwise binary operations.
    public enum BinaryOperation: String, Sendable, CaseIterable {
        case add, subtract, multiply, divide
    }

    /// `self ∘ other` elementwise after broadcasting both to a common shape; checks the
    /// result's size against `budget` first (`[1e5, 1] + [1, 1e5]` asks for 40 GB).
    public func combined(
        with other: Tensor, _ operation: BinaryOperation, budget: MemoryBudget = .standard,
        isCancelled: CancellationCheck? = nil
    ) throws -> Tensor {
        let target = shape == other.shape ? shape : try Broadcast.shape(shape, other.shape, operation: operation.rawValue)
        try budget.check(scalars: try Tensor.elementCount(of: target))
        switch operation {
        case .add: return try broadcasting(other, name: "add", Addition.self, isCancelled: isCancelled)
        case .subtract: return try broadcasting(other, name: "subtract", Subtraction.self, isCancelled: isCancelled)
        case .multiply: return try broadcasting(other, name: "multiply", Multiplication.self, isCancelled: isCancelled)
        case .divide: return try broadcasting(other, name: "divide", Division.self, isCancelled: isCancelled)
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

    /// `-self`, polling `isCancelled` every `cancellationChunk` scalars.
    public func negated(isCancelled: CancellationCheck?) throws -> Tensor {
        try map(isCancelled: isCancelled) { -$0 }
    }

    /// `transform` applied to every scalar; the shape is kept.
    @inlinable
    public func map(_ transform: (Float) -> Float) -> Tensor {
        mapped(inChunksOf: Swift.max(count, 1), beforeEach: {}, transform)
    }

    /// `map(_:)` polling `isCancelled` every `cancellationChunk` scalars; throws `.interrupted`
    /// when it fires.
    @inlinable
    public func map(isCancelled: CancellationCheck?, _ transform: (Float) -> Float) throws -> Tensor {
        try mapped(inChunksOf: cancellationChunk, beforeEach: { try checkCancelled(isCancelled) }, transform)
    }

    /// `combine(self, other)` elementwise for tensors of the same shape (a programmer error otherwise).
    @inlinable
    public func zipMap(_ other: Tensor, _ combine: (Float, Float) -> Float) -> Tensor {
        zipMapped(other, inChunksOf: Swift.max(count, 1), beforeEach: {}, combine)
    }

    /// `zipMap(_:_:)` polling `isCancelled` every `cancellationChunk` scalars; throws
    /// `.interrupted` when it fires.
    @inlinable
    public func zipMap(
        _ other: Tensor, isCancelled: CancellationCheck?, _ combine: (Float, Float) -> Float
    ) throws -> Tensor {
        try zipMapped(other, inChunksOf: cancellationChunk, beforeEach: { try checkCancelled(isCancelled) }, combine)
    }

    /// `transform` of every scalar, written `chunk` at a time with `beforeEach` called first.
    @inlinable
    func mapped(
        inChunksOf chunk: Int, beforeEach: () throws -> Void, _ transform: (Float) -> Float
    ) rethrows -> Tensor {
        let result = try scalars.withUnsafeBufferPointer { source in
            try [Float](count: count, inChunksOf: chunk) { target, range in
                try beforeEach()
                for index in range { (target + index).initialize(to: transform(source[index])) }
            }
        }
        return Tensor(unchecked: shape, scalars: result)
    }

    /// `combine` of every pair of scalars, written `chunk` at a time with `beforeEach` called first.
    @inlinable
    func zipMapped(
        _ other: Tensor, inChunksOf chunk: Int, beforeEach: () throws -> Void, _ combine: (Float, Float) -> Float
    ) rethrows -> Tensor {
        precondition(shape == other.shape, "zipMap needs equal shapes: \(shape) and \(other.shape)")
        let result = try scalars.withUnsafeBufferPointer { left in
            try other.scalars.withUnsafeBufferPointer { right in
                try [Float](count: count, inChunksOf: chunk) { target, range in
                    try beforeEach()
                    for index in range { (target + index).initialize(to: combine(left[index], right[index])) }
                }
            }
        }
        return Tensor(unchecked: shape, scalars: result)
    }

    /// Broadcasting kernel shared by the four operations and the comparisons; polls
    /// `isCancelled` (if any) every `cancellationChunk` results.
    @inline(__always)
    func broadcasting<Operation: ElementwiseOperation>(
        _ other: Tensor, name: String, _: Operation.Type, isCancelled: CancellationCheck?
    ) throws -> Tensor {
        // `Operation.apply` is named at each use (not held in a closure value) so every loop
        // below is specialised for the operation and stays vectorisable.
        let chunk = isCancelled == nil ? Swift.max(count, other.count, 1) : cancellationChunk
        let poll = { try checkCancelled(isCancelled) }
        if shape == other.shape {
            return try zipMapped(other, inChunksOf: chunk, beforeEach: poll) { Operation.apply($0, $1) }
        }
        let target = try Broadcast.shape(shape, other.shape, operation: name)
        if target == shape, other.count == 1 {
            let value = other.scalars[0]
            return try mapped(inChunksOf: chunk, beforeEach: poll) { Operation.apply($0, value) }
        }
        if target == shape, other.rank == 1, let width = shape.last, other.count == width, width > 0 {
            // A vector along the last axis (a bias, per-feature statistics): whole rows at a time.
            let result = try scalars.withUnsafeBufferPointer { left in
                try other.scalars.withUnsafeBufferPointer { right in
                    try [Float](count: count, inChunksOf: Swift.max(1, chunk / width) &* width) { out, range in
                        try poll()
                        var base = range.lowerBound
                        while base < range.upperBound {
                            for j in 0..<width {
                                (out + (base &+ j)).initialize(to: Operation.apply(left[base &+ j], right[j]))
                            }
                            base &+= width
                        }
                    }
                }
            }
            return Tensor(unchecked: shape, scalars: result)
        }
        let total = target.reduce(1, *)
        let leftStrides = Broadcast.strides(of: shape, broadcastTo: target)
        let rightStrides = Broadcast.strides(of: other.shape, broadcastTo: target)
        let rank = target.count
        var meter = CancellationMeter(isCancelled)
        // Rows of the last axis are written once each, in order, into uninitialised storage.
        let result = try scalars.withUnsafeBufferPointer { left in
            try other.scalars.withUnsafeBufferPointer { right in
                try [Float](unsafeUninitializedCapacity: total) { buffer, initialized in
                    guard total > 0, let out = buffer.baseAddress else { return }
                    var counter = [Int](repeating: 0, count: rank)
                    var leftOffset = 0
                    var rightOffset = 0
                    let inner = target[rank - 1]
                    let leftInner = leftStrides[rank - 1]
                    let rightInner = rightStrides[rank - 1]
                    var linear = 0
                    while linear < total {
                        try forEachRange(inner, of: chunk) { steps in
                            for step in steps {
                                (out + (linear &+ step)).initialize(
                                    to: Operation.apply(
                                        left[leftOffset &+ step &* leftInner], right[rightOffset &+ step &* rightInner]))
                            }
                            initialized = linear &+ steps.upperBound
                            try meter.advance(by: steps.count)
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
protocol ElementwiseOperation {
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
