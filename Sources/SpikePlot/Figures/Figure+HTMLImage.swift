import Foundation

extension Figure {
    /// The figure as an HTML `<img>` whose source is the SVG document as a base64 data URI,
    /// with the text description as its `alt`.
    ///
    /// Use it where a figure sits inside HTML (a table with its chart): notebook frontends
    /// sanitize the HTML of untrusted notebooks, which removes inline `<svg>` and renames ids,
    /// but keep an image. About 4/3 the size of `svg()`.
    public func htmlImage() -> String {
        let source = "data:image/svg+xml;base64," + Data(svg().utf8).base64EncodedString()
        let (width, height) = size
        return Markup.element(
            "img",
            [
                Attribute("src", source), Attribute("alt", description),
                Attribute("width", width), Attribute("height", height)
            ]
        ).rendered
    }
}
