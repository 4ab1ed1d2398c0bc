import Foundation

/// The softmax over the last axis, for the float transformer baseline's attention.
extension Tape {
    /// y = exp(x − max) / Σ exp(x − max) along the last axis.
    /// VJP: y ⊙ (g − Σ_last g ⊙ y). Cost: O(count).
    public func softmax(_ input: Variable) throws -> Variable {
        guard let width = input.shape.last, width >= 1 else {
            throw EngineError.shape(operation: "softmax", first: input.shape, second: [-1])
        }
        let rows = input.value.count / width
        var output = input.value.scalars
        for row in 0..<rows {
            let base = row &* width
            var largest = -Float.infinity
            for j in 0..<width { largest = Swift.max(largest, output[base &+ j]) }
            var total: Float = 0
            for j in 0..<width {
                let e = Foundation.exp(output[base &+ j] - largest)
                output[base &+ j] = e
                total += e
            }
            for j in 0..<width { output[base &+ j] /= total }
        }
        let value = try Tensor(shape: input.shape, scalars: output)
        return record(value, inputs: [input]) { g in
            var gradient = g.scalars
            for row in 0..<rows {
                let base = row &* width
                var dot: Float = 0
                for j in 0..<width { dot += gradient[base &+ j] * output[base &+ j] }
                for j in 0..<width { gradient[base &+ j] = output[base &+ j] * (gradient[base &+ j] - dot) }
            }
            return [try Tensor(shape: input.shape, scalars: gradient)]
        }
    }
}
