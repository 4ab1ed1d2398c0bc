/// A data point of a line, with its band edges when it has a finite spread.
struct LinePoint {
    let x: Double
    let y: Double
    let band: (low: Double, high: Double)?
}

/// A series cut into runs of showable points (a skipped point breaks the line).
struct PreparedSeries {
    let name: String
    let color: String
    let dash: String?
    let squareMarkers: Bool
    var segments: [[LinePoint]] = []
    var count: Int { segments.reduce(0) { $0 + $1.count } }
}

/// The plottable content of a `LinePlot`: showable points, data bounds and notes on what was
/// skipped. Cost: O(total points).
struct PreparedLines {
    var series: [PreparedSeries] = []
    var notes: [String] = []
    var xBounds: (Double, Double)?
    var yBounds: (Double, Double)?
    var integerX = true

    init(_ plot: LinePlot) {
        var nonFinite = 0
        var nonPositive = 0
        for (index, source) in plot.series.enumerated() {
            var prepared = PreparedSeries(
                name: source.name, color: Theme.seriesColor(index), dash: Theme.seriesDash(index),
                squareMarkers: Theme.squareMarkers(index))
            let count = source.x.map { min($0.count, source.y.count) } ?? source.y.count
            if let x = source.x, x.count != source.y.count {
                let name = source.name.isEmpty ? "series \(index + 1)" : source.name
                notes.append("\(name): \(x.count) x values for \(source.y.count) y values, \(count) plotted")
            }
            var run: [LinePoint] = []
            for i in 0..<count {
                let x = source.x?[i] ?? Double(i)
                let y = source.y[i]
                if x != x.rounded() { integerX = false }
                guard plot.xScale.canShow(x), plot.yScale.canShow(y) else {
                    if x.isFinite && y.isFinite { nonPositive += 1 } else { nonFinite += 1 }
                    if !run.isEmpty { prepared.segments.append(run) }
                    run = []
                    continue
                }
                var band: (Double, Double)?
                if let spread = source.spread, i < spread.count, spread[i].isFinite {
                    let low = y - abs(spread[i])
                    let high = y + abs(spread[i])
                    if plot.yScale.canShow(low) { band = (low, high) }
                }
                run.append(LinePoint(x: x, y: y, band: band))
                include(x: x, y: band?.0 ?? y)
                include(x: x, y: band?.1 ?? y)
            }
            if !run.isEmpty { prepared.segments.append(run) }
            series.append(prepared)
        }
        if let note = PanelParts.skippedNote(nonFinite) { notes.append(note) }
        if let note = PanelParts.skippedNote(nonPositive, what: "non-positive") { notes.append(note + " (log axis)") }
    }

    private mutating func include(x: Double, y: Double) {
        xBounds = xBounds.map { (min($0.0, x), max($0.1, x)) } ?? (x, x)
        yBounds = yBounds.map { (min($0.0, y), max($0.1, y)) } ?? (y, y)
    }
}
