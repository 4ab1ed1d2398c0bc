/// Small multiples: several figures laid out in a grid of equal panels under one title.
///
///     FigureGrid(panels: [.line(loss), .raster(spikes), .heatmap(pe)], columns: 2, title: "Run 3")
///
/// Each panel is drawn at `panelWidth` × `panelHeight` with its own axes and legend; ids stay
/// unique because every panel gets its own id prefix. At most `maxPanels` are drawn (and
/// listed in the text form); a note says how many more there were, so a list of a million
/// figures shows as a readable grid instead of a gigabyte of SVG.
public struct FigureGrid: Sendable {
    public var panels: [Figure]
    /// Panels per row (at least 1).
    public var columns: Int
    public var title: String
    public var panelWidth = 320
    public var panelHeight = 240
    /// The most panels drawn; the rest are counted in a note.
    public var maxPanels = 100

    public init(panels: [Figure], columns: Int = 2, title: String = "") {
        self.panels = panels
        self.columns = columns
        self.title = title
    }
}

extension FigureGrid: SVGFigure {
    public var figure: Figure {
        .grid(self)
    }
}

extension FigureGrid: Panel {
    /// The panels drawn: the first `maxPanels`.
    private var shown: ArraySlice<Figure> {
        panels.prefix(max(1, maxPanels))
    }

    /// "first 100 of 5000 panels shown", or nil when every panel is drawn.
    private var omittedNote: String? {
        panels.count > shown.count ? "first \(shown.count) of \(panels.count) panels shown" : nil
    }

    private var columnCount: Int {
        max(1, min(columns, max(1, shown.count)))
    }

    private var rowCount: Int {
        (shown.count + columnCount - 1) / columnCount
    }

    private var titleHeight: Double {
        title.isEmpty ? 0 : Theme.titleSize + 16
    }

    private var noteHeight: Double {
        omittedNote == nil ? 0 : PanelParts.noteHeight
    }

    var size: (width: Int, height: Int) {
        (max(160, columnCount * panelWidth), max(100, rowCount * panelHeight + Int(titleHeight + noteHeight)))
    }

    var summary: String {
        var text = "Grid" + (title.isEmpty ? "" : " \"\(title)\"")
        guard !panels.isEmpty else { return text + ": no panels" }
        text += " of \(panels.count) panels (\(rowCount) × \(columnCount)\(omittedNote.map { ", " + $0 } ?? ""))"
        let lines = shown.enumerated().map { "\n  \($0 + 1). " + $1.description }
        return text + ":" + lines.joined()
    }

    func render(in frame: Rect, context: RenderContext) -> Markup {
        guard !panels.isEmpty else { return PanelParts.empty(title: title, message: "no panels", in: frame) }
        let cellWidth = frame.width / Double(columnCount)
        let cellHeight = (frame.height - titleHeight - noteHeight) / Double(rowCount)
        var parts: [Markup] = []
        if !title.isEmpty {
            parts.append(
                .label(
                    TextMetrics.fitted(title, width: frame.width - 20, fontSize: Theme.titleSize, bold: true), x: frame.midX,
                    y: frame.minY + 10 + Theme.titleSize, anchor: .middle,
                    size: Theme.titleSize, color: Theme.ink, weight: 600))
        }
        for (index, figure) in shown.enumerated() {
            let cell = Rect(
                x: frame.minX + Double(index % columnCount) * cellWidth,
                y: frame.minY + titleHeight + Double(index / columnCount) * cellHeight,
                width: cellWidth, height: cellHeight)
            parts.append(.g([Attribute("class", "panel")], [figure.panel.render(in: cell, context: context.child(index))]))
        }
        if let omittedNote { parts.append(PanelParts.notes([omittedNote], in: frame)) }
        return .group(parts)
    }
}
