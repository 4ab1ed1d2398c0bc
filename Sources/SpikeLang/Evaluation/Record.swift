/// An ordered record `{name: value, …}`; field order is the order written.
///
/// Like lists, records are values, changed in place only by a part assignment to storage no
/// other record shares (`Evaluator+Assignment.swift`); the fields live in one shared
/// storage object whose release takes nested values apart iteratively (see `ValueList`).
struct Record {
    struct Field {
        var name: String
        var value: Value
    }

    /// The shared fields; `var` so the release can test it for sole ownership.
    var storage: Storage

    init(_ fields: [Field] = []) {
        storage = Storage(fields)
    }

    var fields: [Field] { storage.fields }

    subscript(name: String) -> Value? {
        fields.first { $0.name == name }?.value
    }

    var names: [String] { fields.map(\.name) }

    /// Owns a record's fields; releases nested values iteratively.
    final class Storage {
        private(set) var fields: [Field]

        init(_ fields: [Field]) {
            self.fields = fields
        }

        /// Lets `body` change field `name` in place, appending the field (starting from `none`)
        /// if it is absent. Only for storage no other record shares (the caller checks
        /// `isKnownUniquelyReferenced`): records are values. Cost: O(number of fields).
        func modifyField(_ name: String, _ body: (inout Value) throws -> Void) rethrows {
            if let index = fields.firstIndex(where: { $0.name == name }) {
                try body(&fields[index].value)
            } else {
                var value = Value.none
                try body(&value)
                fields.append(Field(name: name, value: value))
            }
        }

        /// Moves the field values onto `pending`, leaving this storage empty.
        func surrender(into pending: inout [Value]) {
            pending.append(contentsOf: fields.lazy.map(\.value))
            fields = []
        }

        deinit {
            guard fields.contains(where: { $0.value.holdsValues }) else { return }
            var pending = fields.map(\.value)
            fields = []
            Value.dismantle(&pending)
        }
    }
}
