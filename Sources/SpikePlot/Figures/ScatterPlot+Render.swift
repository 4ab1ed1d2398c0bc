extension ScatterPlot: Panel {
    /// The grid (px) on which overlapping dots are drawn once: none up to 5 000 points, 1 px up
    /// to 20 000, then 3 px (half a dot), which bounds a cloud at one dot per 9 px² of plot.
    static func dedupeCell(count: Int) -> Double? {
        if count <= 5000 { return nil }
        return count <= 20_000 ? 1 : 3
    }

    var size: (width: Int, height: Int) {
        (max(160, width), max(120, height))
    }

    /// The showable points of each series, and how many were skipped.
    private var prepared: (points: [[(Double, Double)]], nonFinite: Int, nonPositive: Int) {
        var nonFinite = 0
        var nonPositive = 0
        let points = series.map { series in
            zip(series.x, series.y).filter { x, y in
                if xScale.canShow(x) && yScale.canShow(y) { return true }
                if x.isFinite && y.isFinite { nonPositive += 1 } else { nonFinite += 1 }
                return false
            }
        }
        return (points, nonFinite, nonPositive)
    }

    private func notes(_ nonFinite: Int, _ nonPositive: Int) -> [String] {
        [
            PanelParts.skippedNote(nonFinite),
            PanelParts.skippedNote(nonPositive, what: "non-positive").map { $0 + " (log axis)" }
        ].compactMap { $0 }
    }

    var summary: String {
        var text = "Scatter plot" + (title.isEmpty ? "" : " \"\(title)\"")
        let (points, nonFinite, nonPositive) = prepared
        let all = points.joined()
        guard let xLow = all.map(\.0).min(), let xHigh = all.map(\.0).max(),
            let yLow = all.map(\.1).min(), let yHigh = all.map(\.1).max()
        else { return text + ": no data" }
        let counts = zip(series, points).map { ($0.name.isEmpty ? "" : $0.name + ": ") + "\($1.count) points" }
        text +=
            ": " + counts.joined(separator: "; ") + "; x " + PanelParts.range(xLow, xHigh)
            + ", y " + PanelParts.range(yLow, yHigh)
        let notes = notes(nonFinite, nonPositive)
        if !notes.isEmpty { text += ". " + notes.joined(separator: "; ") }
        return text
    }

    func render(in frame: Rect, context: RenderContext) -> Markup {
        let (points, nonFinite, nonPositive) = prepared
        let notes = notes(nonFinite, nonPositive)
        let all = points.joined()
        guard let xLow = all.map(\.0).min(), let xHigh = all.map(\.0).max(),
            let yLow = all.map(\.1).min(), let yHigh = all.map(\.1).max()
        else {
            return .group([PanelParts.empty(title: title, message: "no data", in: frame), PanelParts.notes(notes, in: frame)])
        }
        let showLegend = series.count > 1 || series.contains { !$0.name.isEmpty }
        let legend = Legend(
            entries: showLegend
                ? series.enumerated().map {
                    Legend.Entry(
                        name: $1.name.isEmpty ? "—" : $1.name, color: Theme.seriesColor($0),
                        swatch: .marker(square: Theme.squareMarkers($0)))
                } : [])
        let axes = Axes.layout(
            in: frame, labels: PanelLabels(title: title, x: xLabel, y: yLabel),
            reserve: Reserve(right: legend.width, bottom: notes.isEmpty ? 0 : PanelParts.noteHeight),
            makeX: { length in
                Axes.fitTicks(length: length, spacing: Theme.xTickSpacing) { count in
                    xScale == .log
                        ? Axis.log(low: xLow, high: xHigh, maxTicks: count)
                        : Axis.linear(low: xLow, high: xHigh, padding: 0.05, maxTicks: count)
                }
            },
            makeY: { length in
                let count = max(2, min(10, Int(length / Theme.yTickSpacing)))
                return yScale == .log
                    ? Axis.log(low: yLow, high: yHigh, maxTicks: count)
                    : Axis.linear(low: yLow, high: yHigh, padding: 0.05, maxTicks: count)
            })
        let clipID = context.id("clip")
        let clouds = points.enumerated().map { index, cloud -> Markup in
            var path = PathData()
            var seen = Set<Int>()
            let cell = Self.dedupeCell(count: cloud.count)
            for (x, y) in cloud {
                let (sx, sy) = (axes.screenX(x), axes.screenY(y))
                guard sx.isFinite, sy.isFinite else { continue }
                if let cell {
                    let key = Int((sx / cell).rounded()) &* 100_003 &+ Int((sy / cell).rounded())
                    if !seen.insert(key).inserted { continue }
                }
                path.dot(sx, sy)
            }
            return .markers(
                path, color: Theme.seriesColor(index), square: Theme.squareMarkers(index), size: Theme.markerSize + 1,
                extra: [Attribute("stroke-opacity", "0.8"), Attribute("class", "points")], tooltip: series[index].name)
        }
        return .group([
            axes.grid(),
            .element("defs", [], [PanelParts.clipPath(id: clipID, rect: axes.plot, slack: 4)]),
            .g([Attribute("clip-path", "url(#\(clipID))")], clouds),
            axes.frame(),
            legend.render(x: axes.plot.maxX, y: axes.plot.minY, height: axes.plot.height),
            PanelParts.notes(notes, in: frame)
        ])
    }
}
