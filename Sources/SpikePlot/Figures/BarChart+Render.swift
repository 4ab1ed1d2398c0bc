extension BarChart: Panel {
    var size: (width: Int, height: Int) {
        (max(160, width), max(120, height))
    }

    /// The value of `series` at `category`, nil when missing or not finite.
    private func value(_ series: Series, _ category: Int) -> Double? {
        guard category < series.values.count, series.values[category].isFinite else { return nil }
        return series.values[category]
    }

    /// The error of `series` at `category`, nil when missing or not finite.
    private func error(_ series: Series, _ category: Int) -> Double? {
        guard let errors = series.errors, category < errors.count, errors[category].isFinite else { return nil }
        return abs(errors[category])
    }

    private var skipped: Int {
        series.reduce(0) { total, series in
            total + series.values.prefix(categories.count).filter { !$0.isFinite }.count
        }
    }

    var summary: String {
        var text = "Bar chart" + (title.isEmpty ? "" : " \"\(title)\"")
        guard !categories.isEmpty, !series.isEmpty else { return text + ": no data" }
        text += ": \(categories.count) categories × \(series.count) series"
        let rows = series.map { series -> String in
            let values = categories.indices.map { index -> String in
                guard let value = value(series, index) else { return "–" }
                let error = error(series, index).map { " ± " + NumberFormat.significant($0, digits: 2) } ?? ""
                return NumberFormat.significant(value, digits: 4) + error
            }
            let pairs = zip(categories, values).prefix(12).map { "\($0) \($1)" }.joined(separator: ", ")
            return (series.name.isEmpty ? "" : series.name + ": ") + pairs + (categories.count > 12 ? ", …" : "")
        }
        text += " — " + rows.joined(separator: "; ")
        if let note = PanelParts.skippedNote(skipped) { text += ". " + note }
        return text
    }

    func render(in frame: Rect, context: RenderContext) -> Markup {
        let notes = [PanelParts.skippedNote(skipped)].compactMap { $0 }
        var low = 0.0
        var high = 0.0
        var any = false
        for series in series {
            for index in categories.indices {
                guard let value = value(series, index) else { continue }
                let error = error(series, index) ?? 0
                low = min(low, value - error)
                high = max(high, value + error)
                any = true
            }
        }
        guard any else {
            return .group([PanelParts.empty(title: title, message: "no data", in: frame), PanelParts.notes(notes, in: frame)])
        }
        let showLegend = series.count > 1 || series.contains { !$0.name.isEmpty }
        let legend = Legend(
            entries: showLegend
                ? series.enumerated().map {
                    Legend.Entry(name: $1.name.isEmpty ? "—" : $1.name, color: Theme.seriesColor($0), swatch: .block)
                } : [])
        let count = categories.count
        let axes = Axes.layout(
            in: frame, labels: PanelLabels(title: title, x: xLabel, y: yLabel),
            reserve: Reserve(right: legend.width, bottom: notes.isEmpty ? 0 : PanelParts.noteHeight),
            makeX: { length in Self.categoryAxis(categories, length: length) },
            makeY: { length in
                let axis = Axis.linear(low: low, high: high, maxTicks: max(2, min(10, Int(length / Theme.yTickSpacing))))
                let span = high - low
                return Axis(
                    scale: .linear, lower: low < 0 ? low - 0.05 * span : 0,
                    upper: high > 0 ? high + 0.05 * span : 0, ticks: axis.ticks)
            })
        let slot = axes.plot.width / Double(max(1, count))
        let barWidth = slot * 0.8 / Double(series.count)
        let zero = axes.screenY(0)
        var layers: [Markup] = []
        var whiskers: [Markup] = []
        for (seriesIndex, series) in series.enumerated() {
            var bars = PathData()
            var errors = PathData()
            for category in 0..<count {
                guard let value = value(series, category) else { continue }
                let left = axes.screenX(Double(category)) - slot * 0.4 + barWidth * Double(seriesIndex)
                let top = axes.screenY(value)
                bars.move(left, zero)
                bars.vertical(top - zero)
                bars.horizontal(max(0.5, barWidth - 1))
                bars.vertical(zero - top)
                bars.close()
                if let error = error(series, category), error > 0 {
                    let middle = left + barWidth / 2
                    let cap = min(8, barWidth * 0.5)
                    let (upper, lower) = (axes.screenY(value + error), axes.screenY(value - error))
                    errors.move(middle, upper)
                    errors.vertical(lower - upper)
                    errors.move(middle - cap / 2, upper)
                    errors.horizontal(cap)
                    errors.move(middle - cap / 2, lower)
                    errors.horizontal(cap)
                }
            }
            layers.append(
                .element(
                    "path",
                    [
                        Attribute("d", bars.text), Attribute("fill", Theme.seriesColor(seriesIndex)), Attribute("class", "bars")
                    ], series.name.isEmpty ? [] : [.element("title", [], [.text(series.name)])]))
            whiskers.append(.stroke(errors, color: Theme.ink, width: 1.2, extra: [Attribute("class", "error-bars")]))
        }
        var zeroLine = PathData()
        if low < 0 {
            zeroLine.move(axes.plot.minX, crisp(zero))
            zeroLine.horizontal(axes.plot.width)
        }
        return .group([
            axes.grid(vertical: false),
            .group(layers),
            .group(whiskers),
            .stroke(zeroLine, color: Theme.axis, width: 1),
            axes.frame(),
            legend.render(x: axes.plot.maxX, y: axes.plot.minY, height: axes.plot.height),
            PanelParts.notes(notes, in: frame)
        ])
    }

    /// One tick per category (every n-th when crowded), labels cut to fit their slot.
    static func categoryAxis(_ categories: [String], length: Double) -> Axis {
        let count = max(1, categories.count)
        let slot = length / Double(count)
        let every = max(1, Int((30 / slot).rounded(.up)))
        let limit = max(3, Int(slot * Double(every) / (Theme.fontSize * 0.6)))
        let ticks = categories.enumerated().compactMap { index, name -> Tick? in
            guard index % every == 0 else { return nil }
            return Tick(value: Double(index), label: TextMetrics.truncated(name, limit: limit))
        }
        return Axis(scale: .linear, lower: -0.5, upper: Double(count) - 0.5, ticks: ticks)
    }
}
