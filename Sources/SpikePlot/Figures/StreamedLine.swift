/// A polyline drawn segment by segment from points that arrive one at a time; when `thin`,
/// each segment is thinned per pixel column in pieces of a few thousand points, which keeps
/// exactly the points `Decimation.minMaxPerColumn` keeps for the whole segment.
struct StreamedLine {
    /// Points are held back until this many have gathered and a pixel column ends.
    static let pieceSize = 4096

    let thin: Bool
    private(set) var path = PathData()
    /// Points of the current segment not drawn yet.
    private var pending: [ScreenPoint] = []
    /// Points of the current segment already drawn.
    private var drawn = 0

    init(thin: Bool) {
        self.thin = thin
    }

    mutating func add(_ point: ScreenPoint) {
        if thin, pending.count >= Self.pieceSize, let last = pending.last, point.x.rounded(.down) != last.x.rounded(.down) {
            draw(Decimation.minMaxRuns(pending))
            pending.removeAll(keepingCapacity: true)
        }
        pending.append(point)
    }

    /// Draws what is pending and starts a new segment; a segment of one point is a dot.
    mutating func endSegment() {
        defer {
            pending.removeAll(keepingCapacity: true)
            drawn = 0
        }
        if drawn == 0, pending.count == 1, let only = pending.first {
            path.dot(only.x, only.y)
            return
        }
        guard thin else { return draw(pending) }
        draw(drawn == 0 ? Decimation.minMaxPerColumn(pending) : Decimation.minMaxRuns(pending))
    }

    private mutating func draw(_ points: [ScreenPoint]) {
        for point in points {
            if drawn == 0 { path.move(point.x, point.y) } else { path.line(point.x, point.y) }
            drawn += 1
        }
    }
}
