/// An n-dimensional array of Float32 numbers: a value with a `shape` and contiguous row-major
/// `scalars`.
///
/// Copies are cheap (the storage is copy-on-write) and independent. The last axis varies fastest:
///
///     let t = try Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
///     t.shape            // [2, 3]
///     try t.scalar(at: [1, 0])  // 4
///
/// A rank-0 tensor (shape `[]`) holds one number. Operations that can meet user data throw
/// `EngineError` (`.shape` naming both shapes, `.value` naming the argument) rather than trap.
public struct Tensor: Equatable, Sendable {
    /// The extent of each axis; the product is `scalars.count`.
    public let shape: [Int]
    /// The numbers in row-major order.
    public internal(set) var scalars: [Float]

    /// A tensor of `shape` holding `scalars` in row-major order.
    ///
    /// Throws `.value(argument: .shape, ...)` for a negative extent and
    /// `.value(argument: .scalars, ...)` when the count is not the product of `shape`.
    public init(shape: [Int], scalars: [Float]) throws {
        let count = try Self.elementCount(of: shape)
        guard count == scalars.count else {
            throw EngineError.value(
                argument: .scalars,
                message: "shape \(shape) holds \(count) numbers but \(scalars.count) were given")
        }
        self.shape = shape
        self.scalars = scalars
    }

    /// A rank-0 tensor holding `scalar`.
    public init(_ scalar: Float) {
        shape = []
        scalars = [scalar]
    }

    /// A rank-1 tensor holding `vector`.
    public init(_ vector: [Float]) {
        shape = [vector.count]
        scalars = vector
    }

    /// A tensor whose shape and count are already known to agree (engine-internal).
    @usableFromInline
    init(unchecked shape: [Int], scalars: [Float]) {
        assert(shape.reduce(1, *) == scalars.count, "shape \(shape) vs \(scalars.count) scalars")
        self.shape = shape
        self.scalars = scalars
    }

    /// The number of axes.
    public var rank: Int { shape.count }

    /// The number of scalars (the product of `shape`).
    public var count: Int { scalars.count }

    /// The single number of a tensor with one element (any rank), else `nil`.
    public var scalarValue: Float? { scalars.count == 1 ? scalars[0] : nil }

    /// The number at `indices` (one per axis, negative counting from the end).
    public func scalar(at indices: [Int]) throws -> Float {
        guard indices.count == rank else {
            throw EngineError.shape(operation: "index", first: shape, second: indices)
        }
        var offset = 0
        for (axis, index) in indices.enumerated() {
            let extent = shape[axis]
            let resolved = index < 0 ? index + extent : index
            guard resolved >= 0, resolved < extent else {
                throw EngineError.value(
                    argument: .index, message: "\(index) is out of range for axis \(axis) of extent \(extent)")
            }
            offset = offset * extent + resolved
        }
        return scalars[offset]
    }

    /// The product of `shape`, or `.value(argument: .shape)` for negative extents or overflow.
    static func elementCount(of shape: [Int]) throws -> Int {
        var count = 1
        for extent in shape {
            guard extent >= 0 else {
                throw EngineError.value(argument: .shape, message: "extents must not be negative, got \(shape)")
            }
            let (product, overflow) = count.multipliedReportingOverflow(by: extent)
            guard !overflow else {
                throw EngineError.value(argument: .shape, message: "\(shape) has too many elements")
            }
            count = product
        }
        return count
    }

    /// Row-major strides of `shape` (in elements).
    static func strides(of shape: [Int]) -> [Int] {
        var strides = [Int](repeating: 1, count: shape.count)
        var running = 1
        for axis in stride(from: shape.count - 1, through: 0, by: -1) {
            strides[axis] = running
            running = running &* shape[axis]
        }
        return strides
    }
}
