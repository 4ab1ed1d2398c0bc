/// Gradient-norm clipping as in `torch.nn.utils.clip_grad_norm_`: when the global L2 norm of
/// all gradients exceeds `maxNorm`, every gradient is scaled by maxNorm/(norm + 1e-6).
public enum GradientClipping {
    /// The clipped gradients and the norm before clipping. Cost: O(total count).
    public static func clip(_ gradients: [Tensor], maxNorm: Float) throws -> (gradients: [Tensor], norm: Float) {
        guard maxNorm.isFinite, maxNorm > 0 else {
            throw EngineError.value(argument: .clip, message: "must be a finite positive number, got \(maxNorm)")
        }
        var total = 0.0
        for gradient in gradients {
            for value in gradient.scalars { total += Double(value) * Double(value) }
        }
        let norm = Float(total.squareRoot())
        guard norm > maxNorm else { return (gradients, norm) }
        let factor = maxNorm / (norm + 1e-6)
        return (gradients.map { $0 * factor }, norm)
    }
}
