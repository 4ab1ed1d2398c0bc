import Foundation

/// The data sets that ship with Spike (files in `Resources/Datasets`, see Resources/Datasets/PROVENANCE.md)
/// and the synthetic ones generated on demand; `catalog` lists them all.
///
///     let demand = try BundledDataset(named: "electricity").series()   // 4032 × 1, megawatts
///     let digits = try BundledDataset.digits.labeledData()              // 1797 × 64, 10 classes
public enum BundledDataset: String, CaseIterable, Sendable {
    case electricity, sunspots, co2, digits, traffic, sines

    /// The data set called `name`; `DataError.unknownDataset` lists the valid names.
    public init(named name: String) throws {
        guard let dataset = BundledDataset(rawValue: name) else {
            throw DataError.unknownDataset(name: name, valid: Self.allCases.map(\.rawValue))
        }
        self = dataset
    }

    /// Every data set's catalog line, in declaration order.
    public static var catalog: [DatasetInfo] { allCases.map(\.info) }

    /// The task this data set is for.
    public var kind: DatasetKind { self == .digits ? .classification : .forecasting }

    /// The series of a forecasting data set. Cost: O(file size) (read and parsed each call).
    ///
    /// `co2`'s 59 missing weeks are filled as `missing` says (`missing.total` reports them).
    /// Throws `EngineError.value(argument: .datasetName)` for `digits`, which is not a series.
    public func series(missing: MissingPolicy = .interpolate) throws -> Series {
        switch self {
        case .electricity:
            return try bundled("electricity_taylor", name: "electricity", columns: ["demand_mw"], time: "time", missing)
        case .sunspots:
            return try bundled("sunspots", name: "sunspots", columns: ["SUNACTIVITY"], time: "YEAR", missing)
        case .co2:
            return try bundled("co2_weekly", name: "co2", columns: ["co2"], time: "date", missing)
        case .traffic:
            return try Series.synthetic(kind: .traffic)
        case .sines:
            return try Series.synthetic(kind: .sines)
        case .digits:
            throw EngineError.value(argument: .datasetName, message: "\"digits\" is a classification data set, not a series")
        }
    }

    /// The examples of a classification data set: `digits` has 64 grey levels (0–16 in the
    /// file) scaled to [0, 1] by dividing by 16, and labels 0–9.
    ///
    /// Throws `EngineError.value(argument: .datasetName)` for a forecasting data set.
    public func labeledData() throws -> LabeledData {
        guard self == .digits else {
            throw EngineError.value(argument: .datasetName, message: "\"\(rawValue)\" is a forecasting data set, not a classification one")
        }
        let table = try Series(csv: try text(of: "digits"), name: "digits", path: "digits.csv", missing: .error)
        let features = table.columns.filter { $0 != "label" }
        let labels = try table.column("label").map { value -> Int in
            guard let label = Int(exactly: value) else {
                throw EngineError.value(argument: .labels, message: "class label \(value) is not a whole number")
            }
            return label
        }
        var scaled = [Float]()
        scaled.reserveCapacity(table.length * features.count)
        for row in 0..<table.length {
            for column in 0..<features.count {
                scaled.append(table.values[row * table.variates + column] / 16)
            }
        }
        return try LabeledData(name: "digits", featureNames: features, features: scaled, labels: labels)
    }

    private func bundled(
        _ file: String, name: String, columns: [String], time: String, _ missing: MissingPolicy
    ) throws -> Series {
        try Series(
            csv: try text(of: file), name: name, path: file + ".csv", columns: .named(columns),
            timeColumn: time, missing: missing)
    }

    /// The text of the bundled `Datasets/<file>.csv`.
    private func text(of file: String) throws -> String {
        guard let url = DatasetFiles.url(of: file + ".csv") else {
            throw DataError.fileNotFound(path: "Datasets/\(file).csv")
        }
        guard let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8) else {
            throw DataError.unreadableFile(path: url.path, reason: "cannot read the bundled file")
        }
        return text
    }
}
