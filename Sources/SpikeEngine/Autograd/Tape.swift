/// A reverse-mode autodiff tape: forward ops append their vector–Jacobian product (VJP), and
/// `gradients(of:)` replays them backwards.
///
///     let tape = Tape()
///     let w = tape.parameter(weights)
///     let y = try tape.matmul(tape.constant(x), w)
///     let loss = try tape.mean(tape.multiply(y, y))
///     let grads = try tape.gradients(of: loss)
///     grads[w]   // dloss/dw, same shape as w
///
/// Every op's forward and VJP sit side by side in `Tape+*.swift`. A tape made with
/// `recording: false` (inference) computes values only and keeps nothing for a backward.
/// A tape is single-use and single-threaded: make a new one per forward pass. Its backward
/// consumes it (each op's saved tensors are released as soon as its VJP has run, which keeps
/// a training step's peak memory near the forward's), so a second `gradients(of:)` throws.
public final class Tape {
    /// One recorded op: which entries fed it and how to map its output gradient to theirs.
    struct Entry {
        let inputs: [Int?]
        let backward: (Tensor) throws -> [Tensor?]
    }

    /// Whether ops record VJPs (false: no-grad inference).
    public let isRecording: Bool
    private var entries: [Entry?] = []
    /// Whether `gradients(of:)` has run (and released the recorded VJPs).
    private var isConsumed = false

    /// A new empty tape; `recording: false` gives no-grad inference.
    public init(recording: Bool = true) {
        isRecording = recording
    }

    /// A leaf whose gradient is wanted (a weight, or an input under study).
    public func parameter(_ value: Tensor) -> Variable {
        guard isRecording else { return Variable(value, id: nil) }
        entries.append(nil)
        return Variable(value, id: entries.count - 1)
    }

    /// A leaf without gradient (data).
    public func constant(_ value: Tensor) -> Variable {
        Variable(value, id: nil)
    }

    /// Records an op's output `value`, computed from `inputs`, with its VJP `backward`
    /// (output gradient → one gradient per input, `nil` where none flows).
    func record(_ value: Tensor, inputs: [Variable], backward: @escaping (Tensor) throws -> [Tensor?]) -> Variable {
        guard isRecording, inputs.contains(where: { $0.id != nil }) else { return Variable(value, id: nil) }
        entries.append(Entry(inputs: inputs.map(\.id), backward: backward))
        return Variable(value, id: entries.count - 1)
    }

    /// The gradients of `output` (seeded with `seed`, default all ones) with respect to every
    /// leaf made by `parameter(_:)` (intermediate gradients are released as soon as they have
    /// been propagated, so looking one up gives zeros). Cost: one VJP per recorded op;
    /// `isCancelled` is polled between ops.
    ///
    /// Each VJP (with the tensors it saved) is released once it has run; asking a consumed
    /// tape again throws `.value(argument: .tape)`.
    public func gradients(
        of output: Variable, seed: Tensor? = nil, isCancelled: CancellationCheck? = nil
    ) throws -> Gradients {
        guard let root = output.id else { return Gradients(values: [:]) }
        guard !isConsumed else {
            throw EngineError.value(argument: .tape, message: "its gradients were already taken; record a new forward pass")
        }
        let start = try seed ?? Tensor.ones(output.shape)
        guard start.shape == output.shape else {
            throw EngineError.shape(operation: "gradients", first: output.shape, second: start.shape)
        }
        var accumulated = [Tensor?](repeating: nil, count: root + 1)
        accumulated[root] = start
        var index = root
        while index >= 0 {
            defer { index -= 1 }
            guard let gradient = accumulated[index], let entry = entries[index] else { continue }
            try checkCancelled(isCancelled)
            isConsumed = true
            entries[index] = nil  // its saved tensors go as soon as the VJP returns
            let inputGradients = try entry.backward(gradient)
            for (input, inputGradient) in zip(entry.inputs, inputGradients) {
                guard let input, let inputGradient else { continue }
                if let existing = accumulated[input] {
                    accumulated[input] = existing.zipMap(inputGradient, +)
                } else {
                    accumulated[input] = inputGradient
                }
            }
            if index != root {
                accumulated[index] = nil  // intermediate gradients are not kept
            }
        }
        var values = [Int: Tensor]()
        for (id, gradient) in accumulated.enumerated() {
            if let gradient { values[id] = gradient }
        }
        return Gradients(values: values)
    }
}
