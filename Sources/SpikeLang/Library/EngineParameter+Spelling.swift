import SpikeEngine

/// The one table between the engine's parameter keys and the names users read in errors.
///
/// An `.argument` spelling is a parameter of some builtin's signature (LibraryTests checks
/// each one), so `train(…, lr=-1)` reports `train(): 'lr' …` at the `lr=` argument. An
/// `.internal` one names a value the engine builds itself (the tape, a tensor's scalars);
/// no builtin takes it, and its errors point at the whole call.
extension EngineParameter {
    /// How users read a parameter's name.
    enum Spelling: Equatable {
        /// A builtin parameter, spelled as in its signature.
        case argument(String)
        /// A value no builtin takes as an argument, spelled as the message names it.
        case `internal`(String)

        var text: String {
            switch self {
            case .argument(let name), .internal(let name): return name
            }
        }
    }

    /// The name users read for this parameter (the table itself: one line per case).
    var spelling: Spelling {
        switch self {
        case .neuron: return .argument("neuron")
        case .tau: return .argument("tau")
        case .beta: return .argument("beta")
        case .threshold: return .argument("threshold")
        case .resetPotential: return .argument("v_reset")
        case .decayInput: return .argument("decay_input")
        case .current: return .argument("current")
        case .steps: return .argument("steps")
        case .alpha: return .argument("alpha")
        case .slope: return .argument("slope")
        case .width: return .argument("width")
        case .encoding: return .argument("pe")
        case .pairs: return .argument("pairs")
        case .base: return .argument("base")
        case .index: return .internal("index")
        case .channels: return .argument("channels")
        case .length: return .argument("length")
        case .dt: return .argument("dt")
        case .maxLength: return .internal("max_length")
        case .encodingInMLP: return .argument("pe_in_mlp")
        case .encodingDropout: return .argument("pe_dropout")
        case .widen: return .argument("pe_widen")
        case .shape: return .argument("shape")
        case .scalars: return .internal("scalars")
        case .axis: return .argument("axis")
        case .range: return .internal("range")
        case .tensors: return .internal("tensors")
        case .operand: return .argument("x")
        case .inputs: return .argument("inputs")
        case .outputs: return .argument("out")
        case .features: return .internal("features")
        case .kernel: return .argument("kernel")
        case .dilation: return .argument("dilation")
        case .dropoutRate: return .argument("p")
        case .heads: return .argument("heads")
        case .dim: return .argument("dim")
        case .depth: return .argument("depth")
        case .hidden: return .argument("hidden")
        case .layers: return .argument("layers")
        case .momentum: return .internal("momentum")
        case .start: return .internal("start")
        case .datasetName: return .argument("name")
        case .path: return .argument("path")
        case .columns: return .argument("columns")
        case .syntheticKind: return .argument("kind")
        case .missingPolicy: return .argument("missing")
        case .normalization: return .argument("normalize")
        case .values: return .internal("values")
        case .timeLabels: return .internal("timeLabels")
        case .variates: return .argument("variates")
        case .window: return .argument("window")
        case .horizon: return .argument("horizon")
        case .split: return .argument("split")
        case .labels: return .internal("labels")
        case .target: return .internal("target")
        case .model: return .argument("model")
        case .models: return .argument("models")
        case .network: return .internal("network")
        case .data: return .argument("data")
        case .epochs: return .argument("epochs")
        case .learningRate: return .argument("lr")
        case .batchSize: return .argument("batch")
        case .clip: return .argument("clip")
        case .patience: return .argument("patience")
        case .seeds: return .argument("seeds")
        case .betas: return .internal("betas")
        case .tape: return .internal("tape")
        }
    }
}
