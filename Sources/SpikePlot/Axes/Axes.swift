/// The title and axis labels of one panel.
struct PanelLabels {
    var title = ""
    var x = ""
    var y = ""
}

/// Extra room a panel keeps around its plotting area (legends, spike strips, colour bars).
struct Reserve {
    var top = 0.0
    var right = 0.0
    var bottom = 0.0
}

/// A panel's plotting rectangle with its two axes: maps data to screen and draws the frame.
///
/// Laid out by `Axes.layout`, which sizes the margins from the labels so tick labels never
/// overlap: the y axis is fitted first (its labels set the left margin), then the x axis to the
/// remaining width.
struct Axes {
    let panel: Rect
    let plot: Rect
    let x: Axis
    let y: Axis
    /// When true the y axis grows downwards (row 0 at the top, as in a matrix).
    let yDownwards: Bool
    let labels: PanelLabels

    /// The screen x of data value `value`.
    func screenX(_ value: Double) -> Double {
        plot.minX + x.fraction(value) * plot.width
    }

    /// The screen y of data value `value`.
    func screenY(_ value: Double) -> Double {
        let fraction = y.fraction(value)
        return yDownwards ? plot.minY + fraction * plot.height : plot.maxY - fraction * plot.height
    }

    /// Lays out a panel in `panel`: margins from labels, then the axes built by the closures,
    /// which receive the available length in pixels and return the axis to use.
    static func layout(
        in panel: Rect, labels: PanelLabels, reserve: Reserve = Reserve(), yDownwards: Bool = false,
        makeX: (Double) -> Axis, makeY: (Double) -> Axis
    ) -> Axes {
        let top = 10 + (labels.title.isEmpty ? 0 : Theme.titleSize + 12) + reserve.top
        let bottom =
            Theme.tickLength + 5 + Theme.fontSize + (labels.x.isEmpty ? 0 : Theme.labelSize + 8) + 10
            + reserve.bottom
        let yAxis = makeY(max(1, panel.height - top - bottom))
        let left = 10 + (labels.y.isEmpty ? 0 : Theme.labelSize + 8) + yAxis.widestLabel + Theme.tickLength + 5
        let guessRight = 16 + reserve.right
        var xAxis = makeX(max(1, panel.width - left - guessRight))
        let overhang = (xAxis.ticks.last.map { TextMetrics.width($0.label, fontSize: Theme.fontSize) / 2 } ?? 0)
        let right = max(guessRight, reserve.right + overhang + 6)
        if right != guessRight { xAxis = makeX(max(1, panel.width - left - right)) }
        let plot = panel.inset(top: top, left: left, bottom: bottom, right: right)
        return Axes(panel: panel, plot: plot, x: xAxis, y: yAxis, yDownwards: yDownwards, labels: labels)
    }

    /// Fits ticks to `length` pixels: the most ticks (up to one per `spacing` px) whose labels
    /// keep a gap between neighbours, built by `make(maxTicks)`; when even two requested ticks
    /// crowd, every other label is dropped until they fit. Labels of a `vertical` axis stack,
    /// so there only their height counts.
    static func fitTicks(length: Double, spacing: Double, vertical: Bool = false, make: (Int) -> Axis) -> Axis {
        var count = max(2, min(10, Int(length / spacing)))
        while count > 2, !labelsFit(make(count), length: length, vertical: vertical) {
            count -= 1
        }
        var axis = make(count)
        while axis.ticks.count > 1, !labelsFit(axis, length: length, vertical: vertical) {
            let kept =
                axis.ticks.count > 2
                ? axis.ticks.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
                : [axis.ticks[0]]
            axis = Axis(scale: axis.scale, lower: axis.lower, upper: axis.upper, ticks: kept, minorTicks: axis.minorTicks)
        }
        return axis
    }

    /// Whether neighbouring tick labels of `axis`, laid along `length` px, leave a gap (12 px
    /// beside each other, 4 px above each other).
    private static func labelsFit(_ axis: Axis, length: Double, vertical: Bool) -> Bool {
        let placed = axis.ticks.map { tick in
            (
                position: axis.fraction(tick.value) * length,
                half: vertical ? Theme.fontSize / 2 : TextMetrics.width(tick.label, fontSize: Theme.fontSize) / 2
            )
        }
        return zip(placed, placed.dropFirst()).allSatisfy { left, right in
            abs(right.position - left.position) >= left.half + right.half + (vertical ? 4 : 12)
        }
    }

