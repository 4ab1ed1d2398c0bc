/// How a classification data set is cut into train / valid / test.
public enum SplitOrder: Equatable, Sendable {
    /// The first rows train, the next validate, the last test (file order).
    case chronological
    /// Each class is shuffled with `seed` and cut by the fractions on its own, so every part
    /// keeps the class proportions (to within one example per class).
    case stratified(seed: UInt64)
}

/// A labelled data set cut into train / valid / test parts (stratified by default).
///
///     let set = try ClassificationSet(try BundledDataset.digits.labeledData())
///     set.train.inputs.shape   // [1258, 64]
public struct ClassificationSet: Equatable, Sendable {
    public let name: String
    public let featureNames: [String]
    public let classCount: Int
    public let fractions: SplitFractions
    public let train: ClassificationSplit
    public let valid: ClassificationSplit
    public let test: ClassificationSplit

    /// Cuts `data` by `split` in `order`. Cost: O(examples × features).
    ///
    /// Throws `EngineError.value(argument: .split)` when a part would be empty.
    public init(
        _ data: LabeledData, split: SplitFractions = .standard, order: SplitOrder = .stratified(seed: 0)
    ) throws {
        var parts: [[Int]] = [[], [], []]
        switch order {
        case .chronological:
            Self.cut(Array(0..<data.count), by: split, into: &parts)
        case .stratified(let seed):
            var generator = SeededGenerator(seed: seed)
            for label in Set(data.labels).sorted() {
                var members = data.labels.indices.filter { data.labels[$0] == label }
                members.seededShuffle(using: &generator)
                Self.cut(members, by: split, into: &parts)
            }
        }
        var made: [ClassificationSplit] = []
        for (part, rows) in zip(SplitPart.allCases, parts) {
            guard !rows.isEmpty else {
                throw EngineError.value(
                    argument: .split, message: "the \(part.rawValue) part of \(data.count) examples would be empty")
            }
            let sorted = rows.sorted()
            made.append(
                ClassificationSplit(
                    part: part, rows: sorted, inputs: try data.featureTensor(rows: sorted),
                    labels: sorted.map { data.labels[$0] }))
        }
        name = data.name
        featureNames = data.featureNames
        classCount = data.classCount
        fractions = split
        train = made[0]
        valid = made[1]
        test = made[2]
    }

    /// The part named `part`.
    public func split(_ part: SplitPart) -> ClassificationSplit {
        switch part {
        case .train: return train
        case .valid: return valid
        case .test: return test
        }
    }

    private static func cut(_ rows: [Int], by split: SplitFractions, into parts: inout [[Int]]) {
        let counts = split.counts(of: rows.count)
        parts[0] += rows[0..<counts.train]
        parts[1] += rows[counts.train..<(counts.train + counts.valid)]
        parts[2] += rows[(counts.train + counts.valid)...]
    }
}
