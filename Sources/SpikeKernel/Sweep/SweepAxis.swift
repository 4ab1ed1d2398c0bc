import SpikeLang

/// One `NAME=VALUES` of `spike sweep`: a name and the values it takes, in order.
///
/// VALUES is literals separated by commas, where `a..b` stands for the integers a … b-1:
///
///     try SweepAxis.parse("pe=none,sinusoidal,cpg")   // values .none, "sinusoidal", "cpg"
///     try SweepAxis.parse("seed=0..3")                // values 0, 1, 2
///     try SweepAxis.parse("hidden=[8, 16],[32]")      // values [8, 16] and [32]
public struct SweepAxis: Equatable, Sendable {
    public var name: String
    public var values: [PlainValue]

    public init(name: String, values: [PlainValue]) {
        self.name = name
        self.values = values
    }

    /// Reads `NAME=VALUES`, with at most `limit` values.
    public static func parse(_ argument: String, limit: Int = SweepPlan.runLimit) throws(SweepInputError) -> SweepAxis {
        let (name, text) = try ScriptParameter.split(argument)
        switch PlainValue.parseValues(text, limit: limit) {
        case .success(let values):
            guard !values.isEmpty else { throw .emptyValues(argument: argument) }
            return SweepAxis(name: name, values: values)
        case .failure(.empty):
            throw .emptyValues(argument: argument)
        case .failure(.tooManyValues):
            throw .tooManyRuns(limit: limit)
        case .failure(let problem):
            throw .invalidValue(argument: argument, problem: problem)
        }
    }
}
