/// The parameter an `EngineError.value` is about, as a Swift value.
///
/// The engine never spells a parameter the way users type it: the language maps each case to
/// the name in its builtins' signatures in one table (`EngineParameter+Spelling.swift` in
/// SpikeLang), so renaming a user-facing argument touches that table and the signature only.
///
///     throw EngineError.value(argument: .learningRate, message: "must be positive")
///     // a user of train(…, lr=-1) reads: train(): 'lr' must be positive
public enum EngineParameter: CaseIterable, Equatable, Hashable, Sendable {
    // Neurons and surrogates.
    case neuron, tau, beta, threshold, resetPotential, decayInput, current, steps, alpha, slope, width
    // Positional encodings and the CPG oscillator.
    case encoding, pairs, base, index, channels, length, dt, maxLength, encodingInMLP, encodingDropout, widen
    // Tensors.
    case shape, scalars, axis, range, tensors, operand
    // Layers and models.
    case inputs, outputs, features, kernel, dilation, dropoutRate, heads, dim, depth, hidden, layers, momentum, start
    // Data.
    case datasetName, path, columns, syntheticKind, missingPolicy, normalization, values, timeLabels, variates
    case window, horizon, split, labels, target
    // Training and evaluation.
    case model, models, network, data, epochs, learningRate, batchSize, clip, patience, seeds, betas, tape
}
