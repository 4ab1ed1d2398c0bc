/// Filling the gaps of one column according to a `MissingPolicy`.
enum MissingFill {
    /// `values` with every `nil` replaced: by 0 (`.zero`), or by linear interpolation in the
    /// row index between the nearest present neighbours (`.interpolate`; a leading or trailing
    /// run copies the nearest present value). `.drop` and `.error` expect no `nil` left.
    /// Interpolation is computed in Float64. Cost: O(count).
    ///
    ///     fill([1, nil, nil, 4], .interpolate)   // [1, 2, 3, 4]
    ///
    /// Throws `.allMissing(column:)` when there is nothing to interpolate from.
    static func fill(_ values: [Float?], policy: MissingPolicy, column: String) throws -> [Float] {
        switch policy {
        case .zero, .drop, .error:
            return values.map { $0 ?? 0 }
        case .interpolate:
            return try interpolate(values, column: column)
        }
    }

    private static func interpolate(_ values: [Float?], column: String) throws -> [Float] {
        let present = values.indices.filter { values[$0] != nil }
        guard let first = present.first, let last = present.last else {
            throw DataError.allMissing(column: column)
        }
        var result = values.map { $0 ?? 0 }
        for index in 0..<first { result[index] = result[first] }
        for index in (last + 1)..<values.count { result[index] = result[last] }
        for (low, high) in zip(present, present.dropFirst()) where high > low + 1 {
            let start = Double(result[low])
            let step = (Double(result[high]) - start) / Double(high - low)
            for index in (low + 1)..<high {
                result[index] = Float(start + step * Double(index - low))
            }
        }
        return result
    }
}
