/// One-dimensional convolution over the length axis, channels last, as im2col + one GEMM.
extension Tape {
    /// Convolves `input` [..., L, Cin] with `weight` [kernel·Cin, Cout] (row j·Cin + c is tap j,
    /// input channel c) and adds `bias` [Cout]:
    ///
    ///     y[n, o, :] = Σ_j Σ_c x[n, o + j·dilation − padLeft, c] · W[j·Cin + c, :] + b
    ///
    /// with zeros outside the sequence; output length L + padLeft + padRight − dilation·(kernel − 1).
    /// VJP: the GEMM's two products, the input gradient scattered back (col2im).
    /// Cost: 2·N·Lout·kernel·Cin·Cout flops and a kernel× copy of the input.
    public func conv1d(
        _ input: Variable, weight: Variable, bias: Variable?, kernel: Int, dilation: Int,
        padLeft: Int, padRight: Int, budget: MemoryBudget = .standard
    ) throws -> Variable {
        guard input.value.rank >= 2, kernel >= 1, dilation >= 1, padLeft >= 0, padRight >= 0,
            weight.value.rank == 2, weight.shape[0] == kernel * input.shape[input.shape.count - 1]
        else {
            throw EngineError.shape(operation: "conv1d", first: input.shape, second: weight.shape)
        }
        let channels = input.shape[input.shape.count - 1]
        guard channels >= 1, weight.shape[1] >= 1 else {
            throw EngineError.shape(operation: "conv1d (no channels)", first: input.shape, second: weight.shape)
        }
        let length = input.shape[input.shape.count - 2]
        let outputs = weight.shape[1]
        let outputLength = length + padLeft + padRight - dilation * (kernel - 1)
        guard outputLength >= 1 else {
            throw EngineError.shape(operation: "conv1d (sequence shorter than the kernel)", first: input.shape, second: weight.shape)
        }
        if let bias, bias.shape != [outputs] {
            throw EngineError.shape(operation: "conv1d bias", first: weight.shape, second: bias.shape)
        }
        let batch = input.value.count / Swift.max(length * channels, 1)
        let width = kernel * channels
        try budget.check(scalars: batch * outputLength * width)
        let geometry = (batch, length, channels, outputLength, kernel, dilation, padLeft)
        var columns = [Float](repeating: 0, count: batch * outputLength * width)
        input.value.scalars.withUnsafeBufferPointer { x in
            columns.withUnsafeMutableBufferPointer { cols in
                Self.forEachTap(geometry) { source, target in
                    if channels == 1 {
                        cols[target] = x[source]  // one scalar: no call to memcpy
                    } else {
                        (cols.baseAddress! + target).update(from: x.baseAddress! + source, count: channels)
                    }
                }
            }
        }
        let columnsTensor = Tensor(unchecked: [batch * outputLength, width], scalars: columns)
        let product = Self.affine(
            columns, weight.value.scalars, bias?.value.scalars,
            rows: batch * outputLength, inputs: width, outputs: outputs)
        let outputShape = Array(input.shape.dropLast(2)) + [outputLength, outputs]
        let value = Tensor(unchecked: outputShape, scalars: product)
        let recorded = bias.map { [input, weight, $0] } ?? [input, weight]
        return record(value, inputs: recorded) { g in
            let rows = batch * outputLength
            var gradients: [Tensor?] = []
            if input.isDifferentiable {
                var gradientColumns = [Float](repeating: 0, count: rows * width)
                Tensor.gemm(
                    g.scalars, 0, weight.value.scalars, 0, &gradientColumns, 0,
                    m: rows, k: outputs, n: width, transposeB: true)
                var gx = [Float](repeating: 0, count: input.value.count)
                gradientColumns.withUnsafeBufferPointer { cols in
                    gx.withUnsafeMutableBufferPointer { target in
                        Self.forEachTap(geometry) { source, column in
                            for c in 0..<channels { target[source &+ c] += cols[column &+ c] }
                        }
                    }
                }
                gradients.append(Tensor(unchecked: input.shape, scalars: gx))
            } else {
                gradients.append(nil)
            }
            gradients.append(
                weight.isDifferentiable
                    ? Self.foldedTransposeProduct(columnsTensor, g, shape: weight.shape) : nil)
            if let bias {
                gradients.append(bias.isDifferentiable ? Self.columnSums(g, columns: outputs) : nil)
            }
            return gradients
        }
    }

    /// Calls `body(inputOffset, columnOffset)` for every (sample, output position, tap) whose
    /// input position lies inside the sequence; each pair addresses `channels` contiguous scalars.
    @inline(__always)
    private static func forEachTap(
        _ geometry: (batch: Int, length: Int, channels: Int, outputLength: Int, kernel: Int, dilation: Int, padLeft: Int),
        _ body: (Int, Int) -> Void
    ) {
        let (batch, length, channels, outputLength, kernel, dilation, padLeft) = geometry
        let width = kernel * channels
        for n in 0..<batch {
            for o in 0..<outputLength {
                for j in 0..<kernel {
                    let position = o + j * dilation - padLeft
                    guard position >= 0, position < length else { continue }
                    body((n * length + position) * channels, (n * outputLength + o) * width + j * channels)
                }
            }
        }
    }
}
