import Foundation

/// The fixed matrix of an encoding: one row per (time step, position), one column per channel.
extension PositionalEncoding {
    /// The encoding matrix of shape [steps·length, channels]; row t·length + l belongs to time
    /// step t and position l.
    ///
    /// `channels` is required for `.sinusoidal` and `.cpgAdded` (their width is the input's) and ignored where the
    /// parameters fix it. `.relative` and `.learnable` have no fixed matrix (they are computed
    /// from the input or learned) and throw `.value(argument: .encoding)`. Cost: O(steps·length·channels);
    /// `isCancelled` is polled every `cancellationChunk` entries (at least once per row).
    ///
    ///     try PositionalEncoding.standardCPG.encode(length: 3).scalars
    ///     // rows p0: 0101010101, p1: 1001010101, p2: 1001010101
    public func encode(
        length: Int, steps: Int = 1, channels: Int? = nil, budget: MemoryBudget = .standard,
        isCancelled: CancellationCheck? = nil
    ) throws -> Tensor {
        try validate()
        if case .relative = self { throw noFixedMatrix }
        if case .learnable = self { throw noFixedMatrix }
        guard length >= 0 else {
            throw EngineError.value(argument: .length, message: "must not be negative, got \(length)")
        }
        guard steps >= 1 else {
            throw EngineError.value(argument: .steps, message: "must be at least 1, got \(steps)")
        }
        let width = try channelCount(given: channels)
        let rows = try Tensor.elementCount(of: [steps, length])
        try budget.check(scalars: try Tensor.elementCount(of: [rows, width]))
        // Zeroed chunk by chunk as it is filled, so an interrupt never waits for the whole
        // matrix to be touched.
        var scalars = [Float]()
        scalars.reserveCapacity(rows * width)
        let rowsPerChunk = max(1, cancellationChunk / max(width, 1))
        switch self {
        case .cpg(_, let tau, let threshold, let index), .cpgAdded(let tau, let threshold, let index):
            let table = SinusoidTable(channels: width, base: tau)
            let theta = Float(threshold)
            // Row r = t·L + l: position r when rolling, l = r mod L otherwise.
            try forEachChunk(rows, of: rowsPerChunk, isCancelled: isCancelled) { chunk in
                scalars.append(contentsOf: repeatElement(0, count: chunk.count * width))
                for row in chunk {
                    let p = index == .rolling ? row : row % length
                    table.fill(position: p, into: &scalars, at: row * width) { $0 - theta >= 0 ? 1 : 0 }
                }
            }
        case .sinusoidal(let base):
            let table = SinusoidTable(channels: width, base: base)
            try forEachChunk(rows, of: rowsPerChunk, isCancelled: isCancelled) { chunk in
                scalars.append(contentsOf: repeatElement(0, count: chunk.count * width))
                for row in chunk {
                    table.fill(position: row % length, into: &scalars, at: row * width) { $0 }
                }
            }
        case .randomCode(_, let seed):
            // Row p of one endless ±1 table, read at p = t·L + l as in the reference code.
            var generator = SeededGenerator(seed: seed)
            try forEachChunk(rows * width, isCancelled: isCancelled) { chunk in
                for _ in chunk {
                    scalars.append(generator.next() & 1 == 0 ? -1 : 1)
                }
            }
        case .relative, .learnable:
            throw noFixedMatrix
        case .none:
            break
        }
        return Tensor(unchecked: [rows, width], scalars: scalars)
    }

    /// How many of the first `length` positions (time step 0) get a code no earlier position has.
    ///
    /// CPG-PE codes are not unique at the paper's sizes: n = 10 channels, tau = 10⁴ gives 74
    /// distinct codes among 672 positions. Cost: O(length·channels).
    public func distinctCodes(
        length: Int, channels: Int? = nil, budget: MemoryBudget = .standard, isCancelled: CancellationCheck? = nil
    ) throws -> Int {
        let matrix = try encode(length: length, steps: 1, channels: channels, budget: budget, isCancelled: isCancelled)
        let width = matrix.shape[1]
        var seen = Set<[Float]>()
        try forEachChunk(length, isCancelled: isCancelled) { chunk in
            for row in chunk {
                seen.insert(Array(matrix.scalars[(row * width)..<((row + 1) * width)]))
            }
        }
        return seen.count
    }

    /// The fraction of entries that are 1 in each channel over the first `length` positions
    /// (time step 0): a CPG channel that runs full cycles fires (π − 2 asin θ) / 2π of the time.
    public func firingRates(length: Int, channels: Int? = nil, budget: MemoryBudget = .standard) throws -> [Double] {
        let matrix = try encode(length: length, steps: 1, channels: channels, budget: budget)
        let width = matrix.shape[1]
        var rates = [Double](repeating: 0, count: width)
        for row in 0..<length {
            for column in 0..<width where matrix.scalars[row * width + column] == 1 {
                rates[column] += 1
            }
        }
        return rates.map { length == 0 ? 0 : $0 / Double(length) }
    }

    /// The encoding's name as the language spells it.
    public var name: String {
        switch self {
        case .cpg, .cpgAdded: return "cpg"
        case .sinusoidal: return "sinusoidal"
        case .relative: return "relative"
        case .randomCode: return "random_code"
        case .learnable: return "learnable"
        case .none: return "none"
        }
    }

    private var noFixedMatrix: EngineError {
        .value(argument: .encoding, message: "a \(name) encoding has no fixed matrix: it is computed inside the network")
    }

    private func channelCount(given channels: Int?) throws -> Int {
        if let fixed = fixedChannels { return fixed }
        guard let channels else {
            throw EngineError.value(argument: .channels, message: "must be given for a \(name) encoding (its number of channels)")
        }
        guard channels >= 1 else {
            throw EngineError.value(argument: .channels, message: "must be at least 1, got \(channels)")
        }
        return channels
    }
}

/// The Vaswani sinusoid table in Float32, as PyTorch computes it: omega_k =
/// exp(Float32(2k) · Float32(−ln(base)/n)), column 2k = sin(Float32(p)·omega_k), column 2k+1 = cos(…);
/// an odd channel count drops the last cosine.
struct SinusoidTable {
    let channels: Int
    let omegas: [Float]

    init(channels: Int, base: Double) {
        self.channels = channels
        let scale = Float(-Foundation.log(base) / Double(channels))
        omegas = stride(from: 0, to: channels, by: 2).map { Foundation.exp(Float($0) * scale) }
    }

    /// Writes `transform` of the row at position `p` into `scalars[offset...]`.
    @inline(__always)
    func fill(position p: Int, into scalars: inout [Float], at offset: Int, _ transform: (Float) -> Float) {
        let position = Float(p)
        for (k, omega) in omegas.enumerated() {
            let angle = position * omega
            scalars[offset + 2 * k] = transform(Foundation.sin(angle))
            if 2 * k + 1 < channels {
                scalars[offset + 2 * k + 1] = transform(Foundation.cos(angle))
            }
        }
    }
}
