/// `LIFKernel` over blocks of neurons through small scratch buffers, for fused ops that keep
/// no charges: the forward gives spikes only, and the backward recomputes the charges from the
/// neurons' input block by block (the same arithmetic as the forward, so the same charges).
///
/// The input is never stored whole: `fill(start, width, into)` writes the input of neurons
/// `start..<start + width` for every time step into a [T, width] buffer (e.g. x̂·γ + β from a
/// batch norm's saved x̂). Blocks start at multiples of `rowWidth` and span whole rows of it, so
/// a fill can walk features without a modulo. Cost: O(T·N) time, O(T·block) scratch.
extension LIFKernel {
    /// Roughly how many neurons one block holds (5 scratch arrays of T·block floats stay in L2).
    static let blockNeurons = 512

    /// Neurons per block for rows of `rowWidth`: whole rows, about `blockNeurons` of them.
    static func blockWidth(rowWidth: Int) -> Int {
        Swift.max(1, blockNeurons / Swift.max(rowWidth, 1)) * Swift.max(rowWidth, 1)
    }

    /// The spikes [T, N] of neurons whose input `fill` provides (N = `neurons`, a multiple of `rowWidth`).
    public func spikes(
        steps: Int, neurons: Int, rowWidth: Int, fill: (Int, Int, UnsafeMutablePointer<Float>) -> Void
    ) -> [Float] {
        let count = steps * neurons
        let block = Self.blockWidth(rowWidth: rowWidth)
        return [Float](unsafeUninitializedCapacity: count) { output, initialized in
            defer { initialized = count }
            guard count > 0, let out = output.baseAddress else { return }
            withUnsafeTemporaryAllocation(of: Float.self, capacity: 2 * steps * block) { scratch in
                guard let input = scratch.baseAddress else { return }
                let spikes = input + steps * block
                var start = 0
                while start < neurons {
                    let width = Swift.min(block, neurons - start)
                    fill(start, width, input)
                    forward(
                        input: UnsafeBufferPointer(start: input, count: steps * width),
                        spikes: UnsafeMutableBufferPointer(start: spikes, count: steps * width),
                        charges: nil, steps: steps, neurons: width)
                    for t in 0..<steps {
                        (out + (t &* neurons &+ start)).update(from: spikes + t &* width, count: width)
                    }
                    start &+= width
                }
            }
        }
    }

    /// dL/d(input) [T, N] from dL/dS `gradient` [T, N], recomputing charges and spikes from the
    /// input `fill` provides; written to `result`, which may be the very buffer `fill` reads
    /// (each block is read before it is written).
    public func inputGradient(
        gradient: UnsafePointer<Float>, steps: Int, neurons: Int, rowWidth: Int,
        fill: (Int, Int, UnsafeMutablePointer<Float>) -> Void, into result: UnsafeMutablePointer<Float>
    ) {
        guard steps > 0, neurons > 0 else { return }
        let block = Self.blockWidth(rowWidth: rowWidth)
        withUnsafeTemporaryAllocation(of: Float.self, capacity: 5 * steps * block) { scratch in
            guard let input = scratch.baseAddress else { return }
            let size = steps * block
            let spikes = input + size
            let charges = spikes + size
            let incoming = charges + size
            let outgoing = incoming + size
            var start = 0
            while start < neurons {
                let width = Swift.min(block, neurons - start)
                let blockCount = steps * width
                fill(start, width, input)
                forward(
                    input: UnsafeBufferPointer(start: input, count: blockCount),
                    spikes: UnsafeMutableBufferPointer(start: spikes, count: blockCount),
                    charges: UnsafeMutableBufferPointer(start: charges, count: blockCount), steps: steps, neurons: width)
                for t in 0..<steps {
                    (incoming + t &* width).update(from: gradient + (t &* neurons &+ start), count: width)
                }
                backward(
                    gradient: UnsafeBufferPointer(start: incoming, count: blockCount),
                    charges: UnsafeBufferPointer(start: charges, count: blockCount),
                    spikes: UnsafeBufferPointer(start: spikes, count: blockCount),
                    inputGradient: UnsafeMutableBufferPointer(start: outgoing, count: blockCount),
                    steps: steps, neurons: width)
                for t in 0..<steps {
                    (result + (t &* neurons &+ start)).update(from: outgoing + t &* width, count: width)
                }
                start &+= width
            }
        }
    }
}
