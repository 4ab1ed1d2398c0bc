/// A list built one item at a time (a comprehension, `map`, `filter`) within the session's
/// memory budget: before the array would grow to a larger capacity, the bytes of that
/// capacity are checked, so a runaway list is a `ResourceError` before it is allocated.
///
///     var builder = ListBuilder()
///     for item in items { try builder.append(item, evaluator, at: range) }
///     return .list(builder.items)
///
/// Cost: amortised O(1) per item; the budget is consulted O(log n) times for n items.
struct ListBuilder {
    private(set) var items: [Value] = []
    /// The memory one item takes at the peak: a value, plus what it holds when the builder
    /// makes it (a pair's list for `enumerate`).
    var bytesEach = MemoryLayout<Value>.stride

    /// Appends `item`, first checking the budget for the next capacity when the array is full.
    mutating func append(_ item: Value, _ evaluator: Evaluator, at range: SourceRange) throws {
        if items.count == items.capacity {
            try evaluator.checkBudget(count: max(16, 2 * items.capacity), bytesEach: bytesEach, at: range)
        }
        items.append(item)
    }
}
