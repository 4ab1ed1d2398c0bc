import Foundation

extension Heatmap: Panel {
    static let levels = 64
    static let maxBlocks = 120
    static let barWidth = 14.0

    var size: (width: Int, height: Int) {
        let (rows, columns) = shape
        let aspect = columns > 0 ? Double(rows) / Double(columns) : 1
        let automatic = Int(min(560, max(240, 520 * aspect + 80)))
        return (max(200, width), max(160, height ?? automatic))
    }

    /// The least and greatest finite values (nil when there are none), in one pass over the cells without copying them (a 10⁴ × 10⁴ matrix is 800 MB).
    private var extremes: (low: Double, high: Double)? {
        var low = Double.infinity
        var high = -Double.infinity
        for row in matrix {
            for value in row where value.isFinite {
                low = min(low, value)
                high = max(high, value)
            }
        }
        return low <= high ? (low, high) : nil
    }

    private var nonFiniteCount: Int {
        matrix.reduce(0) { count, row in row.reduce(count) { $1.isFinite ? $0 : $0 + 1 } }
    }

    /// The value range shown: `range`, else the data's, centred on zero for a diverging map.
    private func valueRange() -> (low: Double, high: Double, map: ColorMap)? {
        guard let (low, high) = extremes else { return nil }
        var (from, to) = (low, high)
        if let range, range.lowerBound.isFinite, range.upperBound.isFinite { (from, to) = (range.lowerBound, range.upperBound) }
        let map = colorMap.resolved(low: from, high: to)
        if range == nil, map == .diverging, (to - from).isFinite {
            let extent = max(abs(from), abs(to))
            (from, to) = (-extent, extent)
        }
        if from == to { (from, to) = (from - 0.5, to + 0.5) }
        return (from, to, map)
    }

    var summary: String {
        var text = "Heatmap" + (title.isEmpty ? "" : " \"\(title)\"")
        let (rows, columns) = shape
        guard rows > 0, columns > 0, let (low, high) = extremes else { return text + ": no data" }
        text += ": \(rows) × \(columns), values " + PanelParts.range(low, high)
        if let note = PanelParts.skippedNote(nonFiniteCount) { text += ". " + note }
        return text
    }

    func render(in frame: Rect, context: RenderContext) -> Markup {
        let notes = [PanelParts.skippedNote(nonFiniteCount).map { $0 + " (left blank)" }].compactMap { $0 }
        let (rows, columns) = shape
        guard rows > 0, columns > 0, let (low, high, map) = valueRange() else {
            return .group([PanelParts.empty(title: title, message: "no data", in: frame), PanelParts.notes(notes, in: frame)])
        }
        let barAxis = Axis.linear(low: low, high: high, maxTicks: 5)
        let barRoom = 14 + Self.barWidth + Theme.tickLength + 4 + barAxis.widestLabel + (valueLabel.isEmpty ? 0 : Theme.labelSize + 8)
        let axes = Axes.layout(
            in: frame, labels: PanelLabels(title: title, x: xLabel, y: yLabel),
            reserve: Reserve(right: barRoom, bottom: notes.isEmpty ? 0 : PanelParts.noteHeight), yDownwards: true,
            makeX: { length in Self.indexAxis(count: columns, labels: columnLabels, length: length, vertical: false) },
            makeY: { length in Self.indexAxis(count: rows, labels: rowLabels, length: length, vertical: true) })
        let blocks = BlockGrid(rows: rows, columns: columns, plot: axes.plot, limit: Self.maxBlocks)
        let means = blocks.means(of: matrix)
        var paths = Array(repeating: PathData(), count: Self.levels)
        for blockRow in 0..<blocks.rows {
            var blockColumn = 0
            while blockColumn < blocks.columns {
                let value = means[blockRow][blockColumn]
                guard value.isFinite else {
                    blockColumn += 1
                    continue
                }
                let level = Self.level(value, low: low, high: high)
                var end = blockColumn + 1
                while end < blocks.columns, means[blockRow][end].isFinite,
                    Self.level(means[blockRow][end], low: low, high: high) == level
                {
                    end += 1
                }
                // Edges snapped to whole pixels so neighbouring cells share them exactly.
                let x0 = axes.screenX(blocks.columnStart(blockColumn) - 0.5).rounded()
                let x1 = axes.screenX(blocks.columnStart(end) - 0.5).rounded()
                let y0 = axes.screenY(blocks.rowStart(blockRow) - 0.5).rounded()
                let y1 = axes.screenY(blocks.rowStart(blockRow + 1) - 0.5).rounded()
                guard x1 > x0, y1 > y0 else {
                    blockColumn = end
                    continue
                }
                paths[level].move(x0, y0)
                paths[level].horizontal(x1 - x0)
                paths[level].vertical(y1 - y0)
                paths[level].horizontal(x0 - x1)
                paths[level].close()
                blockColumn = end
            }
        }
        let cells = paths.enumerated().map { level, path in
            Markup.fill(path, color: map.color(at: (Double(level) + 0.5) / Double(Self.levels)))
        }
        return .group([
            .g([Attribute("class", "cells"), Attribute("shape-rendering", "crispEdges")], cells),
            annotations(blocks: blocks, means: means, axes: axes, range: (low, high), map: map),
            axes.frame(),
            colorBar(axis: barAxis, map: map, axes: axes, context: context),
            PanelParts.notes(notes, in: frame)
        ])
    }

