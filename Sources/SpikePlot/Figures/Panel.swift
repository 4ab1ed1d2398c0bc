/// What a panel needs while drawing: a prefix that makes the ids it defines unique per figure.
struct RenderContext {
    let idPrefix: String

    /// A document-unique id for a local name such as "clip".
    func id(_ local: String) -> String {
        idPrefix + "-" + local
    }

    /// The context of the `index`-th sub-panel (small multiples).
    func child(_ index: Int) -> RenderContext {
        RenderContext(idPrefix: idPrefix + "p" + String(index))
    }
}

/// A figure kind that can draw itself into a rectangle of the page and describe itself in text.
protocol Panel {
    /// The figure's own size in pixels when drawn alone.
    var size: (width: Int, height: Int) { get }
    /// The text/plain description of the figure.
    var summary: String { get }
    /// The figure's markup inside `frame`.
    func render(in frame: Rect, context: RenderContext) -> Markup
}

/// Pieces every panel shares: notes about skipped data, empty-data messages, clipping.
enum PanelParts {
    /// Height kept under a panel for its notes.
    static let noteHeight = 14.0

    /// Grey italic notes (e.g. "3 non-finite values skipped") along the panel's bottom edge.
    static func notes(_ notes: [String], in frame: Rect) -> Markup {
        guard !notes.isEmpty else { return .empty }
        let text = "⚠ " + notes.joined(separator: "; ")
        return .label(
            TextMetrics.fitted(text, width: frame.width - 20, fontSize: Theme.noteSize),
            x: frame.minX + 10, y: frame.maxY - 6, size: Theme.noteSize, color: Theme.warning, italic: true)
    }

    /// A panel with only its title and a centred `message` (used when there is nothing to draw).
    static func empty(title: String, message: String, in frame: Rect) -> Markup {
        var parts: [Markup] = []
        if !title.isEmpty {
            parts.append(
                .label(
                    TextMetrics.fitted(title, width: frame.width - 20, fontSize: Theme.titleSize, bold: true),
                    x: frame.midX, y: frame.minY + 10 + Theme.titleSize, anchor: .middle,
                    size: Theme.titleSize, color: Theme.ink, weight: 600))
        }
        parts.append(.label(message, x: frame.midX, y: frame.midY, anchor: .middle, size: Theme.labelSize, color: Theme.muted))
        return .group(parts)
    }

    /// A `<clipPath>` for `rect` (grown by `slack` px) with id `id`.
    static func clipPath(id: String, rect: Rect, slack: Double = 2) -> Markup {
        .element(
            "clipPath", [Attribute("id", id)],
            [
                .element(
                    "rect",
                    [
                        Attribute("x", rect.minX - slack), Attribute("y", rect.minY - slack),
                        Attribute("width", rect.width + 2 * slack), Attribute("height", rect.height + 2 * slack)
                    ])
            ])
    }

    /// "n non-finite values skipped" phrased for `count` (nil when zero).
    static func skippedNote(_ count: Int, what: String = "non-finite") -> String? {
        guard count > 0 else { return nil }
        return count == 1 ? "1 \(what) value skipped" : "\(count) \(what) values skipped"
    }

    /// A compact range for descriptions, e.g. "0.1 … 2.35".
    static func range(_ low: Double, _ high: Double) -> String {
        NumberFormat.significant(low, digits: 4) + " … " + NumberFormat.significant(high, digits: 4)
    }
}
