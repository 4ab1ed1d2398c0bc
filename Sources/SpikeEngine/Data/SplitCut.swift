/// Where a forecasting set's parts are cut (docs/science.md §5): on the time steps (Spike's way)
/// or on the windows (SeqSNN's).
///
/// With T steps, window L, horizon H and fractions (a, b, c):
///
///     .timeSteps   train rows 0 ..< round(aT), valid up to round((a+b)T), test the rest;
///                  each part is windowed on its own, so no window straddles two parts
///     .windows     the W = T − L − H + 1 windows of one sliding pass are cut:
///                  train int(W·a), test int(W·c) (truncated), valid the rest (SeqSNN's
///                  `TSMSDataset._split`); neighbouring parts share L + H − 1 steps
public enum SplitCut: String, Equatable, Sendable, CaseIterable {
    case timeSteps = "time steps"
    case windows
}
