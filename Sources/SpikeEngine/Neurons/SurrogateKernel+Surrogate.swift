import SpikeKernels

extension SurrogateKernel {
    /// The Float32 kernel of `surrogate`, its parameters folded once.
    init(_ surrogate: Surrogate) {
        switch surrogate {
        case let .atan(alpha): self.init(form: .atan, a: Float(Double.pi / 2 * alpha), b: Float(alpha / 2))
        case let .sigmoid(alpha): self.init(form: .sigmoid, a: Float(alpha), b: Float(alpha))
        case let .fastSigmoid(slope): self.init(form: .fastSigmoid, a: Float(slope), b: 1)
        case let .triangle(width): self.init(form: .triangle, a: Float(1 / width), b: Float(1 / width))
        case let .rectangle(width): self.init(form: .rectangle, a: Float(width / 2), b: Float(1 / width))
        }
    }
}
