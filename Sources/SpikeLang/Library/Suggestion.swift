/// "Did you mean …?": the closest candidate by edit distance, if it is close enough.
enum Suggestion {
    /// The candidate with the smallest edit distance to `name` (ties: alphabetical), accepted
    /// when the distance is at most a third of the longer name, and at least 1.
    /// Cost: O(k · n · m) for k candidates.
    static func closest(to name: String, among candidates: [String]) -> String? {
        let target = Array(name.lowercased())
        var best: (candidate: String, distance: Int)?
        for candidate in candidates where candidate != name {
            let distance = editDistance(target, Array(candidate.lowercased()))
            let allowed = max(1, max(target.count, candidate.count) / 3)
            guard distance <= allowed else { continue }
            if let current = best, (distance, candidate) >= (current.distance, current.candidate) { continue }
            best = (candidate, distance)
        }
        return best?.candidate
    }

    /// Edit distance where inserting, deleting or replacing a character, or swapping two
    /// adjacent ones (`alpah` → `alpha`), costs 1 (optimal string alignment).
    /// Cost: O(n · m) time and space.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }
}
