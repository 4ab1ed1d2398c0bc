/// A shell-style glob, as `history_request` search patterns use (IPython matches with SQLite
/// `GLOB`): `*` any run of characters, `?` one character, `[abc]` / `[a-z]` / `[!abc]` one of
/// (or not one of) a set. Matching is over Unicode scalars, case-sensitive, whole string.
///
/// Cost: O(pattern × text) with the two-pointer backtracking algorithm.
struct GlobPattern: Equatable {
    private enum Element: Equatable {
        case anyRun
        case anyOne
        case literal(Unicode.Scalar)
        case set(ranges: [ClosedRange<Unicode.Scalar>], negated: Bool)

        func matches(_ scalar: Unicode.Scalar) -> Bool {
            switch self {
            case .anyRun, .anyOne: return true
            case .literal(let literal): return scalar == literal
            case .set(let ranges, let negated): return ranges.contains { $0.contains(scalar) } != negated
            }
        }
    }

    private let elements: [Element]

    init(_ pattern: String) {
        let scalars = Array(pattern.unicodeScalars)
        var elements = [Element]()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar {
            case "*": elements.append(.anyRun)
            case "?": elements.append(.anyOne)
            case "[":
                if let (set, end) = Self.parseSet(scalars, from: index + 1) {
                    elements.append(set)
                    index = end
                } else {
                    elements.append(.literal("["))
                }
            default: elements.append(.literal(scalar))
            }
            index += 1
        }
        self.elements = elements
    }

    /// Parses a bracket set starting after `[`; returns it and the index of the closing `]`.
    private static func parseSet(_ scalars: [Unicode.Scalar], from start: Int) -> (Element, Int)? {
        var index = start
        var negated = false
        if index < scalars.count, scalars[index] == "!" || scalars[index] == "^" {
            negated = true
            index += 1
        }
        var ranges = [ClosedRange<Unicode.Scalar>]()
        var first = true
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "]" && !first { return (.set(ranges: ranges, negated: negated), index) }
            first = false
            if index + 2 < scalars.count, scalars[index + 1] == "-", scalars[index + 2] != "]" {
                let upper = scalars[index + 2]
                if scalar <= upper { ranges.append(scalar...upper) }
                index += 3
            } else {
                ranges.append(scalar...scalar)
                index += 1
            }
        }
        return nil
    }

    /// Whether the whole of `text` matches.
    func matches(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        var p = 0
        var t = 0
        var starP = -1
        var starT = 0
        while t < scalars.count {
            if p < elements.count, elements[p] != .anyRun, elements[p].matches(scalars[t]) {
                p += 1
                t += 1
            } else if p < elements.count, elements[p] == .anyRun {
                starP = p
                starT = t
                p += 1
            } else if starP >= 0 {
                p = starP + 1
                starT += 1
                t = starT
            } else {
                return false
            }
        }
        while p < elements.count, elements[p] == .anyRun { p += 1 }
        return p == elements.count
    }
}