    /// Light grid lines at the major ticks of the chosen axes, drawn behind the data.
    func grid(vertical: Bool = true, horizontal: Bool = true) -> Markup {
        var path = PathData()
        for tick in x.ticks where vertical {
            let sx = crisp(screenX(tick.value))
            guard sx >= plot.minX - 0.5, sx <= plot.maxX + 0.5 else { continue }
            path.move(sx, plot.minY)
            path.vertical(plot.height)
        }
        for tick in y.ticks where horizontal {
            let sy = crisp(screenY(tick.value))
            guard sy >= plot.minY - 0.5, sy <= plot.maxY + 0.5 else { continue }
            path.move(plot.minX, sy)
            path.horizontal(plot.width)
        }
        return .stroke(path, color: Theme.grid, width: 1)
    }

    /// The axis lines, ticks, tick labels, axis labels and title, drawn over the data.
    func frame() -> Markup {
        var lines = PathData()
        let left = crisp(plot.minX)
        let bottom = crisp(plot.maxY)
        lines.move(left, plot.minY)
        lines.line(left, bottom)
        lines.line(plot.maxX, bottom)
        var ticks = PathData()
        var texts: [Markup] = []
        for tick in x.ticks {
            let sx = crisp(screenX(tick.value))
            guard sx >= plot.minX - 0.5, sx <= plot.maxX + 0.5 else { continue }
            ticks.move(sx, bottom)
            ticks.vertical(Theme.tickLength)
            texts.append(
                .label(
                    tick.label, x: sx, y: bottom + Theme.tickLength + 3 + Theme.fontSize * 0.8, anchor: .middle))
        }
        for value in x.minorTicks {
            let sx = crisp(screenX(value))
            guard sx >= plot.minX - 0.5, sx <= plot.maxX + 0.5 else { continue }
            ticks.move(sx, bottom)
            ticks.vertical(Theme.tickLength / 2)
        }
        for tick in y.ticks {
            let sy = crisp(screenY(tick.value))
            guard sy >= plot.minY - 0.5, sy <= plot.maxY + 0.5 else { continue }
            ticks.move(left, sy)
            ticks.horizontal(-Theme.tickLength)
            texts.append(
                .label(
                    tick.label, x: left - Theme.tickLength - 3, y: sy + Theme.fontSize * 0.35, anchor: .end))
        }
        for value in y.minorTicks {
            let sy = crisp(screenY(value))
            guard sy >= plot.minY - 0.5, sy <= plot.maxY + 0.5 else { continue }
            ticks.move(left, sy)
            ticks.horizontal(-Theme.tickLength / 2)
        }
        texts.append(contentsOf: titleAndLabels())
        return .group([
            .stroke(lines, color: Theme.axis, width: 1, extra: [Attribute("stroke-linecap", "square")]),
            .stroke(ticks, color: Theme.axis, width: 1),
            .g([], texts)
        ])
    }

    private func titleAndLabels() -> [Markup] {
        var texts: [Markup] = []
        if !labels.title.isEmpty {
            // Centred over the plot when it fits there, else over the whole panel, cut to fit.
            let overPlot = 2 * min(plot.midX - panel.minX, panel.maxX - plot.midX) - 16
            let fitsOverPlot = TextMetrics.width(labels.title, fontSize: Theme.titleSize) * 1.18 <= overPlot
            let centre = fitsOverPlot ? plot.midX : panel.midX
            let title = TextMetrics.fitted(labels.title, width: panel.width - 20, fontSize: Theme.titleSize, bold: true)
            texts.append(
                .label(
                    title, x: centre, y: panel.minY + 10 + Theme.titleSize,
                    anchor: .middle, size: Theme.titleSize, color: Theme.ink, weight: 600))
        }
        if !labels.x.isEmpty {
            let baseline = plot.maxY + Theme.tickLength + 5 + Theme.fontSize + 6 + Theme.labelSize * 0.8
            texts.append(
                .label(
                    TextMetrics.fitted(labels.x, width: plot.width, fontSize: Theme.labelSize), x: plot.midX, y: baseline, anchor: .middle,
                    size: Theme.labelSize, color: Theme.ink))
        }
        if !labels.y.isEmpty {
            texts.append(
                .label(
                    TextMetrics.fitted(labels.y, width: plot.height, fontSize: Theme.labelSize), x: panel.minX + 10 + Theme.labelSize * 0.8,
                    y: plot.midY, anchor: .middle,
                    size: Theme.labelSize, color: Theme.ink, rotated: true))
        }
        return texts
    }
}

/// `value` moved to the middle of its pixel so 1 px lines render crisply.
func crisp(_ value: Double) -> Double {
    value.rounded(.down) + 0.5
}
