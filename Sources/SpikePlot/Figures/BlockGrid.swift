/// Groups a rows × columns matrix into at most `limit` × `limit` blocks (and at most one per
/// two pixels of the plot), so a huge matrix draws as its block means.
struct BlockGrid {
    let sourceRows: Int
    let sourceColumns: Int
    let rows: Int
    let columns: Int

    init(rows: Int, columns: Int, plot: Rect, limit: Int) {
        sourceRows = rows
        sourceColumns = columns
        self.rows = max(1, min(rows, limit, Int(plot.height / 2)))
        self.columns = max(1, min(columns, limit, Int(plot.width / 2)))
    }

    /// The first source row of block row `block`: rows r with ⌊r·rows/sourceRows⌋ = block
    /// start at ⌈block·sourceRows/rows⌉ (a Double for screen mapping).
    func rowStart(_ block: Int) -> Double {
        Double((block * sourceRows + rows - 1) / rows)
    }

    /// The first source column of block column `block` (see `rowStart`).
    func columnStart(_ block: Int) -> Double {
        Double((block * sourceColumns + columns - 1) / columns)
    }

    /// The mean of the finite values in each block (NaN where a block has none). Cost: one
    /// pass over the matrix.
    func means(of matrix: [[Double]]) -> [[Double]] {
        var sums = Array(repeating: Array(repeating: 0.0, count: columns), count: rows)
        var counts = Array(repeating: Array(repeating: 0, count: columns), count: rows)
        for (row, values) in matrix.enumerated() {
            let blockRow = min(rows - 1, row * rows / max(1, sourceRows))
            for (column, value) in values.enumerated() where value.isFinite {
                let blockColumn = min(columns - 1, column * columns / max(1, sourceColumns))
                sums[blockRow][blockColumn] += value
                counts[blockRow][blockColumn] += 1
            }
        }
        return zip(sums, counts).map { sums, counts in
            zip(sums, counts).map { $1 > 0 ? $0 / Double($1) : .nan }
        }
    }
}
