import SpikeEngine

/// The order `sorted` puts its keys in: the positions of the keys, ascending (or descending
/// with `reverse`), equal keys in their original order either way (a stable sort, as Python's).
///
///     try SortOrder([.number(3), .number(1), .number(3)], reverse: true, …).indices   // [0, 2, 1]
///
/// Keys must be all numbers or all strings; anything else is a TypeError naming the kinds
/// found, and NaN (which has no order) a ValueError, both at `site`. Cost: O(n log n)
/// comparisons, with interrupts polled as they go.
struct SortOrder {
    let indices: [Int]

    init(_ keys: [Value], reverse: Bool, evaluator: Evaluator, blame site: ArgumentSite) throws {
        var meter = CancellationMeter(evaluator.cancellation)
        switch keys.first {
        case nil:
            indices = []
        case .number?:
            let numbers = try keys.map { key -> Double in
                guard case .number(let number) = key else { throw Self.mixed(keys.first, key, site) }
                if number.isNaN { throw site.invalid(Self.nanReason(site)) }
                return number
            }
            indices = try Self.order(numbers, reverse: reverse, meter: &meter, at: site.range)
        case .string?:
            let strings = try keys.map { key -> String in
                guard case .string(let string) = key else { throw Self.mixed(keys.first, key, site) }
                return string
            }
            indices = try Self.order(strings, reverse: reverse, meter: &meter, at: site.range)
        case let other?:
            throw Diagnostic(.wrongKind(what: Self.what(site), expected: "numbers or strings", got: other.typeName), at: site.range)
        }
    }

    /// Positions of `keys` in stable ascending (or descending) order.
    private static func order<Key: Comparable>(
        _ keys: [Key], reverse: Bool, meter: inout CancellationMeter, at range: SourceRange
    ) throws -> [Int] {
        var positions = Array(keys.indices)
        try positions.sort { a, b in
            try meter.advance(at: range)
            if keys[a] != keys[b] { return reverse ? keys[b] < keys[a] : keys[a] < keys[b] }
            return a < b
        }
        return positions
    }

    /// What the TypeError and ValueError call the keys: the items, or what `key` returned.
    private static func what(_ site: ArgumentSite) -> String {
        site.parameter == "key" ? "\(site.function)(): what 'key' returns" : "\(site.function)(): the items of '\(site.parameter)'"
    }

    private static func nanReason(_ site: ArgumentSite) -> String {
        site.parameter == "key" ? "returned nan, which has no order" : "contains nan, which has no order"
    }

    /// Keys of two kinds: "… must be all numbers or all strings, got a number and a string".
    private static func mixed(_ first: Value?, _ other: Value, _ site: ArgumentSite) -> Diagnostic {
        Diagnostic(
            .wrongKind(
                what: what(site), expected: "all numbers or all strings",
                got: "\(first?.typeName ?? "none") and \(other.typeName)"), at: site.range)
    }
}
