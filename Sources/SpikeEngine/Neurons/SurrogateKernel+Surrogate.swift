import SpikeKernels

extension SurrogateKernel {
    /// The Float32 kernel of `surrogate`, its parameters folded once.
    init(_ surrogate: Surrogate) {
        switch surrogate {
        case .atan(let alpha): self.init(form: .atan, a: Float(Double.pi / 2 * alpha), b: Float(alpha / 2))
        case .sigmoid(let alpha): self.init(form: .sigmoid, a: Float(alpha), b: Float(alpha))
        case .fastSigmoid(let slope): self.init(form: .fastSigmoid, a: Float(slope), b: 1)
        case .triangle(let width): self.init(form: .triangle, a: Float(1 / width), b: Float(1 / width))
        case .rectangle(let width): self.init(form: .rectangle, a: Float(width / 2), b: Float(1 / width))
        }
    }
}
