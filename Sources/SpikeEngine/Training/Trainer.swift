import Foundation

/// Trains a network with mini-batch gradient descent on the surrogate gradients
/// (docs/science.md §5): seeded shuffled batches, Adam or SGD, gradient-norm clipping, the task's
/// loss, a validation pass per epoch, early stopping, and the best weights restored at the end.
///
///     let run = try Trainer.train(net, on: .forecasting(data), options: try TrainingOptions(epochs: 5))
///     run.epochs.map(\.validLoss)
///
/// Deterministic: the same network blueprint, data, options and seed give bit-identical losses.
/// `isCancelled` is polled between stages, batches and backward ops, so an interrupt ends the
/// run within one stage's work. An interrupted run is still returned, as a partial run marked
/// `.interrupted`: the finished epochs' curves, the steps done, and the best finished epoch,
/// whose weights the network gets back as on completion (its weights as they are when no
/// epoch finished; `TrainingRun.keptBestWeights` says which).
public enum Trainer {
    /// Trains `network` on `data` (building it first, from `options.seed`, if it has not met
    /// data). `progress` is called after every batch. Cost: epochs × (forward + backward over
    /// the training split + forward over the validation split).
    ///
    /// Throws `.value(argument: .data)` for an empty split or data the built network does not
    /// fit, and the engine's errors; an interrupt is not an error (see `StopReason`).
    public static func train(
        _ network: Network, on data: TaskData, options: TrainingOptions,
        progress: ((TrainingProgress) -> Void)? = nil, isCancelled: CancellationCheck? = nil
    ) throws -> TrainingRun {
        let train = data.split(.train)
        let valid = data.split(.valid)
        try train.requireExamples()
        try valid.requireExamples()
        try network.prepare(example: data.exampleShape, outputs: data.outputShape, seed: options.seed)
        if case .forecasting(let set) = data { network.dataNormalizer = set.normalizer }

        let clock = ContinuousClock()
        let start = clock.now
        func seconds(since instant: ContinuousClock.Instant) -> Double {
            let duration = clock.now - instant
            return Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
        }
        var optimizer = try options.makeOptimizer()
        let batches = (train.count + options.batchSize - 1) / options.batchSize
        var records: [EpochRecord] = []
        var stepLosses: [Double] = []
        var best: (epoch: Int, loss: Double, parameters: [Tensor], buffers: [Tensor])?
        var stop = StopReason.completed
        var stepsDone = 0

        training: for epoch in 1...options.epochs {
            let epochStart = clock.now
            var iterator = try BatchIterator(train, size: options.batchSize, seed: options.seed &+ UInt64(epoch))
            var total = 0.0
            var index = 0
            while let batch = try iterator.next() {
                index += 1
                let loss: Double
                do {
                    loss = try step(
                        network, inputs: batch.inputs, targets: batch.targets, loss: data.loss, optimizer: &optimizer,
                        clip: options.clip.map { Float($0) },
                        seed: options.seed &* 1_000_003 &+ UInt64(stepsDone), isCancelled: isCancelled)
                } catch EngineError.interrupted {
                    stop = .interrupted
                    break training
                }
                stepsDone += 1
                stepLosses.append(loss)
                total += loss
                let elapsed = seconds(since: start)
                let remaining = elapsed / Double(stepsDone) * Double(options.epochs * batches - stepsDone)
                progress?(
                    TrainingProgress(
                        epoch: epoch, epochs: options.epochs, batch: index, batches: batches, loss: total / Double(index),
                        validLoss: records.last?.validLoss, elapsed: elapsed, remaining: Swift.max(0, remaining)))
            }
            let validation: (loss: Double, accuracy: Double?)
            do {
                validation = try Evaluation.validation(
                    network, on: valid, loss: data.loss, batchSize: options.batchSize,
                    isCancelled: isCancelled)
            } catch EngineError.interrupted {
                stop = .interrupted
                break training
            }
            let validLoss = validation.loss
            records.append(
                EpochRecord(
                    epoch: epoch, trainLoss: total / Double(Swift.max(index, 1)), validLoss: validLoss,
                    validAccuracy: validation.accuracy, seconds: seconds(since: epochStart)))
            if let current = best, !(validLoss < current.loss) {
                if let patience = options.patience, epoch - current.epoch >= patience {
                    stop = .earlyStopped(epoch: epoch)
                    break training
                }
            } else {
                best = (epoch, validLoss, network.parameters, network.buffers)
            }
        }
        if let best {
            network.parameters = best.parameters
            network.buffers = best.buffers
        }
        return TrainingRun(
            model: network.blueprint.name, task: data.taskName, options: options, epochs: records,
            stepLosses: stepLosses, bestEpoch: best?.epoch, bestParameters: best?.parameters ?? network.parameters,
            bestBuffers: best?.buffers ?? network.buffers, stop: stop, seconds: seconds(since: start))
    }

    /// One optimizer step on a batch of `inputs` ([B] + example shape) and `targets`: forward (training mode), `loss`, backward, optional
    /// clipping of the global gradient norm, update; batch-norm running statistics move too.
    /// Returns the batch's loss before the update. `seed` drives dropout masks.
    public static func step(
        _ network: Network, inputs: Tensor, targets: Tensor, loss: Loss, optimizer: inout any Optimizer, clip: Float?,
        seed: UInt64, isCancelled: CancellationCheck? = nil
    ) throws -> Double {
        let tape = Tape()
        let context = ForwardContext(tape: tape, training: true, seed: seed, isCancelled: isCancelled)
        let output = try network.forward(tape.constant(inputs), in: context)
        let value = try loss.evaluate(output, target: targets, on: tape)
        let gradients = try tape.gradients(of: value, isCancelled: isCancelled)
        var parameters = network.parameters
        var parameterGradients = context.boundParameters.map { gradients[$0] }
        guard parameterGradients.count == parameters.count else {
            throw EngineError.shape(
                operation: "training step (bound parameters vs parameters)",
                first: [parameterGradients.count], second: [parameters.count])
        }
        if let clip {
            parameterGradients = try GradientClipping.clip(parameterGradients, maxNorm: clip).gradients
        }
        try optimizer.step(&parameters, gradients: parameterGradients)
        network.parameters = parameters
        if !context.updatedBuffers.isEmpty, context.updatedBuffers.count == network.buffers.count {
            network.buffers = context.updatedBuffers
        }
        return Double(value.value.scalarValue ?? .nan)
    }
}
