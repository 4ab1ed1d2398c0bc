import SpikeEngine
import SpikePlot

/// The HTML preview of a tensor: a vector as index/value rows, a matrix as a grid with row
/// and column numbers, cut to `maxColumns` columns (the table itself cuts rows).
enum TensorView {
    static let maxColumns = 16

    static func table(of tensor: Tensor) -> Table? {
        let title = "tensor " + EngineText.shapeText(tensor.shape)
        switch tensor.rank {
        case 1:
            let rows = tensor.scalars.enumerated().map { index, value -> [Table.Cell] in
                [.number(Double(index)), .number(Double(value))]
            }
            return Table(columns: ["index", "value"], rows: rows, title: title)
        case 2:
            let (height, width) = (tensor.shape[0], tensor.shape[1])
            let shown = min(width, maxColumns)
            var columns = [""] + (0..<shown).map(String.init)
            if width > shown { columns.append("… \(width - shown) more") }
            let rows = (0..<height).map { row -> [Table.Cell] in
                [.number(Double(row))] + (0..<shown).map { .number(Double(tensor.scalars[row * width + $0])) }
            }
            return Table(columns: columns, rows: rows, title: title)
        default:
            return nil
        }
    }
}
