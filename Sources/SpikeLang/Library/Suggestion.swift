/// "Did you mean …?": the closest candidate by edit distance, if it is close enough.
enum Suggestion {
    /// Names longer than this many characters get no suggestion and are never suggested: no
    /// one misspells a 65-character name, and the bound keeps every comparison cheap.
    static let maximumLength = 64

    /// The candidate with the smallest edit distance to `name` (ties: alphabetical), accepted
    /// when the distance is at most a third of the longer name, and at least 1.
    ///
    ///     Suggestion.closest(to: "alpah", among: ["alpha", "beta"])   // "alpha"
    ///
    /// Cost: O(k · (m + n · d)) for k candidates of up to m characters, a name of n and an
    /// accepted distance of d ≤ n / 3; candidates whose length alone rules them out cost O(m),
    /// and each comparison stops as soon as it cannot beat the best so far.
    static func closest(to name: String, among candidates: some Sequence<String>) -> String? {
        let target = Array(name.lowercased())
        guard target.count <= maximumLength else { return nil }
        var best: (candidate: String, distance: Int)?
        for candidate in candidates where candidate != name {
            let other = Array(candidate.lowercased())
            guard other.count <= maximumLength else { continue }
            let allowed = max(1, max(target.count, other.count) / 3)
            // Equal distances still compete (alphabetically), so the best distance is a bound.
            let limit = min(allowed, best?.distance ?? allowed)
            guard let distance = editDistance(target, other, limit: limit) else { continue }
            if let current = best, (distance, candidate) >= (current.distance, current.candidate) { continue }
            best = (candidate, distance)
        }
        return best?.candidate
    }

    /// Edit distance where inserting, deleting or replacing a character, or swapping two
    /// adjacent ones (`alpah` → `alpha`), costs 1 (optimal string alignment); `nil` when it
    /// exceeds `limit`.
    ///
    /// Only the diagonal band |i − j| ≤ limit can hold distances within the limit, and a row's
    /// minimum never exceeds the final distance, so the search stops at the first row whose
    /// band is all over the limit. Cost: O(n · limit) time, O(m) space.
    static func editDistance(_ a: [Character], _ b: [Character], limit: Int) -> Int? {
        let n = a.count, m = b.count
        guard limit >= 0, abs(n - m) <= limit else { return nil }
        if n == 0 || m == 0 { return max(n, m) }
        let over = limit + 1
        // Rows i − 2, i − 1 and i of the distance table; cells outside the band hold `over`.
        var beforePrevious = [Int](repeating: over, count: m + 1)
        var previous = (0...m).map { min($0, over) }
        var current = [Int](repeating: over, count: m + 1)
        for i in 1...n {
            let low = max(1, i - limit), high = min(m, i + limit)
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
}
