/// What counts as a "column" when RSE subtracts per-column means from a target of shape
/// `(N, H, C)` (windows × horizon × variates).
///
/// For a rank-2 target `(N, C)` both choices agree (columns are the last axis); for rank 1
/// the whole vector is one column.
public enum RSEColumns: String, CaseIterable, Sendable {
    /// Every output position is a column: the target is read as `(N, H·C)` and each of the
    /// H·C columns gets its own mean over the N windows. This is what the reference code
    /// computes (its targets are flattened to `(N, H·C)` and `y.mean(axis=0)` is taken), so
    /// it is the default.
    case outputs
    /// Every variate is a column: the target is read as `(N·H, C)` and each of the C variates
    /// gets one mean over all windows and horizon steps.
    case variates
}
