/// A value shown as an SVG document and described as text: every figure kind and `Figure`.
///
///     LinePlot(y: [1, 4, 9]).svg()          // image/svg+xml
///     LinePlot(y: [1, 4, 9]).description    // text/plain
///
/// A conformer gives only `figure`, itself wrapped as a `Figure`; `svg()`, `svg(idToken:)` and
/// `description` are shared defaults that draw and describe that figure's panel.
public protocol SVGFigure: CustomStringConvertible, Sendable {
    /// This figure as a `Figure` value.
    var figure: Figure { get }
}

extension SVGFigure {
    /// The figure as a standalone SVG document (ids derived from a hash of its content).
    public func svg() -> String {
        SVGDocument.render(figure.panel, idToken: nil)
    }

    /// The figure as SVG with element ids prefixed by `idToken`, e.g. a per-display counter, so
    /// that two displays of the same figure on one page still have distinct ids.
    public func svg(idToken: String) -> String {
        SVGDocument.render(figure.panel, idToken: idToken)
    }

    /// The text/plain description of the figure (its panel's summary).
    public var description: String {
        figure.panel.summary
    }
}
