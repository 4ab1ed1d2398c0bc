/// The items of a Spike list: an array shared by value, whose release never recurses.
///
/// Lists are values (`b = a` shares the items until one of them changes; a part assignment
/// changes storage in place only when no other list holds it), so `ValueList` is a read-only
/// collection over one shared storage object. That
/// object is the list's sole owner of its items; when the last list using it goes, its `deinit`
/// takes the nested lists, records and functions apart with a worklist (`Value.dismantle`)
/// instead of letting Swift release them one nested call per level, which overflowed the stack
/// for `x = [x]` repeated two million times.
///
///     let inner: ValueList = [.number(1)]
///     let outer = ValueList([.list(inner), .number(2)])   // outer.count == 2
struct ValueList: RandomAccessCollection, ExpressibleByArrayLiteral {
    /// The shared items; `var` so the release can test it for sole ownership.
    var storage: Storage

    init(_ items: [Value] = []) {
        storage = Storage(items)
    }

    init(arrayLiteral items: Value...) {
        self.init(items)
    }

    /// The items as an array (shares the buffer; O(1)).
    var items: [Value] { storage.items }

    var startIndex: Int { 0 }
    var endIndex: Int { storage.items.count }

    subscript(position: Int) -> Value { storage.items[position] }

    /// Whether both lists use the same storage (so they are equal without comparing items).
    func sharesStorage(with other: ValueList) -> Bool { storage === other.storage }

    /// Owns a list's items; releases nested values iteratively.
    final class Storage {
        private(set) var items: [Value]

        init(_ items: [Value]) {
            self.items = items
        }

        /// Lets `body` change item `position` in place. Only for storage no other list shares
        /// (the caller checks `isKnownUniquelyReferenced`): lists are values.
        func modifyItem(at position: Int, _ body: (inout Value) throws -> Void) rethrows {
            try body(&items[position])
        }

        /// Moves the items onto `pending`, leaving this storage empty (used by `Value.dismantle`).
        func surrender(into pending: inout [Value]) {
            pending.append(contentsOf: items)
            items = []
        }

        deinit {
            guard items.contains(where: \.holdsValues) else { return }
            var pending = items
            items = []
            Value.dismantle(&pending)
        }
    }
}

extension Value {
    /// A list value from an array of items.
    static func list(_ items: [Value]) -> Value {
        .list(ValueList(items))
    }

    /// Whether releasing this value may release other values (so it is worth dismantling).
    var holdsValues: Bool {
        switch self {
        case .list(let list): return !list.isEmpty
        case .record(let record): return !record.fields.isEmpty
        case .function: return true
        default: return false
        }
    }

    /// Releases `pending` and everything only it holds, one value at a time: a container held
    /// nowhere else gives up its items to the worklist before it goes, so no release nests.
    /// Cost: O(number of values released).
    static func dismantle(_ pending: inout [Value]) {
        while var value = pending.popLast() {
            value.surrenderIfSoleOwner(into: &pending)
        }
    }

    /// Becomes `none`; if this was the last reference to a list, record or function, moves
    /// what it held onto `pending` first. (`if case` rather than `switch`: an unoptimized
    /// `switch` keeps a second reference to the payload, which would defeat the check.)
    private mutating func surrenderIfSoleOwner(into pending: inout [Value]) {
        if case .list(var list) = self {
            self = .none
            if isKnownUniquelyReferenced(&list.storage) { list.storage.surrender(into: &pending) }
        } else if case .record(var record) = self {
            self = .none
            if isKnownUniquelyReferenced(&record.storage) { record.storage.surrender(into: &pending) }
        } else if case .function(var closure) = self {
            self = .none
            if isKnownUniquelyReferenced(&closure) { closure.surrender(into: &pending) }
        }
    }
}
