/// Small builders for the SVG elements every figure uses.
extension Markup {
    /// How a text run is placed relative to its anchor point.
    enum Anchor: String {
        case start, middle, end
    }

    /// A `<text>` element with `content` escaped, at baseline point (x, y).
    static func label(
        _ content: String, x: Double, y: Double, anchor: Anchor = .start, size: Double = Theme.fontSize,
        color: String = Theme.tickLabel, weight: Int? = nil, rotated: Bool = false, italic: Bool = false
    ) -> Markup {
        var attributes = [Attribute("x", x), Attribute("y", y)]
        if anchor != .start { attributes.append(Attribute("text-anchor", anchor.rawValue)) }
        if size != Theme.fontSize { attributes.append(Attribute("font-size", size)) }
        attributes.append(Attribute("fill", color))
        if let weight { attributes.append(Attribute("font-weight", weight)) }
        if italic { attributes.append(Attribute("font-style", "italic")) }
        if rotated {
            attributes.append(Attribute("transform", "rotate(-90 \(NumberFormat.tenths(x)) \(NumberFormat.tenths(y)))"))
        }
        return .element("text", attributes, [.text(content)])
    }

    /// A stroked, unfilled `<path>`; `extra` adds attributes such as dashes or caps, and a
    /// non-empty `tooltip` becomes a `<title>` child that browsers show on hover.
    static func stroke(_ path: PathData, color: String, width: Double, extra: [Attribute] = [], tooltip: String = "") -> Markup {
        guard !path.isEmpty else { return .empty }
        let attributes =
            [
                Attribute("d", path.text), Attribute("fill", "none"), Attribute("stroke", color),
                Attribute("stroke-width", width)
            ] + extra
        return .element("path", attributes, tooltip.isEmpty ? [] : [.element("title", [], [.text(tooltip)])])
    }

    /// Markers at the zero-length subpaths of `path` (see `PathData.dot`): round dots, or
    /// squares (drawn slightly smaller so both shapes look the same size).
    static func markers(
        _ path: PathData, color: String, square: Bool, size: Double, extra: [Attribute] = [], tooltip: String = ""
    ) -> Markup {
        guard !path.isEmpty else { return .empty }
        let attributes =
            [
                Attribute("d", path.text), Attribute("fill", "none"), Attribute("stroke", color),
                Attribute("stroke-width", square ? size * 0.85 : size), Attribute("stroke-linecap", square ? "square" : "round")
            ] + extra
        return .element("path", attributes, tooltip.isEmpty ? [] : [.element("title", [], [.text(tooltip)])])
    }

    /// A filled `<path>` without stroke.
    static func fill(_ path: PathData, color: String, opacity: Double? = nil) -> Markup {
        guard !path.isEmpty else { return .empty }
        var attributes = [Attribute("d", path.text), Attribute("fill", color)]
        if let opacity { attributes.append(Attribute("fill-opacity", NumberFormat.significant(opacity, digits: 3))) }
        return .element("path", attributes)
    }

    /// A `<g>` grouping `children` under shared attributes; omitted when there are no children.
    static func g(_ attributes: [Attribute], _ children: [Markup]) -> Markup {
        let children = children.filter { !$0.rendered.isEmpty }
        guard !children.isEmpty else { return .empty }
        return .element("g", attributes, children)
    }
}
