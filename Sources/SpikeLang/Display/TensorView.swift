import SpikeEngine
import SpikePlot

/// The HTML preview of a tensor: a vector as index/value rows, a matrix as a grid with row
/// and column numbers. Only the first `maxRows` rows and `maxColumns` columns become cells,
/// so previewing a large tensor costs O(maxRows · maxColumns), not O(count).
enum TensorView {
    static let maxRows = 50
    static let maxColumns = 16

    static func table(of tensor: Tensor) -> Table? {
        guard tensor.rank == 1 || tensor.rank == 2 else { return nil }
        let height = tensor.shape[0]
        let width = tensor.rank == 2 ? tensor.shape[1] : 1
        let shownRows = min(height, maxRows)
        var title = "tensor " + EngineText.shapeText(tensor.shape)
        if shownRows < height { title += ", first \(shownRows) of \(height) rows" }
        if tensor.rank == 1 {
            let rows = (0..<shownRows).map { index -> [Table.Cell] in
                [.number(Double(index)), .number(Double(tensor.scalars[index]))]
            }
            return Table(columns: ["index", "value"], rows: rows, title: title)
        }
        let shownColumns = min(width, maxColumns)
        var columns = [""] + (0..<shownColumns).map(String.init)
        if width > shownColumns { columns.append("… \(width - shownColumns) more") }
        let rows = (0..<shownRows).map { row -> [Table.Cell] in
            [.number(Double(row))] + (0..<shownColumns).map { .number(Double(tensor.scalars[row * width + $0])) }
        }
        return Table(columns: columns, rows: rows, title: title)
    }
}
