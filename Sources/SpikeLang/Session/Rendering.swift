/// A value ready to show: text always, plus SVG for figures and HTML for tables and tensors.
///
/// `plain` is `text/plain`, `svg` is `image/svg+xml`, `html` is `text/html`; the kernel
/// adapter turns these into a MIME bundle.
public struct Rendering: Equatable, Sendable {
    public var plain: String
    public var svg: String?
    public var html: String?

    public init(plain: String, svg: String? = nil, html: String? = nil) {
        self.plain = plain
        self.svg = svg
        self.html = html
    }
}
