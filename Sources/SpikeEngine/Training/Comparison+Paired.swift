extension Comparison {
    /// The row named `name`, if the comparison has that arm.
    public func row(named name: String) -> Row? {
        rows.first { $0.name == name }
    }

    /// `a`'s `metric` minus `b`'s, seed by seed, over the seeds both rows finished (in `a`'s
    /// seed order); a seed listed twice counts once (its first sample). Cost: O(n).
    public static func differences(_ a: Row, _ b: Row, metric: String) -> (seeds: [UInt64], differences: [Double]) {
        let valuesA = Dictionary(zip(a.seeds, a.metrics[metric]?.samples ?? []), uniquingKeysWith: { first, _ in first })
        let valuesB = Dictionary(zip(b.seeds, b.metrics[metric]?.samples ?? []), uniquingKeysWith: { first, _ in first })
        var seen: Set<UInt64> = []
        var seeds: [UInt64] = []
        var differences: [Double] = []
        for seed in a.seeds where seen.insert(seed).inserted {
            guard let x = valuesA[seed], let y = valuesB[seed] else { continue }
            seeds.append(seed)
            differences.append(x - y)
        }
        return (seeds, differences)
    }
}
