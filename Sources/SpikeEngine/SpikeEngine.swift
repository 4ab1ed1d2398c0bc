/// SpikeEngine: the numerical heart of Spike — tensors, autograd, neurons, encodings.
public enum SpikeEngine {
    /// The engine's version, reported by `spike --version`.
    public static let version = "0.1.0"
}
