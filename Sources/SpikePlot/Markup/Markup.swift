import Foundation

/// A fragment of SVG or HTML markup in which every piece of outside text is already escaped.
///
/// Markup is escaped by construction: text enters only through `Markup.text(_:)` (element
/// content) or as an `Attribute` value, and both pass through the one function
/// `Markup.escape(_:)`. Element and attribute names are `StaticString` literals written in this
/// module, so no caller-supplied string can ever become a tag.
///
///     Markup.element("text", [Attribute("x", 4)], [.text("a < b")]).rendered
///     // <text x="4">a &lt; b</text>
struct Markup {
    /// The serialized markup; only this file creates it from raw pieces.
    private(set) var rendered: String

    private init(rendered: String) {
        self.rendered = rendered
    }

    /// Nothing at all.
    static let empty = Markup(rendered: "")

    /// Character data: `text` escaped so that it can only ever be read as text.
    static func text(_ text: String) -> Markup {
        Markup(rendered: escape(text))
    }

    /// An element `<name attributes…>children…</name>`, self-closing when it has no children.
    static func element(_ name: StaticString, _ attributes: [Attribute] = [], _ children: [Markup] = []) -> Markup {
        var out = "<"
        out += name.description
        for attribute in attributes {
            out += " "
            out += attribute.name.description
            out += "=\""
            out += escape(attribute.value)
            out += "\""
        }
        if children.isEmpty {
            out += "/>"
        } else {
            out += ">"
            for child in children { out += child.rendered }
            out += "</"
            out += name.description
            out += ">"
        }
        return Markup(rendered: out)
    }

    /// The markup of `fragments` one after another.
    static func group(_ fragments: [Markup]) -> Markup {
        Markup(rendered: fragments.map(\.rendered).joined())
    }

    /// This markup with every id defined (`id="PREFIX…`) or referenced (`"url(#PREFIX…`) by an
    /// attribute renamed to start with `replacement`. Safe by construction: the opening quote
    /// of these patterns is always escaped in outside text, so only attributes can match.
    func replacingIDPrefix(_ prefix: String, with replacement: String) -> Markup {
        let defined = rendered.replacingOccurrences(of: "id=\"" + prefix, with: "id=\"" + replacement)
        return Markup(rendered: defined.replacingOccurrences(of: "\"url(#" + prefix, with: "\"url(#" + replacement))
    }

    /// Escapes text for XML/HTML element content and double- or single-quoted attribute values.
    ///
    /// `& < > " '` become character references; characters XML 1.0 forbids (C0 controls other
    /// than tab, newline and carriage return, and U+FFFE/U+FFFF) become U+FFFD so the result
    /// always parses. Cost: O(n) in the length of `text`.
    static func escape(_ text: String) -> String {
        if !text.unicodeScalars.contains(where: needsEscape) { return text }
        var out = String.UnicodeScalarView()
        out.reserveCapacity(text.unicodeScalars.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": out.append(contentsOf: "&quot;".unicodeScalars)
            case "'": out.append(contentsOf: "&#39;".unicodeScalars)
            default: out.append(isForbiddenInXML(scalar) ? "\u{FFFD}" : scalar)
            }
        }
        return String(out)
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "&", "<", ">", "\"", "'": return true
        default: return isForbiddenInXML(scalar)
        }
    }

    private static func isForbiddenInXML(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x20 { return value != 0x09 && value != 0x0A && value != 0x0D }
        return value == 0xFFFE || value == 0xFFFF
    }
}

/// One `name="value"` pair of an element; the value is escaped when the element is rendered.
struct Attribute {
    let name: StaticString
    let value: String

    init(_ name: StaticString, _ value: String) {
        self.name = name
        self.value = value
    }

    /// A numeric attribute, rounded to 0.1 (SVG user units are pixels here).
    init(_ name: StaticString, _ number: Double) {
        self.name = name
        self.value = NumberFormat.tenths(number)
    }

    /// An integral attribute.
    init(_ name: StaticString, _ number: Int) {
        self.name = name
        self.value = String(number)
    }
}
