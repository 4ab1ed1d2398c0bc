extension Table {
    /// The table as an HTML fragment (`<table>` with inline styles, no scripts), every text
    /// escaped; numbers right-aligned in tabular figures, best values in bold.
    public func html() -> String {
        let winners = bestValues
        let alignments = columns.indices.map(alignment(ofColumn:))
        var children: [Markup] = []
        if !title.isEmpty {
            children.append(
                .element(
                    "caption", [Attribute("style", "caption-side:top;text-align:left;font-weight:600;padding:2px 0 4px")], [.text(title)]))
        }
        let header = columns.enumerated().map { index, name in
            Markup.element("th", [Attribute("style", style(alignments[index]) + ";border-bottom:1px solid #8888")], [.text(name)])
        }
        children.append(.element("thead", [], [.element("tr", [], header)]))
        var body: [Markup] = shownRows.map { row in
            let cells = row.enumerated().map { column, cell -> Markup in
                let content = Markup.text(cell.formatted(digits: significantDigits))
                let isBest = isBest(cell, column: column, winners: winners)
                return .element(
                    "td", [Attribute("style", style(cell == .empty ? alignments[column] : cell.alignment))],
                    isBest ? [.element("strong", [], [content])] : [content])
            }
            return .element("tr", [], cells)
        }
        if let more = moreRowsLine {
            body.append(
                .element(
                    "tr", [],
                    [
                        .element(
                            "td",
                            [
                                Attribute("colspan", max(1, columns.count)),
                                Attribute("style", "text-align:left;padding:2px 10px;font-style:italic;opacity:0.7")
                            ], [.text(more)])
                    ]))
        }
        if !body.isEmpty { children.append(.element("tbody", [], body)) }
        return Markup.element(
            "table",
            [
                Attribute("class", "spike-table"),
                Attribute("style", "border-collapse:collapse;font-variant-numeric:tabular-nums")
            ], children
        ).rendered
    }

    /// Inline style of a cell: its alignment, padding, and no wrapping inside numbers ("0.91 ± 0.01").
    private func style(_ alignment: Alignment) -> String {
        "text-align:\(alignment.rawValue);padding:2px 10px" + (alignment == .right ? ";white-space:nowrap" : "")
    }
}
