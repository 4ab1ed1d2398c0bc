import COpenBLAS

/// The blocked inference kernel of `Tape.linearLIF`: x as [T, rows, inputs], output spikes
/// [T, rows, outputs], an optional position table [T, length, outputs] indexed by row % length.
public struct FiringLinearBlocks {
    let steps: Int
    let rows: Int
    let inputs: Int
    let outputs: Int
    let length: Int
    let kernel: LIFKernel

    /// Blocks for x [T, rows, inputs] through `kernel`, with position tables of `length` rows.
    public init(steps: Int, rows: Int, inputs: Int, outputs: Int, length: Int, kernel: LIFKernel) {
        self.steps = steps
        self.rows = rows
        self.inputs = inputs
        self.outputs = outputs
        self.length = length
        self.kernel = kernel
    }

    /// Rows per block: about 2048 neurons, so the two [T, block] buffers stay in L2.
    var blockRows: Int { Swift.max(1, 2048 / Swift.max(outputs, 1)) }

    /// The spikes [T, rows, outputs] of LIF(x·W + b [+ table]); `sparse` accumulates spikes instead
    /// of a GEMM. Blocks are independent: ranges of them run on the engine's threads, each with
    /// its own scratch (the same spikes, bit for bit).
    public func run(_ x: [Float], _ weight: [Float], _ bias: [Float]?, _ table: [Float]?, sparse: Bool) -> [Float] {
        let count = steps * rows * outputs
        let start = bias ?? [Float](repeating: 0, count: outputs)
        let blockRows = self.blockRows
        let blocks = (rows + blockRows - 1) / blockRows
        return [Float](unsafeUninitializedCapacity: count) { output, initialized in
            defer { initialized = count }
            guard count > 0, let out = output.baseAddress else { return }
            let size = steps * blockRows * outputs
            KernelThreads.singleThreadedBLAS()
            withBuffers(x, weight, start) { xs, ws, bs in
                guard let x = xs.baseAddress, let w = ws.baseAddress, let b = bs.baseAddress else { return }
                KernelThreads.split(items: blocks, cost: steps * blockRows * (outputs + (sparse ? 0 : inputs))) { firstBlock, count in
                    // Floats: the block's currents and spikes, then the gathered inputs' scales.
                    withScratch(Float.self, 2 * size + inputs + 1, Int.self, inputs + 1) { scratch, offsets in
                        guard let current = scratch.baseAddress, let offset = offsets.baseAddress else { return }
                        let spikes = current + size
                        let scale = spikes + size
                        for block in firstBlock..<(firstBlock + count) {
                            let first = block * blockRows
                            let width = Swift.min(blockRows, rows - first)
                            let neurons = width * outputs
                            for t in 0..<steps {
                                let target = current + t * neurons
                                let source = x + (t * rows + first) * inputs
                                if sparse {
                                    for row in 0..<width {
                                        var ones = false
                                        let n = SpikeAccumulation.gather(
                                            source + row * inputs, count: inputs, stride: outputs,
                                            offsets: offset, scales: scale, allOnes: &ones)
                                        RowAccumulation.accumulate(
                                            into: target + row * outputs, start: b, source: w,
                                            offsets: offset, scales: scale, count: n, width: outputs,
                                            unitScales: ones)
                                    }
                                } else {
                                    affine(source, w, b, into: target, rows: width)
                                }
                                if let table {
                                    addPositions(table, step: t, firstRow: first, rows: width, into: target)
                                }
                            }
                            kernel.forward(current, spikes, nil, steps: steps, neurons: neurons, stride: neurons)
                            for t in 0..<steps {
                                (out + (t * rows + first) * outputs).update(from: spikes + t * neurons, count: neurons)
                            }
                        }
                    }
                }
            }
        }
    }

    /// `rows` rows of x·W + b into `target` (the bias pre-fills, one GEMM accumulates), as `Tape.affine`.
    private func affine(
        _ x: UnsafePointer<Float>, _ w: UnsafePointer<Float>, _ b: UnsafePointer<Float>,
        into target: UnsafeMutablePointer<Float>, rows: Int
    ) {
        for row in 0..<rows { (target + row * outputs).update(from: b, count: outputs) }
        guard inputs > 0 else { return }
        cblas_sgemm(
            CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(rows), Int32(outputs), Int32(inputs), 1,
            x, Int32(inputs), w, Int32(outputs), 1, target, Int32(outputs))
    }

    /// target row r += table[t, (firstRow + r) % length], as `PositionRows.add`.
    private func addPositions(_ table: [Float], step t: Int, firstRow: Int, rows: Int, into target: UnsafeMutablePointer<Float>) {
        table.withUnsafeBufferPointer { entries in
            guard let p = entries.baseAddress else { return }
            for row in 0..<rows {
                let entry = p + (t * length + (firstRow + row) % length) * outputs
                let y = target + row * outputs
                for f in 0..<outputs { y[f] += entry[f] }
            }
        }
    }
}
