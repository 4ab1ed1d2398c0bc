/// How `Trainer.train` runs (docs/language.md §7 `train`): the paper's settings are the defaults —
/// Adam at lr 1e-3, gradient norm clipped at 1.0.
public struct TrainingOptions: Equatable, Sendable {
    /// Which update rule.
    public enum OptimizerKind: String, Equatable, Sendable, CaseIterable {
        case adam, sgd
    }

    public let epochs: Int
    public let learningRate: Double
    public let batchSize: Int
    public let optimizer: OptimizerKind
    /// The largest global gradient norm (nil: no clipping).
    public let clip: Double?
    /// Stop after this many epochs without a better validation loss (nil: never stop early).
    public let patience: Int?
    /// Seeds the weights (when the network is built here), the shuffling and dropout.
    public let seed: UInt64

    /// Throws `.value` naming `epochs`, `lr`, `batch`, `clip` or `patience`.
    public init(
        epochs: Int = 10, learningRate: Double = 1e-3, batchSize: Int = 64, optimizer: OptimizerKind = .adam,
        clip: Double? = 1.0, patience: Int? = nil, seed: UInt64 = 0
    ) throws {
        try OptionCheck.atLeast(1, epochs, .epochs)
        guard learningRate.isFinite, learningRate > 0 else {
            throw EngineError.value(argument: .learningRate, message: "must be a finite positive number, got \(learningRate)")
        }
        try OptionCheck.atLeast(1, batchSize, .batchSize)
        if let clip, !(clip.isFinite && clip > 0) {
            throw EngineError.value(argument: .clip, message: "must be a finite positive number or none, got \(clip)")
        }
        if let patience { try OptionCheck.atLeast(1, patience, .patience) }
        self.epochs = epochs
        self.learningRate = learningRate
        self.batchSize = batchSize
        self.optimizer = optimizer
        self.clip = clip
        self.patience = patience
        self.seed = seed
    }

    /// The same options with another seed (for `compare`).
    public func with(seed: UInt64) -> TrainingOptions {
        TrainingOptions(validated: self, seed: seed)
    }

    private init(validated other: TrainingOptions, seed: UInt64) {
        epochs = other.epochs
        learningRate = other.learningRate
        batchSize = other.batchSize
        optimizer = other.optimizer
        clip = other.clip
        patience = other.patience
        self.seed = seed
    }

    /// A fresh optimizer of the chosen kind (SGD with PyTorch's default momentum, 0).
    func makeOptimizer() throws -> any Optimizer {
        switch optimizer {
        case .adam: return try Adam(learningRate: Float(learningRate))
        case .sgd: return try SGD(learningRate: Float(learningRate), momentum: 0)
        }
    }
}
