/// How `paired` computes the interval and p of a mean difference (docs/science.md §7).
public enum PairedMethod: String, CaseIterable, Sendable {
    /// Student's t with n − 1 degrees of freedom, and the paired t-test.
    case t
    /// The seeded percentile bootstrap (`PairedBootstrap`).
    case bootstrap
}
