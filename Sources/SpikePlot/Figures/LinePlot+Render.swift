extension LinePlot: Panel {
    var size: (width: Int, height: Int) {
        (max(160, width), max(120, height))
    }

    var summary: String {
        let data = PreparedLines(self)
        var text = "Line plot" + (title.isEmpty ? "" : " \"\(title)\"")
        guard let xBounds = data.xBounds else {
            return text + ": no data" + (data.notes.isEmpty ? "" : " (" + data.notes.joined(separator: "; ") + ")")
        }
        text += ": \(series.count) series"
        let parts = data.series.map { series -> String in
            let values = series.segments.joined().map(\.y)
            let name = series.name.isEmpty ? "" : series.name + ": "
            guard let low = values.min(), let high = values.max() else { return name + "no points" }
            return name + "\(values.count) points, y " + PanelParts.range(low, high)
        }
        text += " — " + parts.joined(separator: "; ")
        text += "; x " + PanelParts.range(xBounds.0, xBounds.1)
        if xScale == .log || yScale == .log {
            text += " (log " + [xScale == .log ? "x" : nil, yScale == .log ? "y" : nil].compactMap { $0 }.joined(separator: ", ") + ")"
        }
        if !data.notes.isEmpty { text += ". " + data.notes.joined(separator: "; ") }
        return text
    }

    func render(in frame: Rect, context: RenderContext) -> Markup {
        let data = PreparedLines(self)
        let noteRoom = data.notes.isEmpty ? 0 : PanelParts.noteHeight
        guard let dataX = data.xBounds, let dataY = data.yBounds else {
            return .group([
                PanelParts.empty(title: title, message: series.isEmpty ? "no data" : "no finite data to plot", in: frame),
                PanelParts.notes(data.notes, in: frame)
            ])
        }
        let fixedX = Self.usable(xRange, on: xScale)
        let fixedY = Self.usable(yRange, on: yScale)
        let xBounds = fixedX ?? dataX
        let yBounds = fixedY ?? dataY
        let showLegend = series.count > 1 || series.contains { !$0.name.isEmpty }
        let legend = Legend(
            entries: showLegend
                ? data.series.map {
                    Legend.Entry(
                        name: $0.name.isEmpty ? "—" : $0.name, color: $0.color,
                        swatch: markers ? .markedLine(dash: $0.dash, square: $0.squareMarkers) : $0.dash.map(Legend.Swatch.pattern) ?? .line
                    )
                } : [])
        let axes = Axes.layout(
            in: frame, labels: PanelLabels(title: title, x: xLabel, y: yLabel),
            reserve: Reserve(right: legend.width, bottom: noteRoom),
            makeX: { length in
                Axes.fitTicks(length: length, spacing: Theme.xTickSpacing) { count in
                    xScale == .log
                        ? Axis.log(low: xBounds.0, high: xBounds.1, maxTicks: count)
                        : Axis.linear(low: xBounds.0, high: xBounds.1, maxTicks: count, integerSteps: data.integerX)
                }
            },
            makeY: { length in
                let count = max(2, min(10, Int(length / Theme.yTickSpacing)))
                return yScale == .log
                    ? Axis.log(low: yBounds.0, high: yBounds.1, maxTicks: count)
                    : Axis.linear(low: yBounds.0, high: yBounds.1, padding: fixedY == nil ? 0.05 : 0, maxTicks: count)
            })
        let clipID = context.id("clip")
        var layers: [Markup] = []
        for prepared in data.series {
            layers.append(contentsOf: draw(prepared, axes: axes))
        }
        return .group([
            axes.grid(),
            .element("defs", [], [PanelParts.clipPath(id: clipID, rect: axes.plot)]),
            .g([Attribute("clip-path", "url(#\(clipID))")], layers),
            axes.frame(),
            legend.render(x: axes.plot.maxX, y: axes.plot.minY, height: axes.plot.height),
            PanelParts.notes(data.notes, in: frame)
        ])
    }

    /// `range` as bounds when it can be shown on `scale`: finite, non-empty, positive on log.
    static func usable(_ range: ClosedRange<Double>?, on scale: AxisScale) -> (Double, Double)? {
        guard let range, range.lowerBound < range.upperBound,
            scale.canShow(range.lowerBound), scale.canShow(range.upperBound)
        else { return nil }
        return (range.lowerBound, range.upperBound)
    }

    /// The band, line and markers of one series.
    private func draw(_ prepared: PreparedSeries, axes: Axes) -> [Markup] {
        var line = PathData()
        var dots = PathData()
        var band = PathData()
        let thin = Double(prepared.count) > axes.plot.width * 2
        for segment in prepared.segments {
            let screen = segment.map { ScreenPoint(x: axes.screenX($0.x), y: axes.screenY($0.y)) }
            appendBand(segment, axes: axes, thin: thin, to: &band)
            if screen.count == 1, let only = screen.first {
                dots.dot(only.x, only.y)
                continue
            }
            let drawn = thin ? Decimation.minMaxPerColumn(screen) : screen
            for (index, point) in drawn.enumerated() {
                if index == 0 { line.move(point.x, point.y) } else { line.line(point.x, point.y) }
            }
            if markers && prepared.count <= 500 {
                for point in screen { dots.dot(point.x, point.y) }
            }
        }
        return [
            .fill(band, color: prepared.color, opacity: 0.2),
            .stroke(
                line, color: prepared.color, width: Theme.lineWidth,
                extra: [
                    Attribute("stroke-linejoin", "round"), Attribute("stroke-linecap", "round"), Attribute("class", "series")
                ] + (prepared.dash.map { [Attribute("stroke-dasharray", $0)] } ?? []), tooltip: prepared.name),
            .markers(
                dots, color: prepared.color, square: prepared.squareMarkers, size: Theme.markerSize,
                extra: [Attribute("class", "markers")])
        ]
    }

    /// Shaded y ± spread polygons for the runs of points that have a band.
    private func appendBand(_ segment: [LinePoint], axes: Axes, thin: Bool, to path: inout PathData) {
        var runs: [[LinePoint]] = [[]]
        for point in segment {
            if point.band == nil {
                if !(runs.last?.isEmpty ?? true) { runs.append([]) }
            } else {
                runs[runs.count - 1].append(point)
            }
        }
        for run in runs where run.count > 1 {
            var upper = run.map { ScreenPoint(x: axes.screenX($0.x), y: axes.screenY($0.band?.high ?? $0.y)) }
            var lower = run.map { ScreenPoint(x: axes.screenX($0.x), y: axes.screenY($0.band?.low ?? $0.y)) }
            if thin { (upper, lower) = Decimation.bandPerColumn(upper: upper, lower: lower) }
            for (index, point) in upper.enumerated() {
                if index == 0 { path.move(point.x, point.y) } else { path.line(point.x, point.y) }
            }
            for point in lower.reversed() { path.line(point.x, point.y) }
            path.close()
        }
    }
}
