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

    /// Whether step `index` is drawn on the line: a finite value at a known time.
    private func isDrawn(_ index: Int) -> Bool {
        membrane[index].isFinite && timeOf(index) != nil
    }

    private var skipped: Int {
        var count = 0
        for index in membrane.indices where !isDrawn(index) { count += 1 }
        return count
    }

    var summary: String {
        var text = "Membrane trace" + (title.isEmpty ? "" : " \"\(title)\"")
        var low = Double.infinity
        var high = -Double.infinity
        for value in membrane where value.isFinite {
            low = min(low, value)
            high = max(high, value)
        }
        guard low <= high else { return text + ": no data" }
        text += ": \(membrane.count) steps, membrane " + PanelParts.range(low, high)
        if let threshold { text += ", threshold " + NumberFormat.significant(threshold, digits: 4) }
        var count = 0
        var shown: [Int] = []
        for (step, spiked) in spikes.enumerated() where spiked {
            count += 1
            if shown.count < 13 { shown.append(step) }
        }
        text += ", \(count) spike" + (count == 1 ? "" : "s")
        if count > 0 {
            let listed = shown.prefix(12).map(String.init).joined(separator: ", ")
            text += " at step" + (count == 1 ? " " : "s ") + listed + (count > 12 ? ", …" : "")
        }
        if let note = PanelParts.skippedNote(skipped) { text += ". " + note }
        return text
    }

    /// What the axes must show, found in one pass without copying the steps.
    private struct Extent {
        var xLow = Double.infinity, xHigh = -Double.infinity
        var yLow = Double.infinity, yHigh = -Double.infinity
        /// How many steps the line draws.
        var points = 0
        var wholeSteps = true

        mutating func include(x: Double) {
            xLow = min(xLow, x)
            xHigh = max(xHigh, x)
            wholeSteps = wholeSteps && x == x.rounded()
        }

        mutating func include(y: Double) {
            yLow = min(yLow, y)
            yHigh = max(yHigh, y)
        }
    }

    func render(in frame: Rect, context: RenderContext) -> Markup {
        let notes = [PanelParts.skippedNote(skipped)].compactMap { $0 }
        var extent = Extent()
        for (index, value) in membrane.enumerated() {
            guard value.isFinite, let x = timeOf(index) else { continue }
            extent.include(x: x)
            extent.include(y: value)
            extent.points += 1
        }
        let spikeXs = spikeSteps.compactMap(timeOf)
        for x in spikeXs { extent.include(x: x) }
        let hasValues = extent.points > 0 || (threshold?.isFinite ?? false)
        if let threshold, threshold.isFinite { extent.include(y: threshold) }
        if hasValues { extent.include(y: 0) }  // the resting potential, so resets read as drops to rest
        guard extent.xLow <= extent.xHigh, hasValues else {
            return .group([PanelParts.empty(title: title, message: "no data", in: frame), PanelParts.notes(notes, in: frame)])
        }
        let (xLow, xHigh, yLow, yHigh) = (extent.xLow, extent.xHigh, extent.yLow, extent.yHigh)
        var entries = [Legend.Entry(name: "membrane", color: Theme.seriesColor(0), swatch: .line)]
        if threshold != nil { entries.append(Legend.Entry(name: "threshold", color: Theme.seriesColor(1), swatch: .dashed)) }
        if !spikeXs.isEmpty { entries.append(Legend.Entry(name: "spike", color: Theme.ink, swatch: .tick)) }
        let legend = Legend(entries: entries)
        let wholeSteps = extent.wholeSteps
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
            .g(
                [Attribute("clip-path", "url(#\(clipID))")],
                [
                    thresholdLine(axes: axes),
                    membraneLine(axes: axes, points: extent.points)
                ]),
            spikeStrip(spikeXs, axes: axes),
            axes.frame(),
            legend.render(x: axes.plot.maxX, y: axes.plot.minY, height: axes.plot.height),
            PanelParts.notes(notes, in: frame)
        ])
    }

    /// The membrane line, broken where a step is not drawn; with more than two `points` per
    /// pixel column it is thinned (see `Decimation`) as the steps stream by, so a long trace
    /// never holds all its screen points at once.
    private func membraneLine(axes: Axes, points: Int) -> Markup {
        var line = StreamedLine(thin: Double(points) > axes.plot.width * 2)
        for (index, value) in membrane.enumerated() {
            guard value.isFinite, let x = timeOf(index) else {
                line.endSegment()
                continue
            }
            line.add(ScreenPoint(x: axes.screenX(x), y: axes.screenY(value)))
        }
        line.endSegment()
        return .stroke(
            line.path, color: Theme.seriesColor(0), width: Theme.lineWidth,
            extra: [
                Attribute("stroke-linejoin", "round"), Attribute("stroke-linecap", "round"), Attribute("class", "membrane")
            ])
    }

    private func thresholdLine(axes: Axes) -> Markup {
        guard let threshold, threshold.isFinite else { return .empty }
        var path = PathData()
        path.move(axes.plot.minX, axes.screenY(threshold))
        path.horizontal(axes.plot.width)
        return .stroke(
            path, color: Theme.seriesColor(1), width: 1.5,
            extra: [
                Attribute("stroke-dasharray", "6 4"), Attribute("class", "threshold")
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
            .label(
                "spikes", x: axes.plot.minX - Theme.tickLength - 3, y: top + height / 2 + Theme.fontSize * 0.35,
                anchor: .end, color: Theme.muted)
        ])
    }
}
