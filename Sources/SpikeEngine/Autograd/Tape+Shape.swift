/// Reductions and shape ops on the tape.
extension Tape {
    /// The sum over `axis` (or everything). VJP: g broadcast back over the reduced axis.
    public func sum(_ a: Variable, axis: Int? = nil) throws -> Variable {
        let value = try a.value.sum(axis: axis)
        let expanded = try expandedShape(a.shape, axis: axis)
        let resolved = try axis.map { try a.value.resolveAxis($0) }
        return record(value, inputs: [a]) { [shape = a.shape] g in
            guard let resolved else { return [try Tensor.zeros(shape) + g.reshaped(expanded)] }
            return [Self.spread(g, to: shape, axis: resolved)]
        }
    }

    /// The mean over `axis` (or everything). VJP: g/n broadcast back.
    public func mean(_ a: Variable, axis: Int? = nil) throws -> Variable {
        let value = try a.value.mean(axis: axis)
        let expanded = try expandedShape(a.shape, axis: axis)
        let n = Float(Swift.max(1, a.value.count / Swift.max(1, value.count)))
        let resolved = try axis.map { try a.value.resolveAxis($0) }
        return record(value, inputs: [a]) { [shape = a.shape] g in
            guard let resolved else { return [try Tensor.zeros(shape) + (g / n).reshaped(expanded)] }
            return [Self.spread(g / n, to: shape, axis: resolved)]
        }
    }

    /// The same scalars with another shape (one extent may be −1). VJP: g reshaped back.
    public func reshape(_ a: Variable, _ shape: [Int]) throws -> Variable {
        let value = try a.value.reshaped(shape)
        return record(value, inputs: [a]) { [original = a.shape] g in [try g.reshaped(original)] }
    }

    /// The axes reordered. VJP: g permuted by the inverse permutation.
    public func permute(_ a: Variable, _ axes: [Int]) throws -> Variable {
        let value = try a.value.permuted(axes)
        var inverse = [Int](repeating: 0, count: axes.count)
        for (position, axis) in axes.enumerated() { inverse[axis] = position }
        return record(value, inputs: [a]) { g in [try g.permuted(inverse)] }
    }

    /// The last two axes swapped. VJP: g with the last two axes swapped.
    public func transpose(_ a: Variable) -> Variable {
        record(a.value.transposed(), inputs: [a]) { g in [g.transposed()] }
    }

    /// Variables joined along `axis`. VJP: g sliced back into the pieces.
    public func concatenate(_ parts: [Variable], axis: Int) throws -> Variable {
        let value = try Tensor.concatenate(parts.map(\.value), axis: axis)
        let resolved = try value.resolveAxis(axis)
        return record(value, inputs: parts) { [extents = parts.map { $0.shape[resolved] }] g in
            var start = 0
            return try extents.map { extent in
                defer { start += extent }
                return try g.sliced(axis: resolved, range: start..<(start + extent))
            }
        }
    }

    /// Entries `range` of `axis`. VJP: g placed back into zeros.
    public func slice(_ a: Variable, axis: Int, range: Range<Int>) throws -> Variable {
        let value = try a.value.sliced(axis: axis, range: range)
        let resolved = try a.value.resolveAxis(axis)
        return record(value, inputs: [a]) { [shape = a.shape] g in
            var parts = [Tensor]()
            var before = shape
            before[resolved] = range.lowerBound
            var after = shape
            after[resolved] = shape[resolved] - range.upperBound
            if range.lowerBound > 0 { parts.append(try Tensor.zeros(before)) }
            parts.append(g)
            if after[resolved] > 0 { parts.append(try Tensor.zeros(after)) }
            return [try Tensor.concatenate(parts, axis: resolved)]
        }
    }

    /// `g` (`shape` without `axis`) copied along `axis` of `shape`: the VJP of a sum over it.
    private static func spread(_ g: Tensor, to shape: [Int], axis: Int) -> Tensor {
        let extent = shape[axis]
        let outer = shape[..<axis].reduce(1, *)
        let inner = shape[(axis + 1)...].reduce(1, *)
        let count = outer * extent * inner
        let scalars = [Float](unsafeUninitializedCapacity: count) { out, initialized in
            defer { initialized = count }
            guard count > 0, let target = out.baseAddress else { return }
            g.scalars.withUnsafeBufferPointer { source in
                guard let row = source.baseAddress else { return }
                for o in 0..<outer {
                    for e in 0..<extent {
                        (target + (o &* extent &+ e) &* inner).update(from: row + o &* inner, count: inner)
                    }
                }
            }
        }
        return Tensor(unchecked: shape, scalars: scalars)
    }

    /// The shape with the reduced axis kept as extent 1 (all ones for a full reduction).
    private func expandedShape(_ shape: [Int], axis: Int?) throws -> [Int] {
        guard let axis else { return shape.map { _ in 1 } }
        let resolved = axis < 0 ? axis + shape.count : axis
        guard resolved >= 0, resolved < shape.count else {
            throw EngineError.value(argument: .axis, message: "\(axis) is out of range for shape \(shape)")
        }
        var expanded = shape
        expanded[resolved] = 1
        return expanded
    }
}
