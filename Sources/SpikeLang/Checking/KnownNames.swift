/// The names a cell has bound so far, where a branch's or a function body's bindings can be
/// forgotten again at a cost proportional to what they bound, not to everything known.
///
///     var known = KnownNames()
///     known.insert("a")
///     let mark = known.mark
///     known.insert("b")
///     known.rollBack(to: mark)   // ["b"]; `known` holds "a" alone again
struct KnownNames {
    private var names: Set<String> = []
    /// The names that were new when inserted, in order: `rollBack(to:)` removes a suffix.
    private var log: [String] = []

    var count: Int { names.count }

    /// Every known name, in no particular order.
    var all: Set<String> { names }

    /// A point to roll back to.
    var mark: Int { log.count }

    func contains(_ name: String) -> Bool {
        names.contains(name)
    }

    mutating func insert(_ name: String) {
        if names.insert(name).inserted { log.append(name) }
    }

    mutating func insert(contentsOf newNames: some Sequence<String>) {
        for name in newNames { insert(name) }
    }

    /// Forgets the names inserted since `mark` and returns them. Cost: O(their count).
    @discardableResult
    mutating func rollBack(to mark: Int) -> [String] {
        let forgotten = Array(log[mark...])
        log.removeSubrange(mark...)
        for name in forgotten { names.remove(name) }
        return forgotten
    }
}
