/// A point on the screen, in pixels.
struct ScreenPoint: Equatable {
    var x: Double
    var y: Double
}

/// Thins polylines that have more points than the plot has pixel columns, without visible change.
///
/// Min/max per pixel column ("M4"): within each run of consecutive points that fall in one
/// pixel column, only the first, lowest, highest and last points are kept, in their original
/// order. The drawn line covers exactly the same pixels, and a line of n points becomes at
/// most 4 per column. Cost: O(n).
///
/// Tick marks (spikes) are thinned the same way: of the ticks that fall in one pixel column,
/// one is drawn; a tick is at least a pixel wide, so the strip looks the same.
enum Decimation {
    /// The x positions of `ticks`, ascending, keeping the first tick of each pixel column of
    /// width `column` px. Cost: O(n) for ascending input (spike steps), else O(n log n).
    ///
    ///     Decimation.ticksPerColumn([0.2, 0.7, 1.1, 5]) // [0.2, 1.1, 5]
    static func ticksPerColumn(_ ticks: [Double], column: Double = 1) -> [Double] {
        let ascending = zip(ticks, ticks.dropFirst()).allSatisfy { $0 <= $1 } ? ticks : ticks.sorted()
        var kept: [Double] = []
        var lastColumn = -Double.infinity
        for x in ascending {
            let bucket = (x / column).rounded(.down)
            guard bucket != lastColumn else { continue }
            kept.append(x)
            lastColumn = bucket
        }
        return kept
    }

    /// `points` reduced to at most four per pixel column of width `column` px.
    static func minMaxPerColumn(_ points: [ScreenPoint], column: Double = 1) -> [ScreenPoint] {
        guard points.count > 4 else { return points }
        return minMaxRuns(points, column: column)
    }

    /// `minMaxPerColumn` without its exemption for lines of four points or fewer: for a piece
    /// of a longer line that ends where a pixel column ends, so that thinning a line piece by
    /// piece keeps the same points as thinning it whole.
    static func minMaxRuns(_ points: [ScreenPoint], column: Double = 1) -> [ScreenPoint] {
        var kept: [ScreenPoint] = []
        kept.reserveCapacity(min(points.count, 4096))
        var start = 0
        while start < points.count {
            let bucket = (points[start].x / column).rounded(.down)
            var end = start
            var low = start
            var high = start
            while end + 1 < points.count, (points[end + 1].x / column).rounded(.down) == bucket {
                end += 1
                if points[end].y < points[low].y { low = end }
                if points[end].y > points[high].y { high = end }
            }
            var previous = -1
            for index in [start, low, high, end].sorted() where index != previous {
                kept.append(points[index])
                previous = index
            }
            start = end + 1
        }
        return kept
    }

    /// A band's upper and lower edges reduced per pixel column: the top-most upper point and
    /// the bottom-most lower point of each run (screen y grows downwards).
    static func bandPerColumn(upper: [ScreenPoint], lower: [ScreenPoint], column: Double = 1)
        -> (upper: [ScreenPoint], lower: [ScreenPoint])
    {
        guard upper.count > 4, upper.count == lower.count else { return (upper, lower) }
        var keptUpper: [ScreenPoint] = []
        var keptLower: [ScreenPoint] = []
        var start = 0
        while start < upper.count {
            let bucket = (upper[start].x / column).rounded(.down)
            var top = upper[start].y
            var bottom = lower[start].y
            var end = start
            while end + 1 < upper.count, (upper[end + 1].x / column).rounded(.down) == bucket {
                end += 1
                top = min(top, upper[end].y)
                bottom = max(bottom, lower[end].y)
            }
            keptUpper.append(ScreenPoint(x: upper[start].x, y: top))
            keptLower.append(ScreenPoint(x: upper[start].x, y: bottom))
            if end != start {
                keptUpper.append(ScreenPoint(x: upper[end].x, y: top))
                keptLower.append(ScreenPoint(x: upper[end].x, y: bottom))
            }
            start = end + 1
        }
        return (keptUpper, keptLower)
    }
}
