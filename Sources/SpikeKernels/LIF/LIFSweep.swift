/// The forward recurrence of one LIF configuration over raw [T, N] buffers (time first, neurons
/// contiguous), in `LIFVector`s (8 or 16 lanes): reads the inputs X, writes the spikes S and,
/// for training, the charges H.
///
/// Loop order, chosen by measurement (T = 4 and 32 at 8 bytes per neuron-step, 1 thread):
/// neurons go in blocks of `block`, and each block walks time `chunk` steps at a time; inside a
/// chunk, four vectors of neurons (four independent dependency chains) carry their membranes in
/// registers, so the membranes touch memory once per chunk, not once per step, while only
/// `chunk` rows of X and S stream at once. Between chunks a block's membranes wait in a
/// `block`-neuron buffer (2 KiB, in L1). A whole sweep costs O(T·N) time and O(block) space.
///
/// `advance` is `@_transparent` rather than `@inline(__always)`: the optimizer did not honour
/// the latter for these generic members, and the calls made the sweep three times slower.
struct LIFSweep<C: ChargeRule, R: ResetKind, F: FiringTest> {
    /// Neurons per block: their membranes (2 KiB) stay in L1 between chunks.
    static var block: Int { 512 }
    /// Time steps per chunk: two rows of X and of S stream at a time.
    static var chunk: Int { 2 }

    let x: UnsafePointer<Float>
    let s: UnsafeMutablePointer<Float>
    /// Where the charges go; nil for inference.
    let h: UnsafeMutablePointer<Float>?
    let steps: Int
    /// The neurons this sweep runs (a range of a row when the kernel splits a row over threads).
    let neurons: Int
    /// Elements from one time step's row to the next (the row's whole width).
    let stride: Int
    let beta: LIFVector
    let leak: LIFVector
    let threshold: LIFVector

    /// One time step of the four vectors of neurons from `offset` on: their new membranes, given the old.
    /// All four inputs are loaded before anything is stored.
    @_transparent
    func advance(_ v0: LIFVector, _ v1: LIFVector, _ v2: LIFVector, _ v3: LIFVector, at offset: Int)
        -> (LIFVector, LIFVector, LIFVector, LIFVector)
    {
        let bytes = 4 &* LIFVector.scalarCount
        let input = UnsafeRawPointer(x + offset)
        let c0 = C.charge(v0, input.loadUnaligned(as: LIFVector.self), beta, leak)
        let c1 = C.charge(v1, input.loadUnaligned(fromByteOffset: bytes, as: LIFVector.self), beta, leak)
        let c2 = C.charge(v2, input.loadUnaligned(fromByteOffset: 2 &* bytes, as: LIFVector.self), beta, leak)
        let c3 = C.charge(v3, input.loadUnaligned(fromByteOffset: 3 &* bytes, as: LIFVector.self), beta, leak)
        let f0 = F.fires(c0, threshold)
        let f1 = F.fires(c1, threshold)
        let f2 = F.fires(c2, threshold)
        let f3 = F.fires(c3, threshold)
        if let h {
            let charges = UnsafeMutableRawPointer(h + offset)
            charges.storeBytes(of: c0, as: LIFVector.self)
            charges.storeBytes(of: c1, toByteOffset: bytes, as: LIFVector.self)
            charges.storeBytes(of: c2, toByteOffset: 2 &* bytes, as: LIFVector.self)
            charges.storeBytes(of: c3, toByteOffset: 3 &* bytes, as: LIFVector.self)
        }
        let zero = LIFVector(repeating: 0)
        let one = LIFVector(repeating: 1)
        let spikes = UnsafeMutableRawPointer(s + offset)
        spikes.storeBytes(of: zero.replacing(with: one, where: f0), as: LIFVector.self)
        spikes.storeBytes(of: zero.replacing(with: one, where: f1), toByteOffset: bytes, as: LIFVector.self)
        spikes.storeBytes(of: zero.replacing(with: one, where: f2), toByteOffset: 2 &* bytes, as: LIFVector.self)
        spikes.storeBytes(of: zero.replacing(with: one, where: f3), toByteOffset: 3 &* bytes, as: LIFVector.self)
        return (
            R.reset(c0, f0, threshold), R.reset(c1, f1, threshold),
            R.reset(c2, f2, threshold), R.reset(c3, f3, threshold)
        )
    }

