/// An axis-aligned rectangle in SVG user units (pixels), y growing downwards.
struct Rect: Equatable {
    var x: Double
    var y: Double
    var width: Double
    var height: Double

    var minX: Double { x }
    var maxX: Double { x + width }
    var minY: Double { y }
    var maxY: Double { y + height }
    var midX: Double { x + width / 2 }
    var midY: Double { y + height / 2 }

    /// The rectangle shrunk by the given margins (never to a negative size).
    func inset(top: Double, left: Double, bottom: Double, right: Double) -> Rect {
        Rect(
            x: x + left, y: y + top,
            width: max(1, width - left - right), height: max(1, height - top - bottom)
        )
    }
}
