@testable import SpikeEngine

/// Small data sets and networks that train in well under a second.
enum TrainingFixtures {
    /// Sines, 4 variates, 240 steps, windows of 12 → 4.
    static func sines(seed: UInt64 = 3) throws -> TaskData {
        let series = try Series.synthetic(kind: .sines, length: 240, variates: 4, seed: seed)
        return .forecasting(try ForecastingSet(series, window: 12, horizon: 4))
    }

    /// A tiny SpikeRNN with CPG-PE.
    static func spikeRNN(encoding: PositionalEncoding = .standardCPG) throws -> Network {
        try Network(.model(.spikeRNN(try SpikeRNNOptions(hidden: 16, layers: 1, steps: 2, encoding: encoding, neuron: try LIF()))))
    }

    /// Digits as a classification set.
    static func digits() throws -> TaskData {
        .classification(try ClassificationSet(try BundledDataset.digits.labeledData()))
    }
}
