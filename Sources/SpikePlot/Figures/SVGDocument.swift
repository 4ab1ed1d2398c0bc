/// Wraps a panel into a standalone, self-contained `<svg>` document.
///
/// The document has `width`/`height` and a `viewBox`, an accessible `<title>`, a light card
/// background and no external CSS or scripts. Ids inside are prefixed with a token: either the
/// caller's (sanitised to letters, digits, `-` and `_`), or a hash of the figure's own markup,
/// so distinct figures on one page never share ids.
enum SVGDocument {
    static func render(_ panel: Panel, idToken: String?) -> String {
        let (width, height) = panel.size
        let frame = Rect(x: 0, y: 0, width: Double(width), height: Double(height))
        let body: Markup
        if let idToken {
            let cleaned = idToken.unicodeScalars.filter {
                $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "-" || $0 == "_")
            }
            body = panel.render(in: frame, context: RenderContext(idPrefix: "spk-" + String(String.UnicodeScalarView(cleaned))))
        } else {
            let draft = panel.render(in: frame, context: RenderContext(idPrefix: draftPrefix))
            body = draft.replacingIDPrefix(draftPrefix, with: "spk-" + fingerprint(draft.rendered))
        }
        let root = Markup.element(
            "svg",
            [
                Attribute("xmlns", "http://www.w3.org/2000/svg"),
                Attribute("width", width), Attribute("height", height),
                Attribute("viewBox", "0 0 \(width) \(height)"),
                Attribute("role", "img"),
                Attribute("font-family", Theme.fontFamily),
                Attribute("font-size", Theme.fontSize)
            ],
            [
                .element("title", [], [.text(panel.summary)]),
                .element(
                    "rect",
                    [
                        Attribute("x", 0.5), Attribute("y", 0.5), Attribute("width", Double(width) - 1),
                        Attribute("height", Double(height) - 1), Attribute("rx", 6), Attribute("fill", Theme.background),
                        Attribute("stroke", Theme.border)
                    ]),
                body
            ])
        return root.rendered
    }

    /// The id prefix of a first rendering, replaced by the content hash afterwards.
    static let draftPrefix = "spk"

    /// 8 hex digits of the FNV-1a 64-bit hash of `text`'s UTF-8 bytes.
    static func fingerprint(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let folded = UInt32(truncatingIfNeeded: hash ^ (hash >> 32))
        let hex = String(folded, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }
}
