/// Every combination of a sweep's values (the cartesian product), in a fixed order: the first
/// name on the command line varies slowest.
///
///     let plan = try SweepPlan(axes: [seed=0..2, pe=none,cpg])
///     plan.runs.map(\.arguments)
///     // [["seed=0", "pe=none"], ["seed=0", "pe=\"cpg\""], ["seed=1", "pe=none"], ["seed=1", "pe=\"cpg\""]]
public struct SweepPlan: Equatable, Sendable {
    /// Most combinations a sweep may have.
    public static let runLimit = 1_000_000

    public var axes: [SweepAxis]
    public var runs: [SweepRun]

    /// The plan of `axes`; refuses no axes, a name given twice and more than `limit` runs.
    /// Cost: O(number of runs × number of axes).
    public init(axes: [SweepAxis], limit: Int = runLimit) throws(SweepInputError) {
        guard !axes.isEmpty else { throw .noParameters }
        var seen = Set<String>()
        for axis in axes where !seen.insert(axis.name).inserted { throw .duplicateName(axis.name) }
        var count = 1
        for axis in axes {
            let (product, overflow) = count.multipliedReportingOverflow(by: axis.values.count)
            guard !overflow, product <= limit else { throw .tooManyRuns(limit: limit) }
            count = product
        }
        var combinations: [[ScriptParameter]] = [[]]
        for axis in axes {
            combinations = combinations.flatMap { prefix in
                axis.values.map { prefix + [ScriptParameter(name: axis.name, value: $0)] }
            }
        }
        self.axes = axes
        self.runs = combinations.map(SweepRun.init(parameters:))
    }

    /// The names of the axes that `identifiers` (the script's, `ScriptText.identifiers(in:)`)
    /// does not contain.
    public func names(missingFrom identifiers: Set<String>) -> [String] {
        axes.map(\.name).filter { !identifiers.contains($0) }
    }
}
