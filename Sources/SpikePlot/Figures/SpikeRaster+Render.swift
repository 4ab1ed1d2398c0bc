extension SpikeRaster: Panel {
    var size: (width: Int, height: Int) {
        let automatic = min(420, max(160, 90 + 14 * spikeTimes.count))
        return (max(160, width), max(120, height ?? automatic))
    }

    /// The time span shown: whole steps for a matrix, else 0 to the duration or last spike.
    private var span: (low: Double, high: Double) {
        let last = spikeTimes.compactMap { $0.max() }.max()
        let first = spikeTimes.compactMap { $0.min() }.min()
        if discrete { return (-0.5, max(1, duration ?? 1) - 0.5) }
        let low = min(0, first ?? 0)
        let high = duration ?? max(low + 1, last ?? 1)
        return (low, max(high, last ?? high))
    }

    var summary: String {
        var text = "Spike raster" + (title.isEmpty ? "" : " \"\(title)\"")
        guard !spikeTimes.isEmpty else { return text + ": no neurons" }
        let (low, high) = span
        let steps = discrete ? "\(Int(high + 0.5)) steps" : "time " + PanelParts.range(low, high)
        text += ": \(spikeTimes.count) neurons × \(steps), \(spikeCount) spikes"
        if discrete, high > 0 {
            let rate = Double(spikeCount) / (Double(spikeTimes.count) * (high + 0.5))
            text += " (rate " + NumberFormat.significant(rate, digits: 3) + ")"
        }
        if let note = PanelParts.skippedNote(skipped) { text += ". " + note }
        return text
    }

    func render(in frame: Rect, context: RenderContext) -> Markup {
        let notes = [PanelParts.skippedNote(skipped)].compactMap { $0 }
        guard !spikeTimes.isEmpty else {
            return .group([PanelParts.empty(title: title, message: "no neurons", in: frame), PanelParts.notes(notes, in: frame)])
        }
        let (low, high) = span
        let rows = spikeTimes.count
        let axes = Axes.layout(
            in: frame, labels: PanelLabels(title: title, x: xLabel, y: yLabel),
            reserve: Reserve(bottom: notes.isEmpty ? 0 : PanelParts.noteHeight), yDownwards: true,
            makeX: { length in
                Axes.fitTicks(length: length, spacing: Theme.xTickSpacing) { count in
                    let axis = Axis.linear(low: low, high: high, maxTicks: count, integerSteps: discrete)
                    return discrete ? Axis(scale: .linear, lower: low, upper: high, ticks: axis.ticks.filter { $0.value >= 0 }) : axis
                }
            },
            makeY: { length in
                let count = max(2, min(10, Int(length / 28)))
                let axis = Axis.linear(low: 0, high: Double(max(1, rows - 1)), maxTicks: count, integerSteps: true)
                return Axis(
                    scale: .linear, lower: -0.5, upper: Double(rows) - 0.5,
                    ticks: axis.ticks.filter { $0.value < Double(rows) })
            })
        let rowHeight = axes.plot.height / Double(rows)
        // More neurons than pixel rows: neighbours that share a pixel row are drawn as one row
        // (their ticks merged per pixel column), so the SVG grows with the plot's pixels, not
        // with the neurons.
        let perRow = max(1, Int((Double(rows) / max(1, axes.plot.height)).rounded(.up)))
        let tickHeight = max(1, rowHeight * (perRow > 1 ? Double(perRow) : 0.8))
        let stepWidth = discrete ? axes.plot.width / max(1, high - low) : 2
        let strokeWidth = min(2.5, max(1, stepWidth * 0.6))
        var paths: [Markup] = []
        for first in stride(from: 0, to: rows, by: perRow) {
            let group = first..<min(rows, first + perRow)
            var screen: [Double] = []
            for neuron in group { screen += Self.drawnTicks(spikeTimes[neuron].map(axes.screenX), plotWidth: axes.plot.width) }
            guard !screen.isEmpty else { continue }
            if group.count > 1 { screen = Decimation.ticksPerColumn(screen) }
            var path = PathData()
            let top = (axes.screenY(Double(group.lowerBound)) + axes.screenY(Double(group.upperBound - 1))) / 2 - tickHeight / 2
            for x in screen {
                path.move(x, top)
                path.vertical(tickHeight)
            }
            let count = group.reduce(0) { $0 + spikeTimes[$1].count }
            let who = group.count == 1 ? "neuron \(first)" : "neurons \(first)–\(group.upperBound - 1)"
            let tooltip = who + ": \(count) spike" + (count == 1 ? "" : "s")
            paths.append(.element("path", [Attribute("d", path.text)], [.element("title", [], [.text(tooltip)])]))
        }
        return .group([
            axes.grid(horizontal: false),
            .g(
                [
                    Attribute("class", "spikes"), Attribute("fill", "none"), Attribute("stroke", Theme.ink),
                    Attribute("stroke-width", strokeWidth)
                ], paths),
            axes.frame(),
            PanelParts.notes(notes, in: frame)
        ])
    }

    /// The screen x of each tick to draw, ascending: one per pixel column when there are more
    /// ticks than columns (see `Decimation`), else one per distinct tenth of a pixel.
    private static func drawnTicks(_ screen: [Double], plotWidth: Double) -> [Double] {
        if Double(screen.count) > plotWidth { return Decimation.ticksPerColumn(screen) }
        var drawn: [Double] = []
        var previous = ""
        for x in screen.sorted() {
            let key = NumberFormat.tenths(x)
            if key == previous { continue }
            previous = key
            drawn.append(x)
        }
        return drawn
    }
}
