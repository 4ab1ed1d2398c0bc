/// The last position of a [..., L, D] tensor: [..., L, D] → [..., D] (Spike-TCN's readout).
struct LastPosition: Layer {
    func forward(_ input: Variable, in context: ForwardContext) throws -> Variable {
        guard input.value.rank >= 2, let length = input.shape.dropLast().last, length >= 1 else {
            throw EngineError.shape(operation: "last position", first: input.shape, second: [-1, -1])
        }
        let tape = context.tape
        let last = try tape.slice(input, axis: input.value.rank - 2, range: (length - 1)..<length)
        var shape = input.shape
        shape.remove(at: shape.count - 2)
        return try tape.reshape(last, shape)
    }
}

/// The last time step of a [T, ...] tensor: [T, ...] → [...] (iSpikformer's readout).
struct LastStep: Layer {
    func forward(_ input: Variable, in context: ForwardContext) throws -> Variable {
        guard input.value.rank >= 2, let steps = input.shape.first, steps >= 1 else {
            throw EngineError.shape(operation: "last time step", first: input.shape, second: [-1, -1])
        }
        let tape = context.tape
        return try tape.reshape(tape.slice(input, axis: 0, range: (steps - 1)..<steps), Array(input.shape.dropFirst()))
    }
}

/// The axes of its input reordered (a fixed permutation).
struct Permute: Layer {
    let axes: [Int]

    func forward(_ input: Variable, in context: ForwardContext) throws -> Variable {
        try context.tape.permute(input, axes)
    }
}

/// [B, ...] → [1, B, ...]: a float model runs as one "time step", so the spiking layers'
/// [T, B, L, D] conventions (positional encodings, readouts) apply unchanged.
struct AddTimeAxis: Layer {
    func forward(_ input: Variable, in context: ForwardContext) throws -> Variable {
        try context.tape.reshape(input, [1] + input.shape)
    }
}

/// max(x, 0) elementwise.
struct ReLU: Layer {
    func forward(_ input: Variable, in context: ForwardContext) throws -> Variable {
        context.tape.relu(input)
    }
}
