/// How `ForecastingSet` cuts a series into train / valid / test: the fractions, where they cut
/// (`SplitCut`), and the SeqSNN configuration they come from, if any (docs/science.md §5).
///
///     SplitRule.standard.description                      // "0.7/0.1/0.2 of the time steps (Spike's default)"
///     SplitRule(reference: .metrLA).description           // "0.7/0.2/0.1 of the windows (SeqSNN's metr-la split)"
///     try SplitRule(.standard).rows(length: 100, window: 4, horizon: 2)   // [0..<70, 70..<80, 80..<100]
public struct SplitRule: Equatable, Sendable {
    public let fractions: SplitFractions
    public let cut: SplitCut
    /// The SeqSNN configuration whose split this is (then the cut is `.windows`), or `nil`.
    public let reference: ReferenceSplit?

    /// Spike's default: 0.7/0.1/0.2 of the time steps.
    public static let standard = SplitRule(.standard)

    /// `fractions` of the time steps (Spike's cut).
    public init(_ fractions: SplitFractions) {
        self.fractions = fractions
        cut = .timeSteps
        reference = nil
    }

    /// SeqSNN's split for `reference`, exactly: its fractions, cut on the windows.
    public init(reference: ReferenceSplit) {
        fractions = reference.fractions
        cut = .windows
        self.reference = reference
    }

    /// What tables and summaries say about the split.
    public var description: String {
        let what = "\(fractions.text) of the \(cut.rawValue)"
        if let reference { return what + " (SeqSNN's \(reference.rawValue) split)" }
        return fractions == .standard ? what + " (Spike's default)" : what
    }

    /// The series rows each part's windows are made from, in the order train, valid, test, for
    /// a series of `length` steps (at least window + horizon). With `.timeSteps` the ranges are
    /// disjoint; with `.windows` neighbours share window + horizon − 1 rows.
    public func rows(length: Int, window: Int, horizon: Int) -> [Range<Int>] {
        switch cut {
        case .timeSteps:
            let counts = fractions.counts(of: length)
            return [0..<counts.train, counts.train..<(counts.train + counts.valid), (counts.train + counts.valid)..<length]
        case .windows:
            let total = length - window - horizon + 1
            let train = Int((Double(total) * fractions.train).rounded(.towardZero))
            let test = Int((Double(total) * fractions.test).rounded(.towardZero))
            let valid = total - train - test
            let span = window + horizon - 1
            return [0..<(train + span), train..<(train + valid + span), (train + valid)..<length]
        }
    }
}