    /// The value of each cell written in it, light on dark colours, when `annotate` asks or
    /// (by default) for at most 12 × 12 unaggregated cells roomy enough for the text.
    private func annotations(blocks: BlockGrid, means: [[Double]], axes: Axes, range: (Double, Double), map: ColorMap) -> Markup {
        let aggregated = blocks.rows < blocks.sourceRows || blocks.columns < blocks.sourceColumns
        let cellWidth = axes.plot.width / Double(blocks.columns)
        let cellHeight = axes.plot.height / Double(blocks.rows)
        let automatic = !aggregated && blocks.rows * blocks.columns <= 144 && cellWidth >= 32 && cellHeight >= 18
        guard annotate ?? automatic else { return .empty }
        var texts: [Markup] = []
        for (row, values) in means.enumerated() {
            for (column, value) in values.enumerated() where value.isFinite {
                let fraction = (Double(Self.level(value, low: range.0, high: range.1)) + 0.5) / Double(Self.levels)
                texts.append(
                    .label(
                        NumberFormat.significant(value, digits: 3),
                        x: axes.plot.minX + (Double(column) + 0.5) * cellWidth,
                        y: axes.plot.minY + (Double(row) + 0.5) * cellHeight + Theme.fontSize * 0.35,
                        anchor: .middle, size: Theme.noteSize, color: map.isDark(at: fraction) ? "#ffffff" : Theme.ink))
            }
        }
        return .g([Attribute("class", "annotations")], texts)
    }

    /// Integer ticks for row or column indices, the domain covering whole cells.
    /// Ticks for `count` rows or columns: every k-th of `labels` (cut to 24 characters; missing
    /// ones numbered), or nice integer indices when there are no labels.
    static func indexAxis(count: Int, labels: [String]?, length: Double, vertical: Bool) -> Axis {
        let domain = (lower: -0.5, upper: Double(count) - 0.5)
        let fitted = Axes.fitTicks(length: length, spacing: vertical ? 28 : 60, vertical: vertical) { maxTicks in
            guard let labels else {
                let numbered = Axis.linear(low: 0, high: Double(max(1, count - 1)), maxTicks: maxTicks, integerSteps: true)
                return Axis(scale: .linear, lower: domain.lower, upper: domain.upper, ticks: numbered.ticks)
            }
            let every = max(1, Int((Double(count) / Double(max(1, maxTicks))).rounded(.up)))
            let ticks = stride(from: 0, to: count, by: every).map { index in
                Tick(value: Double(index), label: index < labels.count ? TextMetrics.truncated(labels[index], limit: 24) : String(index))
            }
            return Axis(scale: .linear, lower: domain.lower, upper: domain.upper, ticks: ticks)
        }
        return Axis(
            scale: .linear, lower: domain.lower, upper: domain.upper,
            ticks: fitted.ticks.filter { $0.value >= 0 && $0.value < Double(count) })
    }

    /// The colour level (0 ..< levels) of `value` in `low...high`.
    static func level(_ value: Double, low: Double, high: Double) -> Int {
        let fraction = (value - low) / (high - low)
        guard fraction.isFinite else { return fraction > 0 ? levels - 1 : 0 }
        return min(levels - 1, max(0, Int(fraction * Double(levels))))
    }

    /// The colour bar right of the plot: a gradient with ticks and an optional caption.
    private func colorBar(axis: Axis, map: ColorMap, axes: Axes, context: RenderContext) -> Markup {
        let gradientID = context.id("colorbar")
        let x = axes.plot.maxX + 14
        let bar = Rect(x: x, y: axes.plot.minY, width: Self.barWidth, height: axes.plot.height)
        let stops = map.stops.enumerated().map { index, color in
            Markup.element(
                "stop",
                [
                    Attribute("offset", NumberFormat.significant(Double(index) / Double(map.stops.count - 1), digits: 4)),
                    Attribute("stop-color", color)
                ])
        }
        var ticks = PathData()
        var labels: [Markup] = []
        for tick in axis.ticks {
            let y = crisp(bar.maxY - axis.fraction(tick.value) * bar.height)
            ticks.move(bar.maxX, y)
            ticks.horizontal(Theme.tickLength)
            labels.append(.label(tick.label, x: bar.maxX + Theme.tickLength + 3, y: y + Theme.fontSize * 0.35))
        }
        if !valueLabel.isEmpty {
            let labelX = bar.maxX + Theme.tickLength + 4 + axis.widestLabel + 6 + Theme.labelSize * 0.8
            labels.append(
                .label(
                    valueLabel, x: labelX, y: bar.midY, anchor: .middle, size: Theme.labelSize,
                    color: Theme.ink, rotated: true))
        }
        return .g(
            [Attribute("class", "colorbar")],
            [
                .element(
                    "defs", [],
                    [
                        .element(
                            "linearGradient",
                            [
                                Attribute("id", gradientID), Attribute("x1", "0"), Attribute("y1", "1"),
                                Attribute("x2", "0"), Attribute("y2", "0")
                            ], stops)
                    ]),
                .element(
                    "rect",
                    [
                        Attribute("x", bar.minX), Attribute("y", bar.minY), Attribute("width", bar.width),
                        Attribute("height", bar.height), Attribute("fill", "url(#\(gradientID))"),
                        Attribute("stroke", Theme.axis), Attribute("stroke-width", 0.5)
                    ]),
                .stroke(ticks, color: Theme.axis, width: 1),
                .g([], labels)
            ])
    }
}
