extension ForestPlot: Panel {
    /// Height of one row (or group heading), in pixels.
    static let rowHeight = 24.0

    /// The rows and headings top to bottom: a heading where the group changes, then its rows.
    var slots: [Slot] {
        var slots: [Slot] = []
        var group: String?
        for (index, row) in rows.enumerated() {
            if !row.group.isEmpty, row.group != group { slots.append(.heading(row.group)) }
            group = row.group
            slots.append(.row(index))
        }
        return slots
    }

    /// One line of the plot.
    enum Slot: Equatable {
        case heading(String)
        case row(Int)
    }

    var size: (width: Int, height: Int) {
        let chrome = 56.0 + (title.isEmpty ? 0 : Theme.titleSize + 12) + (xLabel.isEmpty ? 0 : Theme.labelSize + 8)
        return (max(320, width), max(140, Int(chrome + Double(max(1, slots.count)) * Self.rowHeight)))
    }

    private var skipped: Int { rows.filter { !$0.estimate.isFinite }.count }

    /// "cpg − none (n = 20)".
    private func label(_ row: Row) -> String {
        row.label + (row.count.map { " (n = \($0))" } ?? "")
    }

    /// "0.031 [0.012, 0.050]", to the precision of the interval.
    private func value(_ row: Row) -> String {
        Table.Cell.estimate(row.estimate, low: row.low, high: row.high).formatted(digits: 4)
    }

    var summary: String {
        var text = "Forest plot" + (title.isEmpty ? "" : " \"\(title)\"")
        guard !rows.isEmpty else { return text + ": no data" }
        text += ": \(rows.count) row\(rows.count == 1 ? "" : "s")"
        let listed = rows.prefix(12).map { row in (row.group.isEmpty ? "" : row.group + ": ") + label(row) + " " + value(row) }
        text += " — " + listed.joined(separator: "; ") + (rows.count > 12 ? "; …" : "")
        if let note = PanelParts.skippedNote(skipped) { text += ". " + note }
        return text
    }

    func render(in frame: Rect, context: RenderContext) -> Markup {
        let notes = [PanelParts.skippedNote(skipped)].compactMap { $0 }
        let shown = rows.filter { $0.estimate.isFinite }
        guard !shown.isEmpty else {
            return .group([PanelParts.empty(title: title, message: "no data", in: frame), PanelParts.notes(notes, in: frame)])
        }
        let ends = shown.flatMap { [$0.estimate, $0.low, $0.high] }.filter(\.isFinite) + [reference]
        let (low, high) = (ends.min() ?? 0, ends.max() ?? 1)
        let slots = self.slots
        // Row labels are drawn left-aligned (indented under a heading) in a column of their own,
        // sized with 15% slack over the estimated text width; the axis gets unlabelled ticks.
        let grouped = rows.contains { !$0.group.isEmpty }
        let indent = grouped ? 12.0 : 0
        let names = rows.map { TextMetrics.truncated(label($0), limit: 40) }
        let nameWidth = (names.map { TextMetrics.width($0, fontSize: Theme.fontSize) }.max() ?? 0) * 1.15 + indent + 10
        let ticks = slots.enumerated().compactMap { position, slot -> Tick? in
            guard case .row = slot else { return nil }
            return Tick(value: Double(position), label: "")
        }
        let valueWidth = (rows.map { TextMetrics.width(value($0), fontSize: Theme.fontSize) }.max() ?? 0) * 1.15
        let axes = Axes.layout(
            in: frame.inset(top: 0, left: min(nameWidth, frame.width / 2), bottom: 0, right: 0),
            labels: PanelLabels(title: title, x: xLabel, y: ""),
            reserve: Reserve(right: valueWidth + 14, bottom: notes.isEmpty ? 0 : PanelParts.noteHeight), yDownwards: true,
            makeX: { length in
                Axes.fitTicks(length: length, spacing: Theme.xTickSpacing) { count in
                    Axis.linear(low: low, high: high, padding: 0.05, maxTicks: count)
                }
            },
            makeY: { _ in Axis(scale: .linear, lower: -0.5, upper: Double(slots.count) - 0.5, ticks: ticks) })
        var labels: [String] = []
        for row in rows where !labels.contains(row.label) { labels.append(row.label) }
        var referenceLine = PathData()
        referenceLine.move(crisp(axes.screenX(reference)), axes.plot.minY)
        referenceLine.vertical(axes.plot.height)
        var parts: [Markup] = [
            axes.grid(horizontal: false),
            .stroke(
                referenceLine, color: Theme.axis, width: 1, extra: [Attribute("stroke-dasharray", "4 3"), Attribute("class", "reference")])
        ]
        var headings: [Markup] = []
        for (position, slot) in slots.enumerated() {
            let y = axes.screenY(Double(position))
            switch slot {
            case .heading(let group):
                headings.append(
                    .label(
                        TextMetrics.fitted(group, width: frame.width - 20, fontSize: Theme.fontSize, bold: true), x: frame.minX + 10,
                        y: y + Theme.fontSize * 0.35, color: Theme.ink, weight: 600))
            case .row(let index):
                let row = rows[index]
                guard row.estimate.isFinite else { continue }
                let color = Theme.seriesColor(labels.firstIndex(of: row.label) ?? 0)
                var whisker = PathData()
                if row.low.isFinite, row.high.isFinite {
                    let (left, right) = (axes.screenX(row.low), axes.screenX(row.high))
                    whisker.move(left, y)
                    whisker.horizontal(right - left)
                    for end in [left, right] {
                        whisker.move(end, y - 5)
                        whisker.vertical(10)
                    }
                }
                var point = PathData()
                point.dot(axes.screenX(row.estimate), y)
                let tooltip = label(row) + ": " + value(row)
                headings.append(
                    .label(
                        TextMetrics.fitted(names[index], width: axes.plot.minX - frame.minX - indent - 14, fontSize: Theme.fontSize),
                        x: frame.minX + 10 + indent, y: y + Theme.fontSize * 0.35))
                parts.append(
                    .g(
                        [Attribute("class", "estimate")],
                        [
                            .stroke(whisker, color: color, width: 1.75, tooltip: tooltip),
                            .markers(point, color: color, square: true, size: 9, tooltip: tooltip),
                            .label(value(row), x: axes.plot.maxX + 10, y: y + Theme.fontSize * 0.35, color: Theme.ink)
                        ]))
            }
        }
        return .group(parts + [axes.frame(), .group(headings), PanelParts.notes(notes, in: frame)])
    }
}
