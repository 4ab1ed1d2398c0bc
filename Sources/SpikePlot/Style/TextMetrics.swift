/// Estimated widths of rendered text, used to size margins and thin out tick labels.
///
/// SVG cannot measure text before the browser lays it out, so widths come from typical
/// sans-serif advance widths per character class (em fractions). Wide characters (CJK, emoji)
/// count as one em. Cost: O(n) in the number of characters.
enum TextMetrics {
    /// The estimated width in pixels of `text` at `fontSize` pixels.
    static func width(_ text: String, fontSize: Double) -> Double {
        var ems = 0.0
        for scalar in text.unicodeScalars {
            ems += advance(scalar)
        }
        return ems * fontSize
    }

    /// `text` cut to at most `limit` characters, ending in "…" when cut.
    static func truncated(_ text: String, limit: Int) -> String {
        guard text.count > limit, limit > 1 else { return text }
        return String(text.prefix(limit - 1)) + "…"
    }

    private static func advance(_ scalar: Unicode.Scalar) -> Double {
        switch scalar.value {
        case 0x20, 0x2E, 0x2C, 0x3A, 0x3B, 0x27, 0x7C, 0x69, 0x6C: return 0.28
        case 0x30...0x39: return 0.56
        case 0x41...0x5A: return 0.66
        case 0x61...0x7A: return 0.52
        case 0x2D, 0x28, 0x29: return 0.34
        case 0x0300...0x036F, 0x200B...0x200F, 0xFE00...0xFE0F: return 0
        case 0x1100...0xFFFF where scalar.properties.isIdeographic: return 1.0
        case 0x1F000...: return 1.1
        default: return 0.6
        }
    }
}
