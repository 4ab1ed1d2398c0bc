/// Measures firing rates on real data and turns the stages' MAC counts into an
/// `EnergyReport`.
public enum EnergyMeter {
    /// Runs `network` (inference) on up to `limit` examples of `split` and reports each
    /// stage's input and output firing rates, SOPs, MACs and energy per example.
    /// Cost: one inference forward pass over the examples.
    public static func measure(
        _ network: Network, on split: DataSplit, limit: Int = 256, isCancelled: CancellationCheck? = nil
    ) throws -> EnergyReport {
        try split.requireExamples()
        guard network.isBuilt else {
            throw EngineError.value(argument: .model, message: "it has not met data yet: train it first")
        }
        let count = Swift.min(split.count, Swift.max(limit, 1))
        let stages = network.stages
        var inputSums = [Double](repeating: 0, count: stages.count)
        var inputCounts = [Int](repeating: 0, count: stages.count)
        var outputFiring = [Int](repeating: 0, count: stages.count)
        var outputCounts = [Int](repeating: 0, count: stages.count)
        var outputBinary = [Bool](repeating: true, count: stages.count)
        for range in Evaluation.chunks(count, size: 64) {
            let batch = try split.batch(Array(range))
            let tape = Tape(recording: false)
            let context = ForwardContext(tape: tape, training: false, isCancelled: isCancelled)
            _ = try network.forward(tape.constant(batch.inputs), in: context) { index, input, output in
                for value in input.scalars { inputSums[index] += Double(value) }
                inputCounts[index] += input.count
                for value in output.scalars {
                    if value != 0 { outputFiring[index] += 1 }
                    if value != 0, value != 1 { outputBinary[index] = false }
                }
                outputCounts[index] += output.count
            }
        }
        let rows = stages.indices.map { index -> EnergyReport.Row in
            let stage = stages[index]
            let macs = Double(stage.macs)
            let rate = inputCounts[index] > 0 ? inputSums[index] / Double(inputCounts[index]) : 0
            let isSpiking = stage.receivesSpikes
            let sops = isSpiking ? rate * macs : 0
            let energy = isSpiking ? sops * EnergyReport.picojoulesPerAccumulate : macs * EnergyReport.picojoulesPerMAC
            return EnergyReport.Row(
                stage: stage.name, spikingInput: isSpiking, inputRate: isSpiking ? rate : nil,
                outputRate: outputBinary[index] && outputCounts[index] > 0
                    ? Double(outputFiring[index]) / Double(outputCounts[index]) : nil,
                macs: macs, sops: sops, energy: energy, floatEnergy: macs * EnergyReport.picojoulesPerMAC)
        }
        return EnergyReport(rows: rows, examples: count)
    }
}
