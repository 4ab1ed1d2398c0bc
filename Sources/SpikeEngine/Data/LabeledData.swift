/// A classification data set: one row of features per example and an integer class label.
///
/// Features are stored row-major (`features[i * featureCount + f]`); labels are 0-based class
/// indices below `classCount`:
///
///     let digits = try BundledDataset.digits.labeledData()
///     digits.shape        // [1797, 64]  (8 × 8 grey levels scaled to [0, 1])
///     digits.classCount   // 10
public struct LabeledData: Equatable, Sendable {
    /// A short name for display.
    public let name: String
    /// One name per feature.
    public let featureNames: [String]
    /// The features, row-major: `count` rows of `featureCount` values.
    public let features: [Float]
    /// The class of each example, in `0..<classCount`.
    public let labels: [Int]
    /// The number of classes (one more than the largest label).
    public let classCount: Int

    /// A data set from row-major `features` and one label per row.
    ///
    /// Throws `EngineError.value` naming `features` or `labels` when the counts disagree, a
    /// label is negative, or there are no examples.
    public init(name: String, featureNames: [String], features: [Float], labels: [Int]) throws {
        guard !featureNames.isEmpty, !labels.isEmpty else {
            throw EngineError.value(argument: .features, message: "need at least one feature and one example")
        }
        guard features.count == labels.count * featureNames.count else {
            throw EngineError.value(
                argument: .labels,
                message: "\(labels.count) labels for \(features.count) values of \(featureNames.count) features")
        }
        guard let smallest = labels.min(), smallest >= 0, let largest = labels.max() else {
            throw EngineError.value(argument: .labels, message: "class labels must be 0 or more")
        }
        self.name = name
        self.featureNames = featureNames
        self.features = features
        self.labels = labels
        self.classCount = largest + 1
    }

    /// The number of examples.
    public var count: Int { labels.count }

    /// The number of features per example.
    public var featureCount: Int { featureNames.count }

    /// `[count, featureCount]`.
    public var shape: [Int] { [count, featureCount] }

    /// How many examples each class has, indexed by class.
    public var classCounts: [Int] {
        var counts = [Int](repeating: 0, count: classCount)
        for label in labels { counts[label] += 1 }
        return counts
    }

    /// The features of the examples `rows` (each in range) as an `(rows.count, featureCount)` tensor.
    func featureTensor(rows: [Int]) throws -> Tensor {
        var scalars = [Float]()
        scalars.reserveCapacity(rows.count * featureCount)
        for row in rows {
            scalars.append(contentsOf: features[(row * featureCount)..<((row + 1) * featureCount)])
        }
        return try Tensor(shape: [rows.count, featureCount], scalars: scalars)
    }
}
