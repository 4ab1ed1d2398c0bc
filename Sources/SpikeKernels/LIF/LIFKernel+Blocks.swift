/// `LIFKernel` over blocks of neurons, for fused ops that keep no charges: the forward gives
/// spikes only, and the backward recomputes the charges from the neurons' input block by block
/// (the same arithmetic as the forward, so the same charges).
///
/// The input is never stored whole: `fill(start, width, target, stride)` writes the input of
/// neurons `start..<start + width` for every time step t at `target + t·stride` (e.g. x̂·γ + β
/// from a batch norm's saved x̂). Blocks start at multiples of `rowWidth` and span whole rows
/// of it, so a fill can walk features without a modulo. Blocks are independent: a large call
/// runs ranges of blocks on `KernelThreads.count` threads, each with its own scratch, and
/// gives the same result bit for bit. Cost: O(T·N) time, O(T·block) scratch per thread.
extension LIFKernel {
    /// Roughly how many neurons one block holds (3 scratch arrays of T·block floats stay in L2).
    static let blockNeurons = 512

    /// Neurons per block for rows of `rowWidth`: whole rows, about `blockNeurons` of them.
    static func blockWidth(rowWidth: Int) -> Int {
        Swift.max(1, blockNeurons / Swift.max(rowWidth, 1)) * Swift.max(rowWidth, 1)
    }

    /// Calls `body(start, width)` for every block of `neurons` neurons, ranges of blocks on
    /// up to `KernelThreads.count` threads; `scratch` floats per thread are handed to each call.
    private static func forEachBlock(
        steps: Int, neurons: Int, rowWidth: Int, scratch: Int,
        _ body: (Int, Int, UnsafeMutablePointer<Float>) -> Void
    ) {
        let block = blockWidth(rowWidth: rowWidth)
        let blocks = (neurons + block - 1) / block
        KernelThreads.split(items: blocks, cost: steps * block) { first, count in
            withUnsafeTemporaryAllocation(of: Float.self, capacity: Swift.max(scratch, 1)) { buffer in
                guard let floats = buffer.baseAddress else { return }
                for index in first..<(first + count) {
                    let start = index * block
                    body(start, Swift.min(block, neurons - start), floats)
                }
            }
        }
    }

    /// The spikes [T, N] of neurons whose input `fill` provides (N = `neurons`, a multiple of
    /// `rowWidth`). Each block's input is filled into the output and fires in place.
    public func spikes(
        steps: Int, neurons: Int, rowWidth: Int,
        fill: (Int, Int, UnsafeMutablePointer<Float>, Int) -> Void
    ) -> [Float] {
        let count = steps * neurons
        return [Float](unsafeUninitializedCapacity: count) { output, initialized in
            defer { initialized = count }
            guard count > 0, let out = output.baseAddress else { return }
            Self.forEachBlock(steps: steps, neurons: neurons, rowWidth: rowWidth, scratch: 0) { start, width, _ in
                fill(start, width, out + start, neurons)
                forward(out + start, out + start, nil, steps: steps, neurons: width, stride: neurons)
            }
        }
    }

    /// dL/d(input) [T, N] from dL/dS `gradient` [T, N], recomputing charges and spikes from the
    /// input `fill` provides; written to `result`, which may be the very buffer `fill` reads
    /// (each block is read before it is written, and blocks are disjoint).
    public func inputGradient(
        gradient: UnsafePointer<Float>, steps: Int, neurons: Int, rowWidth: Int,
        fill: (Int, Int, UnsafeMutablePointer<Float>, Int) -> Void, into result: UnsafeMutablePointer<Float>
    ) {
        guard steps > 0, neurons > 0 else { return }
        let size = steps * Self.blockWidth(rowWidth: rowWidth)
        Self.forEachBlock(steps: steps, neurons: neurons, rowWidth: rowWidth, scratch: 3 * size) { start, width, scratch in
            let input = scratch
            let spikes = input + size
            let charges = spikes + size
            fill(start, width, input, width)
            forward(input, spikes, charges, steps: steps, neurons: width, stride: width)
            backward(
                gradient + start, charges, spikes, result + start, steps: steps, neurons: width, stride: neurons,
                stateStride: width)
        }
    }
}
