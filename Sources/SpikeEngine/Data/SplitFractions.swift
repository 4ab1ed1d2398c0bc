/// How a data set is cut into training, validation and test parts: three positive fractions
/// that sum to 1.
///
///     let split = try SplitFractions([0.7, 0.1, 0.2])
///     split.counts(of: 100)   // (train: 70, valid: 10, test: 20)
public struct SplitFractions: Equatable, Sendable {
    public let train: Double
    public let valid: Double
    public let test: Double

    /// Spike's default: 0.7 / 0.1 / 0.2 (train / valid / test). It is *not* a SeqSNN
    /// configuration: those are 0.7 / 0.2 / 0.1 or 0.6 / 0.2 / 0.2 (`ReferenceSplit`).
    public static let standard = SplitFractions(checked: 0.7, 0.1, 0.2)

    /// A SeqSNN split given as its `train_ratio` and `test_ratio`, validation the rest.
    static func reference(train: Double, test: Double) -> SplitFractions {
        SplitFractions(checked: train, 1 - train - test, test)
    }

    /// "0.7/0.1/0.2" (train/valid/test), each fraction to at most 4 decimals.
    public var text: String {
        [train, valid, test].map { fraction in
            let rounded = (fraction * 10_000).rounded() / 10_000
            return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
        }.joined(separator: "/")
    }

    /// Three fractions, each above 0, summing to 1 (within 1e-9).
    ///
    /// Throws `EngineError.value(argument: .split, ...)`: a fraction that is not above 0
    /// would make an empty split, and fractions must sum to 1.
    public init(train: Double, valid: Double, test: Double) throws {
        for (name, fraction) in [("train", train), ("valid", valid), ("test", test)] {
            guard fraction.isFinite, fraction > 0 else {
                throw EngineError.value(
                    argument: .split, message: "the \(name) fraction must be above 0 (got \(fraction)): an empty split")
            }
        }
        let sum = train + valid + test
        guard abs(sum - 1) <= 1e-9 else {
            throw EngineError.value(
                argument: .split, message: "the fractions [\(train), \(valid), \(test)] sum to \(sum), not 1")
        }
        self.init(checked: train, valid, test)
    }

    /// `[train, valid, test]`; throws `.value(argument: .split)` for any other count.
    public init(_ fractions: [Double]) throws {
        guard fractions.count == 3 else {
            throw EngineError.value(
                argument: .split, message: "give three fractions [train, valid, test], got \(fractions.count)")
        }
        try self.init(train: fractions[0], valid: fractions[1], test: fractions[2])
    }

    private init(checked train: Double, _ valid: Double, _ test: Double) {
        self.train = train
        self.valid = valid
        self.test = test
    }

    /// Whole counts for `total` items: train = round(total · train), valid = round(total ·
    /// (train + valid)) − train, test = the rest, so the three always add up to `total`.
    public func counts(of total: Int) -> (train: Int, valid: Int, test: Int) {
        let trainEnd = Int((Double(total) * train).rounded())
        let validEnd = max(trainEnd, min(total, Int((Double(total) * (train + valid)).rounded())))
        return (trainEnd, validEnd - trainEnd, total - validEnd)
    }
}
