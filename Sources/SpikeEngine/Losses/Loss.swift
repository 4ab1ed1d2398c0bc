import Foundation

/// The training losses, each a mean over all entries (or samples).
///
///     mse          mean (ŷ − y)²
///     mae          mean |ŷ − y|
///     crossEntropy mean over samples of −log softmax(logits)[label], logits [N, C], labels [N]
public enum Loss: String, Equatable, Sendable, CaseIterable {
    case mse, mae, crossEntropy

    /// The loss of `prediction` against `target` on the tape (a rank-0 variable).
    /// For cross-entropy `target` holds class indices 0…C−1 as numbers, one per row.
    public func evaluate(_ prediction: Variable, target: Tensor, on tape: Tape) throws -> Variable {
        switch self {
        case .mse, .mae:
            guard prediction.shape == target.shape else {
                throw EngineError.shape(operation: rawValue, first: prediction.shape, second: target.shape)
            }
            let difference = try tape.subtract(prediction, tape.constant(target))
            return try tape.mean(self == .mse ? tape.square(difference) : tape.abs(difference))
        case .crossEntropy:
            return try tape.crossEntropy(prediction, labels: target)
        }
    }
}

extension Tape {
    /// Mean cross-entropy of `logits` [N, C] against class indices `labels` [N], fused with a
    /// numerically stable log-softmax. VJP: (softmax − onehot)/N. Labels outside 0…C−1 are a
    /// value error naming `labels`.
    public func crossEntropy(_ logits: Variable, labels: Tensor) throws -> Variable {
        guard logits.value.rank == 2, labels.shape == [logits.shape[0]] else {
            throw EngineError.shape(operation: "cross_entropy", first: logits.shape, second: labels.shape)
        }
        let (rows, classes) = (logits.shape[0], logits.shape[1])
        var indices = [Int]()
        for label in labels.scalars {
            guard label.isFinite, label >= 0, label < Float(classes), label == label.rounded() else {
                throw EngineError.value(argument: .labels, message: "\(label) is not a class index in 0..<\(classes)")
            }
            indices.append(Int(label))
        }
        var probabilities = [Float](repeating: 0, count: rows * classes)
        var total = 0.0
        let x = logits.value.scalars
        for row in 0..<rows {
            let base = row * classes
            var largest = -Float.infinity
            for c in 0..<classes { largest = Swift.max(largest, x[base + c]) }
            var sum = 0.0
            for c in 0..<classes {
                let e = Foundation.exp(Double(x[base + c] - largest))
                probabilities[base + c] = Float(e)
                sum += e
            }
            for c in 0..<classes { probabilities[base + c] = Float(Double(probabilities[base + c]) / sum) }
            total += -(Double(x[base + indices[row]] - largest) - Foundation.log(sum))
        }
        let value = Tensor(Float(total / Double(Swift.max(rows, 1))))
        return record(value, inputs: [logits]) { g in
            let scale = (g.scalarValue ?? 0) / Float(Swift.max(rows, 1))
            var gradient = probabilities
            for row in 0..<rows { gradient[row * classes + indices[row]] -= 1 }
            return [Tensor(unchecked: logits.shape, scalars: gradient.map { $0 * scale })]
        }
    }
}
