extension MembraneTrace: Panel {
    static let stripHeight = 22.0

    var size: (width: Int, height: Int) {
        (max(160, width), max(140, height))
    }

    /// The x value of step `index`; nil when `time` is given but too short or not finite.
    private func timeOf(_ index: Int) -> Double? {
        guard let time else { return Double(index) }
        guard index < time.count, time[index].isFinite else { return nil }
        return time[index]
    }

    private var spikeSteps: [Int] {
        spikes.indices.filter { spikes[$0] }
    }

    private var skipped: Int {
        membrane.indices.filter { !membrane[$0].isFinite || timeOf($0) == nil }.count
    }

    var summary: String {
        var text = "Membrane trace" + (title.isEmpty ? "" : " \"\(title)\"")
        let values = membrane.filter(\.isFinite)
        guard let low = values.min(), let high = values.max() else { return text + ": no data" }
        text += ": \(membrane.count) steps, membrane " + PanelParts.range(low, high)
        if let threshold { text += ", threshold " + NumberFormat.significant(threshold, digits: 4) }
        let steps = spikeSteps
        text += ", \(steps.count) spike" + (steps.count == 1 ? "" : "s")
        if !steps.isEmpty {
            let shown = steps.prefix(12).map(String.init).joined(separator: ", ")
            text += " at step" + (steps.count == 1 ? " " : "s ") + shown + (steps.count > 12 ? ", …" : "")
        }
        if let note = PanelParts.skippedNote(skipped) { text += ". " + note }
        return text
    }

    func render(in frame: Rect, context: RenderContext) -> Markup {
        let notes = [PanelParts.skippedNote(skipped)].compactMap { $0 }
        var segments: [[(Double, Double)]] = [[]]
        var xs: [Double] = [], ys: [Double] = []
        for (index, value) in membrane.enumerated() {
            guard value.isFinite, let x = timeOf(index) else {
                if !(segments.last?.isEmpty ?? true) { segments.append([]) }
                continue
            }
            segments[segments.count - 1].append((x, value))
            xs.append(x)
            ys.append(value)
        }
        let spikeXs = spikeSteps.compactMap(timeOf)
        xs.append(contentsOf: spikeXs)
        if let threshold, threshold.isFinite { ys.append(threshold) }
        if !ys.isEmpty { ys.append(0) }  // the resting potential, so resets read as drops to rest
        guard let xLow = xs.min(), let xHigh = xs.max(), let yLow = ys.min(), let yHigh = ys.max() else {
            return .group([PanelParts.empty(title: title, message: "no data", in: frame), PanelParts.notes(notes, in: frame)])
        }
        var entries = [Legend.Entry(name: "membrane", color: Theme.seriesColor(0), swatch: .line)]
        if threshold != nil { entries.append(Legend.Entry(name: "threshold", color: Theme.seriesColor(1), swatch: .dashed)) }
        if !spikeXs.isEmpty { entries.append(Legend.Entry(name: "spike", color: Theme.ink, swatch: .tick)) }
        let legend = Legend(entries: entries)
        let wholeSteps = xs.allSatisfy { $0 == $0.rounded() }
        let axes = Axes.layout(
            in: frame, labels: PanelLabels(title: title, x: xLabel, y: yLabel),
            reserve: Reserve(top: Self.stripHeight, right: legend.width, bottom: notes.isEmpty ? 0 : PanelParts.noteHeight),
            makeX: { length in
                Axes.fitTicks(length: length, spacing: Theme.xTickSpacing) { count in
                    Axis.linear(low: xLow, high: xHigh, maxTicks: count, integerSteps: wholeSteps)
                }
            },
            makeY: { length in
                Axis.linear(low: yLow, high: yHigh, padding: 0.05, maxTicks: max(2, min(10, Int(length / Theme.yTickSpacing))))
            })
        let clipID = context.id("clip")
        return .group([
            axes.grid(),
            .element("defs", [], [PanelParts.clipPath(id: clipID, rect: axes.plot)]),
            .g([Attribute("clip-path", "url(#\(clipID))")], [
                thresholdLine(axes: axes),
                membraneLine(segments, axes: axes),
            ]),
            spikeStrip(spikeXs, axes: axes),
            axes.frame(),
            legend.render(x: axes.plot.maxX, y: axes.plot.minY, height: axes.plot.height),
            PanelParts.notes(notes, in: frame),
        ])
    }

    private func membraneLine(_ segments: [[(Double, Double)]], axes: Axes) -> Markup {
        var path = PathData()
        let total = segments.reduce(0) { $0 + $1.count }
        let thin = Double(total) > axes.plot.width * 2
        for segment in segments where !segment.isEmpty {
            let screen = segment.map { ScreenPoint(x: axes.screenX($0.0), y: axes.screenY($0.1)) }
            let drawn = thin ? Decimation.minMaxPerColumn(screen) : screen
            if drawn.count == 1, let only = drawn.first {
                path.dot(only.x, only.y)
                continue
            }
            for (index, point) in drawn.enumerated() {
                if index == 0 { path.move(point.x, point.y) } else { path.line(point.x, point.y) }
            }
        }
        return .stroke(path, color: Theme.seriesColor(0), width: Theme.lineWidth, extra: [
            Attribute("stroke-linejoin", "round"), Attribute("stroke-linecap", "round"), Attribute("class", "membrane"),
        ])
    }

    private func thresholdLine(axes: Axes) -> Markup {
        guard let threshold, threshold.isFinite else { return .empty }
        var path = PathData()
        path.move(axes.plot.minX, axes.screenY(threshold))
        path.horizontal(axes.plot.width)
        return .stroke(path, color: Theme.seriesColor(1), width: 1.5, extra: [
            Attribute("stroke-dasharray", "6 4"), Attribute("class", "threshold"),
        ])
    }

    /// Spike ticks in a strip between the title and the plot, labelled "spikes"; more ticks
    /// than the plot has pixel columns are thinned to one per column (see `Decimation`).
    private func spikeStrip(_ times: [Double], axes: Axes) -> Markup {
        guard !times.isEmpty else { return .empty }
        let top = axes.plot.minY - Self.stripHeight + 4
        let height = Self.stripHeight - 10
        let screen = times.map(axes.screenX)
        let drawn = Double(screen.count) > axes.plot.width ? Decimation.ticksPerColumn(screen) : screen
        var path = PathData()
        for x in drawn {
            path.move(x, top)
            path.vertical(height)
        }
        return .group([
            .stroke(path, color: Theme.ink, width: 1.5, extra: [Attribute("class", "spike-marks")]),
            .label("spikes", x: axes.plot.minX - Theme.tickLength - 3, y: top + height / 2 + Theme.fontSize * 0.35,
                   anchor: .end, color: Theme.muted),
        ])
    }
}
