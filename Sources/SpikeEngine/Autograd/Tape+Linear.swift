import SpikeKernels

/// Matrix products on the tape.
extension Tape {
    /// a·b over the last two axes (see `Tensor.matmul` for the batched forms); `transposingB`
    /// multiplies by bᵀ without materialising it (attention's Q·Kᵀ).
    /// VJP: (g·bᵀ, aᵀ·g), with b's gradient summed over the batch when b is a shared matrix;
    /// the transposes are GEMM flags, never copies.
    public func matmul(_ a: Variable, _ b: Variable, transposingB: Bool = false) throws -> Variable {
        let value = try a.value.matmul(b.value, transposingOther: transposingB)
        return record(value, inputs: [a, b]) { g in
            // a·op(b) = y: dA = g·op(b)ᵀ; d op(b) = aᵀ·g, so dB = aᵀ·g or (aᵀ·g)ᵀ = gᵀ·a.
            let gradientA = a.isDifferentiable ? try g.matmul(b.value, transposingOther: !transposingB) : nil
            var gradientB: Tensor?
            if b.isDifferentiable {
                if b.value.rank == 2, !transposingB {
                    gradientB = Self.foldedTransposeProduct(a.value, g, shape: b.shape)
                } else if b.value.rank == 2 {
                    gradientB = Self.foldedTransposeProduct(g, a.value, shape: b.shape)
                } else if transposingB {
                    gradientB = try g.matmul(a.value, transposingSelf: true)
                } else {
                    gradientB = try a.value.matmul(g, transposingSelf: true)
                }
            }
            return [gradientA, gradientB]
        }
    }

    /// An affine map over the last axis, x·W + bias, with W of shape [in, out] and bias [out],
    /// fused into one GEMM (the bias pre-fills the output); with `positions` ([T, L, out] for x
    /// of shape [T, ..., L, in]) the row of each (time step, position) is added too, in place
    /// (the table form of a concatenated positional code, see `Positional`).
    /// VJP: (g·Wᵀ, xᵀ·g over all rows, Σ_rows g, Σ over the middle axes of g).
    /// Cost: 2·rows·in·out flops forward.
    public func linear(_ x: Variable, weight: Variable, bias: Variable?, positions: Variable? = nil) throws -> Variable {
        let (inputs, outputs) = try Self.linearSizes(x, weight: weight, bias: bias)
        let rows = x.value.count / Swift.max(inputs, 1)
        let outputShape = Array(x.shape.dropLast()) + [outputs]
        let layout = try positions.map { try PositionRows(input: x.shape, table: $0.shape, outputs: outputs) }
        // Spiking inputs (mostly zeros) are accumulated instead of multiplied (SpikeAccumulation).
        let sparse = SpikeAccumulation.isSparse(x.value.scalars)
        var result =
            sparse
            ? SpikeAccumulation.affine(
                x.value.scalars, weight.value.scalars, bias?.value.scalars,
                rows: rows, inputs: inputs, outputs: outputs)
            : Self.affine(
                x.value.scalars, weight.value.scalars, bias?.value.scalars,
                rows: rows, inputs: inputs, outputs: outputs)
        if let layout, let positions { layout.add(positions.value.scalars, to: &result) }
        let value = Tensor(unchecked: outputShape, scalars: result)
        let inputsToRecord = [x, weight] + [bias, positions].compactMap { $0 }
        return record(value, inputs: inputsToRecord) { g in
            var gradients: [Tensor?] = []
            if x.isDifferentiable {
                var gx = Tensor.uninitialized(rows * inputs, zeroed: outputs == 0)
                Tensor.gemm(g.scalars, 0, weight.value.scalars, 0, &gx, 0, m: rows, k: outputs, n: inputs, transposeB: true)
                gradients.append(Tensor(unchecked: x.shape, scalars: gx))
            } else {
                gradients.append(nil)
            }
            if weight.isDifferentiable, sparse {
                gradients.append(
                    Tensor(
                        unchecked: weight.shape,
                        scalars: SpikeAccumulation.transposeProduct(
                            x.value.scalars, g.scalars, rows: rows, inputs: inputs, outputs: outputs)))
            } else {
                gradients.append(weight.isDifferentiable ? Self.foldedTransposeProduct(x.value, g, shape: weight.shape) : nil)
            }
            if let bias {
                gradients.append(bias.isDifferentiable ? Self.columnSums(g, columns: outputs) : nil)
            }
            if let layout, let positions {
                gradients.append(positions.isDifferentiable ? layout.sums(g) : nil)
            }
            return gradients
        }
    }

