/// Reading a number from text as Python's `float()` reads it (docs/language.md §7):
/// blanks around it, an optional sign, then `inf`, `infinity` or `nan` (any case), or
/// ASCII decimal digits with an optional point and exponent, `_` only between two digits
/// (Python also reads other scripts' digits; Spike's numbers are ASCII, as in its lexer).
///
///     NumberText.value(of: " 1_000.5 ")   // 1000.5
///     NumberText.value(of: "-Infinity")   // -inf
///     NumberText.value(of: "1e400")       // inf (too large, as Python)
///     NumberText.value(of: "0x10")        // nil
enum NumberText {
    /// The number `text` spells, or nil. Cost: O(length of `text`).
    static func value(of text: String) -> Double? {
        let trimmed = text.trimmingBlanks()
        var scalars = Substring(trimmed).unicodeScalars[...]
        var negative = false
        if let first = scalars.first, first == "+" || first == "-" {
            negative = first == "-"
            scalars = scalars.dropFirst()
        }
        let word = String(scalars).lowercased()
        if word == "inf" || word == "infinity" { return negative ? -.infinity : .infinity }
        if word == "nan" { return .nan }
        guard let digits = plainDigits(scalars), let magnitude = Double(digits) else { return nil }
        return negative ? -magnitude : magnitude
    }

    /// `digitpart? "." digitpart | digitpart "."?`, then an optional exponent, with the
    /// underscores removed; nil if `scalars` is not that.
    private static func plainDigits(_ scalars: Substring.UnicodeScalarView) -> String? {
        var result = ""
        var index = scalars.startIndex
        /// Digits with single `_` between them; false if none, or an `_` is misplaced.
        func digitPart() -> Bool {
            var count = 0
            while index < scalars.endIndex {
                let scalar = scalars[index]
                if scalar.properties.numericType == .decimal, scalar.isASCII {
                    result.unicodeScalars.append(scalar)
                    count += 1
                } else if scalar == "_", count > 0, scalars.index(after: index) < scalars.endIndex,
                    scalars[scalars.index(after: index)].isASCII,
                    scalars[scalars.index(after: index)].properties.numericType == .decimal
                {
                    // skipped: an underscore between two digits
                } else {
                    break
                }
                index = scalars.index(after: index)
            }
            return count > 0
        }
        let hasWhole = digitPart()
        if index < scalars.endIndex, scalars[index] == "." {
            result += "."
            index = scalars.index(after: index)
            if !digitPart(), !hasWhole { return nil }
            if !hasWhole { result = "0" + result }
        } else if !hasWhole {
            return nil
        }
        if index < scalars.endIndex, scalars[index] == "e" || scalars[index] == "E" {
            result += "e"
            index = scalars.index(after: index)
            if index < scalars.endIndex, scalars[index] == "+" || scalars[index] == "-" {
                result.unicodeScalars.append(scalars[index])
                index = scalars.index(after: index)
            }
            guard digitPart() else { return nil }
        }
        return index == scalars.endIndex ? result : nil
    }
}

extension String {
    /// Without the blanks (spaces, tabs, line breaks) at either end.
    fileprivate func trimmingBlanks() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
