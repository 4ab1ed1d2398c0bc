/// "Did you mean …?": the closest candidate by edit distance, if it is close enough.
enum Suggestion {
    /// Names longer than this many characters get no suggestion and are never suggested: no
    /// one misspells a 65-character name, and the bound keeps every comparison cheap.
    static let maximumLength = 64

    /// The candidate with the smallest edit distance to `name`, ignoring case (ties:
    /// alphabetical), accepted when the distance is at most a third of the longer name, and
    /// at least 1.
    ///
    ///     Suggestion.closest(to: "alpah", among: ["alpha", "beta"])   // "alpha"
    ///
    /// Cost: O(k · (m + n · d)) for k candidates of up to m characters, a name of n and an
    /// accepted distance of d ≤ n / 3; candidates whose length alone rules them out cost O(m),
    /// each comparison stops as soon as it cannot beat the best so far, and printable ASCII
    /// names (the usual case) are compared byte by byte without allocating.
    static func closest(to name: String, among candidates: some Sequence<String>) -> String? {
        let target = Array(name.lowercased())
        guard target.count <= maximumLength else { return nil }
        let asciiTarget = PrintableASCII.lowercased(name)
        var table = DistanceTable()
        var bytes: [UInt8] = []
        var best: (candidate: String, distance: Int)?
        for candidate in candidates where candidate != name {
            // Equal distances still compete (alphabetically), so the best distance is a bound.
            let bound = best?.distance ?? .max
            let distance: Int?
            let reading = PrintableASCII.lowercased(candidate, into: &bytes)
            if reading == .tooLong { continue }
            if reading == .lowercased, let asciiTarget {
                distance = table.distance(asciiTarget, bytes, limit: min(bound, allowed(target.count, bytes.count)))
            } else {
                let other = Array(candidate.lowercased())
                distance = table.distance(target, other, limit: min(bound, allowed(target.count, other.count)))
            }
            guard let distance else { continue }
            if let current = best, (distance, candidate) >= (current.distance, current.candidate) { continue }
            best = (candidate, distance)
        }
        return best?.candidate
    }

    /// The largest accepted distance between names of `n` and `m` characters; −1 (nothing
    /// accepted) past `maximumLength`.
    private static func allowed(_ n: Int, _ m: Int) -> Int {
        max(n, m) > maximumLength ? -1 : max(1, max(n, m) / 3)
    }

    /// Edit distance where inserting, deleting or replacing a character, or swapping two
    /// adjacent ones (`alpah` → `alpha`), costs 1 (optimal string alignment); `nil` when it
    /// exceeds `limit`. Cost: O(n · limit).
    static func editDistance(_ a: [Character], _ b: [Character], limit: Int) -> Int? {
        var table = DistanceTable()
        return table.distance(a, b, limit: limit)
    }
}

/// The rows of an optimal-string-alignment distance table, kept between comparisons so that
/// comparing many candidates allocates nothing after the first.
///
/// Only the diagonal band |i − j| ≤ limit can hold distances within the limit, and a row's
/// minimum never exceeds the final distance, so a comparison stops at the first row whose
/// band is all over the limit. Cost: O(n · limit) time, O(m) space.
private struct DistanceTable {
    /// Rows i − 2, i − 1 and i; cells outside the band hold `limit + 1`.
    private var beforePrevious: [Int] = []
    private var previous: [Int] = []
    private var current: [Int] = []

    mutating func distance<Element: Equatable>(_ a: [Element], _ b: [Element], limit: Int) -> Int? {
        let n = a.count
        let m = b.count
        guard limit >= 0, abs(n - m) <= limit else { return nil }
        if n == 0 || m == 0 { return max(n, m) }
        let over = limit + 1
        reset(&beforePrevious, count: m + 1, to: over)
        reset(&current, count: m + 1, to: over)
        reset(&previous, count: m + 1, to: over)
        for j in 0...min(m, limit) { previous[j] = j }
        for i in 1...n {
            let low = max(1, i - limit)
            let high = min(m, i + limit)
            current[0] = min(i, over)
            current[low - 1] = low == 1 ? current[0] : over
            var rowMinimum = current[low - 1]
            for j in low...high {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var distance = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    distance = min(distance, beforePrevious[j - 2] + 1)
                }
                current[j] = min(distance, over)
                rowMinimum = min(rowMinimum, current[j])
            }
            if high < m { current[high + 1] = over }
            if rowMinimum > limit { return nil }
            swap(&beforePrevious, &previous)
            swap(&previous, &current)
        }
        return previous[m] <= limit ? previous[m] : nil
    }

    /// Makes `row` hold `count` copies of `value`, reusing its storage.
    private func reset(_ row: inout [Int], count: Int, to value: Int) {
        row.removeAll(keepingCapacity: true)
        row.append(contentsOf: repeatElement(value, count: count))
    }
}

/// Names made only of printable ASCII (space to `~`), where a byte is a character and
/// lower-casing is `A`–`Z` → `a`–`z`.
private enum PrintableASCII {
    /// What reading a name as printable ASCII gave.
    enum Reading {
        /// The bytes hold the lower-cased name.
        case lowercased
        /// Printable ASCII longer than `Suggestion.maximumLength` (so never suggested).
        case tooLong
        /// Some other character: compare it as Unicode.
        case other
    }

    /// The lower-cased bytes of `text`, or nil if it is not printable ASCII of at most
    /// `Suggestion.maximumLength` characters.
    static func lowercased(_ text: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        return lowercased(text, into: &bytes) == .lowercased ? bytes : nil
    }

    /// Replaces `bytes` with the lower-cased bytes of `text` (undefined unless `.lowercased`).
    static func lowercased(_ text: String, into bytes: inout [UInt8]) -> Reading {
        bytes.removeAll(keepingCapacity: true)
        for byte in text.utf8 {
            guard byte >= 0x20, byte < 0x7F else { return .other }
            bytes.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
        }
        return bytes.count <= Suggestion.maximumLength ? .lowercased : .tooLong
    }
}
