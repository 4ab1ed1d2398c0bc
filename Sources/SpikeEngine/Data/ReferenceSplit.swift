/// The chronological splits of SeqSNN's forecasting configurations, per data set
/// (`exp/forecast/dataset/<name>.yml`, used by its Spikformer, SpikeRNN and iSpikformer
/// configurations; docs/science.md §5).
///
/// SeqSNN gives `train_ratio` and `test_ratio`; validation is the rest:
///
///     ReferenceSplit.metrLA.fractions        // 0.7 / 0.2 / 0.1 (train / valid / test)
///     ReferenceSplit.electricity.fractions   // 0.6 / 0.2 / 0.2
public enum ReferenceSplit: String, Equatable, Sendable, CaseIterable {
    case metrLA = "metr-la"
    case pemsBay = "pems-bay"
    case solar
    case electricity

    /// train_ratio / (the rest) / test_ratio of the configuration.
    public var fractions: SplitFractions {
        switch self {
        case .metrLA, .pemsBay: return .reference(train: 0.7, test: 0.1)
        case .solar, .electricity: return .reference(train: 0.6, test: 0.2)
        }
    }

    /// The reference data set a bundled stand-in replaces: `electricity` (Taylor's demand, for
    /// SeqSNN's Electricity) and `traffic` (synthetic, for METR-LA / PEMS-BAY, whose splits
    /// agree); `nil` for data sets SeqSNN has no configuration for.
    public static func standingIn(for name: String) -> ReferenceSplit? {
        switch name {
        case BundledDataset.electricity.rawValue: return .electricity
        case BundledDataset.traffic.rawValue: return .metrLA
        default: return ReferenceSplit(rawValue: name)
        }
    }
}
