/// A value ready to show: text always, plus SVG for figures, HTML for tables and tensors,
/// and Markdown for `markdown(…)` values.
///
/// `plain` is `text/plain`, `svg` is `image/svg+xml`, `html` is `text/html`, `markdown` is
/// `text/markdown`; the kernel adapter turns these into a MIME bundle.
public struct Rendering: Equatable, Sendable {
    public var plain: String
    public var svg: String?
    public var html: String?
    public var markdown: String?
    /// The figure as PNG (`image/png`), when `%figure_format` asks for it.
    public var png: PNGImage?

    public init(plain: String, svg: String? = nil, html: String? = nil, markdown: String? = nil) {
        self.plain = plain
        self.svg = svg
        self.html = html
        self.markdown = markdown
    }

    /// A figure as PNG bytes, and the size to show it at in CSS pixels (the image has twice
    /// as many pixels each way).
    public struct PNGImage: Equatable, Sendable {
        public var bytes: [UInt8]
        public var width: Int
        public var height: Int
    }
}
