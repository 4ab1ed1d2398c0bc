/// A format spec of Python's mini-language, parsed: `[[fill]align][sign][z][#][0][width][,|_][.precision][type]`
/// (docs/language.md §4). `format(x, spec)` and `f"{x:spec}"` read it the way Python's
/// `format()` does, and reject what Python rejects.
///
///     FormatSpec.parse("*>10,.2f")   // fill "*", right-aligned, width 10, ",", precision 2, type f
///     FormatSpec.parse(".3")         // precision 3, no type
///     FormatSpec.parse(".f")         // throws .missingPrecision
struct FormatSpec: Equatable {
    /// Where the text sits in its width: `<` left, `>` right, `=` padding after the sign
    /// (numbers only), `^` centred.
    enum Alignment: Character {
        case left = "<"
        case right = ">"
        case afterSign = "="
        case center = "^"
    }

    /// Which numbers get a sign: `-` negative ones (the default), `+` all, ` ` a space for
    /// non-negative ones.
    enum Sign: Character {
        case negativeOnly = "-"
        case always = "+"
        case space = " "
    }

    /// The largest width or precision accepted: a spec cannot ask for megabytes of padding.
    static let sizeLimit = 10_000

    /// The fill character, when given before an alignment.
    var fill: Character?
    var alignment: Alignment?
    /// The sign rule when given (numbers use `-` without one).
    var sign: Sign?
    /// `z`: a negative zero (after rounding) is written without its sign.
    var coercesNegativeZero = false
    /// `#`: `0x`/`0o`/`0b` prefixes, a decimal point always, `g` keeping trailing zeros.
    var alternate = false
    /// `0` before the width: pad with zeros after the sign (and through the separators).
    var zeroPadding = false
    var width = 0
    /// `,` or `_` between groups of digits.
    var separator: Character?
    var precision: Int?
    /// The type letter (`f`, `e`, `g`, `%`, `d`, `s`, …), nil for none.
    var type: Character?

    /// Parses `text` as Python's `format()` does; the type is checked against the value later.
    /// Cost: O(length of `text`).
    static func parse(_ text: String) throws(FormatSpecMistake) -> FormatSpec {
        var spec = FormatSpec()
        let characters = Array(text)
        var position = 0
        func peek(_ ahead: Int = 0) -> Character? {
            position + ahead < characters.count ? characters[position + ahead] : nil
        }
        if let second = peek(1), let alignment = Alignment(rawValue: second) {
            spec.fill = characters[position]
            spec.alignment = alignment
            position += 2
        } else if let first = peek(), let alignment = Alignment(rawValue: first) {
            spec.alignment = alignment
            position += 1
        }
        if let first = peek(), let sign = Sign(rawValue: first) {
            spec.sign = sign
            position += 1
        }
        if peek() == "z" {
            spec.coercesNegativeZero = true
            position += 1
        }
        if peek() == "#" {
            spec.alternate = true
            position += 1
        }
        // With a fill character given, a leading 0 is part of the width.
        if spec.fill == nil, peek() == "0" {
            spec.zeroPadding = true
            position += 1
        }
        func integer(part: String) throws(FormatSpecMistake) -> Int? {
            let start = position
            var value = 0
            while let digit = peek()?.wholeNumberValue, peek()?.isASCII == true {
                value = min(value * 10 + digit, sizeLimit + 1)
                position += 1
            }
            guard position > start else { return nil }
            guard value <= sizeLimit else { throw .tooLarge(part: part, limit: sizeLimit) }
            return value
        }
        spec.width = try integer(part: "the width") ?? 0
        if peek() == "," {
            spec.separator = ","
            position += 1
        }
        if peek() == "_" {
            guard spec.separator == nil else { throw .twoSeparators }
            spec.separator = "_"
            position += 1
        }
        if peek() == ",", spec.separator == "_" { throw .twoSeparators }
        if peek() == "." {
            position += 1
            guard let precision = try integer(part: "the precision") else { throw .missingPrecision }
            spec.precision = precision
        }
        if characters.count - position > 1 {
            throw .unexpectedText(String(characters[position...]))
        }
        spec.type = peek()
        return spec
    }
}