    /// One time step of the vector of neurons at `offset`: their new membrane, given the old.
    @_transparent
    func advance(_ v: LIFVector, at offset: Int) -> LIFVector {
        let charge = C.charge(v, UnsafeRawPointer(x + offset).loadUnaligned(as: LIFVector.self), beta, leak)
        let fired = F.fires(charge, threshold)
        if let h { UnsafeMutableRawPointer(h + offset).storeBytes(of: charge, as: LIFVector.self) }
        let spikes = LIFVector(repeating: 0).replacing(with: 1, where: fired)
        UnsafeMutableRawPointer(s + offset).storeBytes(of: spikes, as: LIFVector.self)
        return R.reset(charge, fired, threshold)
    }

    /// Runs all T steps for all N neurons, every membrane starting at 0.
    func run() {
        let width = LIFVector.scalarCount
        let group = 4 &* width
        let zero = LIFVector(repeating: 0)
        let vectorized = neurons - neurons % width
        // Membranes wait between chunks only when there is more than one chunk.
        let capacity = steps > Self.chunk ? Swift.min(Self.block, vectorized) / width : 0
        let waiting = capacity > 0 ? UnsafeMutablePointer<LIFVector>.allocate(capacity: capacity) : nil
        defer { waiting?.deallocate() }
        var start = 0
        while start < vectorized {
            let end = Swift.min(start &+ Self.block, vectorized)
            var first = 0
            while first < steps {
                let count = Swift.min(Self.chunk, steps &- first)
                let fresh = first == 0
                let final = first &+ count == steps
                var j = start
                var lane = 0
                while j &+ group <= end {
                    var v0 = fresh ? zero : waiting.unsafelyUnwrapped[lane]
                    var v1 = fresh ? zero : waiting.unsafelyUnwrapped[lane &+ 1]
                    var v2 = fresh ? zero : waiting.unsafelyUnwrapped[lane &+ 2]
                    var v3 = fresh ? zero : waiting.unsafelyUnwrapped[lane &+ 3]
                    var offset = first &* stride &+ j
                    for _ in 0..<count {
                        (v0, v1, v2, v3) = advance(v0, v1, v2, v3, at: offset)
                        offset &+= stride
                    }
                    if !final {
                        waiting.unsafelyUnwrapped[lane] = v0
                        waiting.unsafelyUnwrapped[lane &+ 1] = v1
                        waiting.unsafelyUnwrapped[lane &+ 2] = v2
                        waiting.unsafelyUnwrapped[lane &+ 3] = v3
                    }
                    j &+= group
                    lane &+= 4
                }
                while j < end {
                    var v = fresh ? zero : waiting.unsafelyUnwrapped[lane]
                    var offset = first &* stride &+ j
                    for _ in 0..<count {
                        v = advance(v, at: offset)
                        offset &+= stride
                    }
                    if !final { waiting.unsafelyUnwrapped[lane] = v }
                    j &+= width
                    lane &+= 1
                }
                first &+= count
            }
            start = end
        }
        runScalars(from: vectorized)
    }

    /// The last N mod `LIFVector.scalarCount` neurons, one at a time (lane 0 of a vector).
    private func runScalars(from start: Int) {
        for j in start..<neurons {
            var v = LIFVector(repeating: 0)
            var offset = j
            for _ in 0..<steps {
                let charge = C.charge(v, LIFVector(repeating: x[offset]), beta, leak)
                let fired = F.fires(charge, threshold)
                h?[offset] = charge[0]
                s[offset] = fired[0] ? 1 : 0
                v = R.reset(charge, fired, threshold)
                offset &+= stride
            }
        }
    }
}
