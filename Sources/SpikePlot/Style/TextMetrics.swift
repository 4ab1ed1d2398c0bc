/// Estimated widths of rendered text, used to size margins and thin out tick labels.
///
/// SVG cannot measure text before the browser lays it out, so widths come from sans-serif
/// advance widths per character class (em fractions), set near the widest common fallback
/// (DejaVu Sans) so estimates err on the generous side. Wide characters (CJK, emoji) count as
/// one em. Cost: O(n) in the number of characters.
enum TextMetrics {
    /// The estimated width in pixels of `text` at `fontSize` pixels.
    static func width<Text: StringProtocol>(_ text: Text, fontSize: Double) -> Double {
        var ems = 0.0
        for scalar in text.unicodeScalars {
            ems += advance(scalar)
        }
        return ems * fontSize
    }

    /// The number of monospace terminal columns `text` takes: wide characters (CJK, fullwidth
    /// forms, emoji) take two, combining marks and other zero-width characters none.
    static func columns(_ text: String) -> Int {
        text.reduce(0) { total, character in
            let scalars = character.unicodeScalars
            if scalars.contains(where: isWide) { return total + 2 }
            if scalars.allSatisfy(isZeroWidth) { return total }
            return total + 1
        }
    }

    private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
            0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1FAFF, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    private static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0300...0x036F, 0x200B...0x200F, 0xFE00...0xFE0F, 0x20D0...0x20FF: return true
        default: return false
        }
    }

    /// `text` cut (ending in "…") so its estimated width at `fontSize` is at most `width` px;
    /// `bold` text is taken as 18% wider (DejaVu Sans Bold). Cost: O(n²) in the worst case for the characters cut.
    static func fitted(_ text: String, width: Double, fontSize: Double, bold: Bool = false) -> String {
        let scale = bold ? 1.18 : 1
        guard TextMetrics.width(text, fontSize: fontSize) * scale > width else { return text }
        var kept = Substring(text)
        while !kept.isEmpty, TextMetrics.width(kept + "…", fontSize: fontSize) * scale > width {
            kept = kept.dropLast()
        }
        return kept + "…"
    }

    /// `text` cut to at most `limit` characters, ending in "…" when cut.
    static func truncated(_ text: String, limit: Int) -> String {
        guard text.count > limit, limit > 1 else { return text }
        return String(text.prefix(limit - 1)) + "…"
    }

    private static func advance(_ scalar: Unicode.Scalar) -> Double {
        switch scalar.value {
        case 0x20, 0x2E, 0x2C, 0x3A, 0x3B, 0x27, 0x7C, 0x69, 0x6C: return 0.3
        case 0x30...0x39: return 0.6
        case 0x41...0x5A: return 0.68
        case 0x61...0x7A: return 0.56
        case 0x2D, 0x28, 0x29: return 0.34
        case 0x0300...0x036F, 0x200B...0x200F, 0xFE00...0xFE0F: return 0
        case 0x1100...0xFFFF where scalar.properties.isIdeographic: return 1.0
        case 0x1F000...: return 1.1
        default: return 0.6
        }
    }
}
