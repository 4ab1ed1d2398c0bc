/// SpikeEngine: the numerical heart of Spike — tensors, autograd, neurons, encodings.
///
/// A walk through the folders, in the order a value flows:
///
/// - `Tensor/`: `Tensor`, a value over contiguous Float32 storage (broadcasting arithmetic,
///   reductions, shape ops, `matmul` through `cblas_sgemm`); `BLAS` threads.
/// - `Random/`: `SeededGenerator` — the same seed gives the same numbers.
/// - `Errors/`: `EngineError` (value, shape, resource, interrupted), `MemoryBudget`,
///   `CancellationCheck`.
/// - `Neurons/`: the `Neuron` protocol (parameters + a pure `step`), its families `LIF` (both
///   conventions of docs/science.md §1), `IntegrateAndFire` and `ParametricLIF`, `simulate` →
///   `Trace`, `Surrogate`, and the LIF's fused multi-step Float32 kernels (`LIFKernel`).
/// - `Theory/`: Lemma 1 (`LIF.firstSpike`, checked against the recurrence) and Theorem 1
///   (`CPGOscillator`, RK4).
/// - `Encodings/`: `PositionalEncoding` (CPG-PE and the baselines), `encode`, `distinctCodes`.
/// - `Autograd/`: `Tape` and `Variable`; each op's VJP beside its forward (`Tape+*.swift`).
/// - `Layers/`: the `Layer` protocol, `ForwardContext`, and linear, conv1d, batch/layer norm,
///   dropout, spiking self-attention, MLP block, residual, sequential, readouts, `Positional`.
/// - `Losses/`, `Optimizers/`: MSE/MAE/cross-entropy; SGD, Adam/AdamW, gradient clipping.
public enum SpikeEngine {
    /// The engine's version, reported by `spike --version`.
    public static let version = "0.1.0"
}