    /// x·W + b for x as [rows, inputs] and W as [inputs, outputs]: the bias pre-fills the
    /// output and one GEMM accumulates onto it.
    static func affine(_ x: [Float], _ weight: [Float], _ bias: [Float]?, rows: Int, inputs: Int, outputs: Int) -> [Float] {
        guard rows > 0, outputs > 0 else { return [Float](repeating: 0, count: rows * outputs) }
        var result: [Float]
        if let bias {
            result = [Float](unsafeUninitializedCapacity: rows * outputs) { buffer, initialized in
                bias.withUnsafeBufferPointer { b in
                    for row in 0..<rows {
                        (buffer.baseAddress! + row * outputs).initialize(from: b.baseAddress!, count: outputs)
                    }
                }
                initialized = rows * outputs
            }
        } else {
            result = Tensor.uninitialized(rows * outputs, zeroed: inputs == 0)
        }
        Tensor.gemm(x, 0, weight, 0, &result, 0, m: rows, k: inputs, n: outputs, accumulate: bias != nil)
        return result
    }

    /// aᵀ·g with every leading axis folded into rows: a as [rows, k], g as [rows, n] → [k, n].
    static func foldedTransposeProduct(_ a: Tensor, _ g: Tensor, shape: [Int]) -> Tensor {
        let k = shape[0]
        let n = shape[1]
        let rows = a.count / Swift.max(k, 1)
        var result = Tensor.uninitialized(k * n, zeroed: rows == 0)
        Tensor.gemm(a.scalars, 0, g.scalars, 0, &result, 0, m: k, k: rows, n: n, transposeA: true)
        return Tensor(unchecked: shape, scalars: result)
    }

    /// Σ over rows of g viewed as [rows, columns] → [columns]. A large g goes to the engine's
    /// threads by ranges of columns, each summing its rows in order (the same sums).
    static func columnSums(_ g: Tensor, columns: Int) -> Tensor {
        var sums = [Float](repeating: 0, count: columns)
        let rows = g.count / Swift.max(columns, 1)
        g.scalars.withUnsafeBufferPointer { source in
            sums.withUnsafeMutableBufferPointer { target in
                guard let source = source.baseAddress, let target = target.baseAddress else { return }
                KernelThreads.split(items: columns, cost: rows, alignment: 16) { first, count in
                    let sums = target + first
                    for row in 0..<rows {
                        let values = source + (row &* columns &+ first)
                        for column in 0..<count { sums[column] += values[column] }
                    }
                }
            }
        }
        return Tensor(unchecked: [columns], scalars: sums)
    }

    /// The (in, out) sizes of x·W + b, after checking that x ends in W's rows (W is [in, out])
    /// and b is [out]; a `ShapeError` names both shapes otherwise.
    static func linearSizes(_ x: Variable, weight: Variable, bias: Variable?) throws -> (inputs: Int, outputs: Int) {
        let inputs = weight.shape.first ?? -1
        guard weight.value.rank == 2, x.value.rank >= 1, x.shape[x.shape.count - 1] == inputs else {
            throw EngineError.shape(operation: "linear", first: x.shape, second: weight.shape)
        }
        let outputs = weight.shape[1]
        if let bias, bias.shape != [outputs] {
            throw EngineError.shape(operation: "linear bias", first: weight.shape, second: bias.shape)
        }
        return (inputs, outputs)
    }
}
