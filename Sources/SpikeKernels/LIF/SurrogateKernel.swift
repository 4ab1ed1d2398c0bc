import Foundation

/// Float32 evaluation of the surrogate derivative for the fused kernels: the parameters are
/// folded once, so the per-element work is a few multiplies.
public struct SurrogateKernel: Sendable {
    /// The surrogate's shape.
    public enum Form: Sendable { case atan, sigmoid, fastSigmoid, triangle, rectangle }
    let form: Form
    /// atan: π/2·alpha; sigmoid: alpha; fastSigmoid: slope; triangle: 1/width; rectangle: width/2.
    let a: Float
    /// atan: alpha/2; sigmoid: alpha; fastSigmoid: 1; triangle: 1/width; rectangle: 1/width.
    let b: Float

    /// A kernel of `form` with its folded parameters `a` and `b` (see the fields).
    public init(form: Form, a: Float, b: Float) {
        self.form = form
        self.a = a
        self.b = b
    }

    /// g'(h[j] − threshold) for `count` charges into `out`, one vectorisable loop per form.
    @inline(__always)
    public func derivatives(_ h: UnsafePointer<Float>, minus threshold: Float, into out: UnsafeMutablePointer<Float>, count: Int) {
        let a = self.a
        let b = self.b
        switch form {
        case .atan:
            for j in 0..<count {
                let u = a * (h[j] - threshold)
                out[j] = b / (1 + u * u)
            }
        case .sigmoid:
            for j in 0..<count {
                let s = 1 / (1 + Foundation.exp(-a * (h[j] - threshold)))
                out[j] = b * s * (1 - s)
            }
        case .fastSigmoid:
            for j in 0..<count {
                let d = 1 + a * Swift.abs(h[j] - threshold)
                out[j] = b / (d * d)
            }
        case .triangle:
            for j in 0..<count {
                out[j] = Swift.max(0, 1 - Swift.abs(h[j] - threshold) * a) * b
            }
        case .rectangle:
            for j in 0..<count {
                out[j] = Swift.abs(h[j] - threshold) < a ? b : 0
            }
        }
    }
}
