/// The key beside a plot: one swatch and name per series, stacked to the right of the axes.
struct Legend {
    /// How an entry's swatch is drawn.
    enum Swatch {
        case line
        /// A line with a dash pattern such as "7 3".
        case pattern(String)
        case dashed
        /// A line (dashed by `dash` when given) with a marker in its middle.
        case markedLine(dash: String?, square: Bool)
        /// A marker: a round dot, or a square when `square`.
        case marker(square: Bool)
        case block
        case tick
    }

    struct Entry {
        let name: String
        let color: String
        let swatch: Swatch
    }

    static let nameLimit = 28
    static let rowHeight = 18.0
    static let swatchWidth = 20.0

    let entries: [Entry]

    /// The horizontal room the legend needs, including its gap to the plot.
    var width: Double {
        guard !entries.isEmpty else { return 0 }
        let widest =
            entries.map {
                TextMetrics.width(TextMetrics.truncated($0.name, limit: Legend.nameLimit), fontSize: Theme.fontSize)
            }.max() ?? 0
        return 14 + Legend.swatchWidth + 6 + widest + 6
    }

    /// The legend's markup with its top-left corner at (x, y), cut to rows that fit `height`.
    func render(x: Double, y: Double, height: Double) -> Markup {
        let fitting = max(1, Int(height / Legend.rowHeight))
        let shown = entries.count > fitting ? Array(entries.prefix(fitting - 1)) : entries
        var rows: [Markup] = []
        for (index, entry) in shown.enumerated() {
            let midY = y + Legend.rowHeight * (Double(index) + 0.5)
            rows.append(swatch(entry, x: x + 14, midY: midY))
            rows.append(
                .label(
                    TextMetrics.truncated(entry.name, limit: Legend.nameLimit),
                    x: x + 14 + Legend.swatchWidth + 6, y: midY + Theme.fontSize * 0.35, color: Theme.ink))
        }
        if shown.count < entries.count {
            let midY = y + Legend.rowHeight * (Double(shown.count) + 0.5)
            rows.append(
                .label(
                    "… \(entries.count - shown.count) more", x: x + 14, y: midY + Theme.fontSize * 0.35, color: Theme.muted))
        }
        return .g([Attribute("class", "legend")], rows)
    }

    private func swatch(_ entry: Entry, x: Double, midY: Double) -> Markup {
        var path = PathData()
        switch entry.swatch {
        case .line, .dashed, .pattern:
            path.move(x, midY)
            path.horizontal(Legend.swatchWidth)
            var dash: [Attribute] = []
            if case .pattern(let pattern) = entry.swatch { dash = [Attribute("stroke-dasharray", pattern)] }
            if case .dashed = entry.swatch { dash = [Attribute("stroke-dasharray", "5 3")] }
            return .stroke(path, color: entry.color, width: Theme.lineWidth, extra: dash)
        case .markedLine(let dash, let square):
            path.move(x, midY)
            path.horizontal(Legend.swatchWidth)
            var dot = PathData()
            dot.dot(x + Legend.swatchWidth / 2, midY)
            return .group([
                .stroke(path, color: entry.color, width: Theme.lineWidth, extra: dash.map { [Attribute("stroke-dasharray", $0)] } ?? []),
                .markers(dot, color: entry.color, square: square, size: Theme.markerSize)
            ])
        case .marker(let square):
            path.dot(x + Legend.swatchWidth / 2, midY)
            return .markers(path, color: entry.color, square: square, size: Theme.markerSize + 1)
        case .block:
            return .element(
                "rect",
                [
                    Attribute("x", x + 3), Attribute("y", midY - 5), Attribute("width", Legend.swatchWidth - 6),
                    Attribute("height", 10), Attribute("fill", entry.color)
                ])
        case .tick:
            path.move(x + Legend.swatchWidth / 2, midY - 5)
            path.vertical(10)
            return .stroke(path, color: entry.color, width: 1.5)
        }
    }
}
