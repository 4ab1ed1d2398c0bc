/// SVG path data (`d` attribute) built compactly from screen coordinates rounded to 0.1 px.
///
///     var path = PathData()
///     path.move(10, 20); path.line(30, 20.04); path.vertical(5)
///     path.text  // "M10 20L30 20v5"
struct PathData {
    private(set) var text = ""
    /// How many drawing commands have been appended.
    private(set) var commands = 0

    var isEmpty: Bool { commands == 0 }

    /// Starts a new subpath at (x, y).
    mutating func move(_ x: Double, _ y: Double) {
        append("M", x, y)
    }

    /// A straight line from the current point to (x, y).
    mutating func line(_ x: Double, _ y: Double) {
        append("L", x, y)
    }

    /// A vertical line `dy` pixels long from the current point.
    mutating func vertical(_ dy: Double) {
        text += "v" + NumberFormat.tenths(dy)
        commands += 1
    }

    /// A horizontal line `dx` pixels long from the current point.
    mutating func horizontal(_ dx: Double) {
        text += "h" + NumberFormat.tenths(dx)
        commands += 1
    }

    /// A zero-length subpath at (x, y): drawn as a dot by a round line cap.
    mutating func dot(_ x: Double, _ y: Double) {
        move(x, y)
        text += "h0"
    }

    /// Closes the current subpath.
    mutating func close() {
        text += "Z"
        commands += 1
    }

    private mutating func append(_ command: String, _ x: Double, _ y: Double) {
        text += command
        text += NumberFormat.tenths(x)
        let yText = NumberFormat.tenths(y)
        if !yText.hasPrefix("-") { text += " " }
        text += yText
        commands += 1
    }
}
