import SpikeEngine
import SpikePlot

/// A Spike value. Everything but a network is a value: lists and records are shared only until
/// one binding changes a part (`b[0] = 1` copies storage that `a` still holds, then changes it
/// in place; see `Evaluator+Assignment.swift`), so `b = a` never lets a later change to `b`
/// show through `a`. Payloads larger than 16 bytes are `indirect` (boxed), so a value takes 24 bytes in a
/// list instead of 256. Lists and records release their nested values iteratively (see `ValueList`), so a
/// value nested millions deep is freed without exhausting the stack.
enum Value {
    case number(Double)
    case string(String)
    case boolean(Bool)
    case none
    case list(ValueList)
    case record(Record)
    /// `a..b`: the integers a, a+1, …, b-1, never materialised.
    case range(IntegerRange)
    case function(Closure)
    case builtin(Builtin)
    /// A neuron's parameters (`lif(...)`, `if_neuron(...)`, `plif(...)`).
    indirect case neuron(any Neuron)
    /// A surrogate gradient (`atan()`, `sigmoid()`, ...).
    case surrogate(Surrogate)
    /// A positional encoding (`cpg()`, `sinusoidal()`, ...); `none` stands for no encoding.
    indirect case encoding(PositionalEncoding)
    case tensor(Tensor)
    /// Layers composed with `>>`, before they have met data (`linear(64) >> lif()`).
    case blueprint(Blueprint)
    /// One neuron's run over time (`simulate(...)`).
    indirect case trace(Trace)
    /// A drawn figure (`plot`, `raster`, ...).
    indirect case figure(Figure)
    indirect case table(Table)
    /// A series, a forecasting or classification set, or one of their splits.
    indirect case data(DataValue)
    /// A network (mutable: `train` changes it in place), a training run, scores or a comparison.
    indirect case model(ModelValue)
    /// Markdown text to show formatted (`markdown("# Results")`): `text/markdown` in a notebook.
    case markdown(String)

    /// The kind as it reads in a message: "a number", "a list", "none".
    var typeName: String {
        switch self {
        case .number: return "a number"
        case .string: return "a string"
        case .boolean: return "a boolean"
        case .none: return "none"
        case .list: return "a list"
        case .record: return "a record"
        case .range: return "a range"
        case .function, .builtin: return "a function"
        case .neuron: return "a neuron"
        case .surrogate: return "a surrogate"
        case .encoding: return "an encoding"
        case .tensor: return "a tensor"
        case .blueprint(let blueprint):
            if case .sequence = blueprint { return "a network" }
            return "a layer"
        case .trace: return "a trace"
        case .figure: return "a figure"
        case .table: return "a table"
        case .data(let data): return data.typeName
        case .model(let value): return value.typeName
        case .markdown: return "markdown"
        }
    }

    /// Structural equality for `==`: numbers by value, containers element by element,
    /// functions by identity. Values of different kinds are unequal.
    ///
    /// Containers are walked with a worklist, not by recursion, so comparing values nested
    /// millions deep (`x = [x]` in a long loop) cannot exhaust the stack; lists or records that
    /// share their storage are equal at once. Cost: O(number of values and tensor elements
    /// compared), with `isCancelled` polled every `cancellationChunk` of them (throws
    /// `EngineError.interrupted`), so comparing two 1e8-element tensors stops on an interrupt.
    func isEqual(to other: Value, isCancelled: CancellationCheck? = nil) throws -> Bool {
        var meter = CancellationMeter(isCancelled)
        var pending: [(Value, Value)] = []
        guard try Self.mayBeEqual(self, other, deferring: &pending, meter: &meter) else { return false }
        while let (left, right) = pending.popLast() {
            switch (left, right) {
            case (.list(let a), .list(let b)):
                for (x, y) in zip(a, b) {
                    guard try Self.mayBeEqual(x, y, deferring: &pending, meter: &meter) else { return false }
                }
            case (.record(let a), .record(let b)):
                for (x, y) in zip(a.fields, b.fields) {
                    guard x.name == y.name, try Self.mayBeEqual(x.value, y.value, deferring: &pending, meter: &meter) else { return false }
                }
            default:
                break
            }
        }
        return true
    }

    /// Compares two values one level deep: anything but a list or record now; two lists (or
    /// records) of the same size and different storage are put on `pending` for their items to
    /// be compared later. Counts one step on `meter` (and each tensor element).
    private static func mayBeEqual(
        _ left: Value, _ right: Value, deferring pending: inout [(Value, Value)],
        meter: inout CancellationMeter
    ) throws -> Bool {
        try meter.advance()
        switch (left, right) {
        case (.list(let a), .list(let b)):
            guard !a.sharesStorage(with: b) else { return true }
            guard a.count == b.count else { return false }
            pending.append((left, right))
            return true
        case (.record(let a), .record(let b)):
            guard a.storage !== b.storage else { return true }
            guard a.fields.count == b.fields.count else { return false }
            pending.append((left, right))
            return true
        case (.tensor(let a), .tensor(let b)):
            return try isEqual(a, b, meter: &meter)
        default:
            return left.isEqualLeaf(to: right)
        }
    }

    /// Tensor equality (same shape, equal scalars) compared a chunk at a time, polling `meter`
    /// between chunks.
    private static func isEqual(_ a: Tensor, _ b: Tensor, meter: inout CancellationMeter) throws -> Bool {
        guard a.shape == b.shape else { return false }
        let count = a.scalars.count
        for start in stride(from: 0, to: count, by: cancellationChunk) {
            let chunk = start..<min(start + cancellationChunk, count)
            try meter.advance(by: chunk.count)
            guard a.scalars[chunk] == b.scalars[chunk] else { return false }
        }
        return true
    }

    /// Equality of two values that are not both lists or both records.
    private func isEqualLeaf(to other: Value) -> Bool {
        switch (self, other) {
        case (.number(let a), .number(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.boolean(let a), .boolean(let b)): return a == b
        case (.none, .none): return true
        case (.range(let a), .range(let b)): return a == b
        case (.function(let a), .function(let b)): return a === b
        case (.builtin(let a), .builtin(let b)): return a.name == b.name
        case (.neuron(let a), .neuron(let b)): return a.isEqual(to: b)
        case (.surrogate(let a), .surrogate(let b)): return a == b
        case (.encoding(let a), .encoding(let b)): return a == b
        case (.blueprint(let a), .blueprint(let b)): return a == b
        case (.trace(let a), .trace(let b)): return a == b
        case (.data(let a), .data(let b)): return a == b
        case (.model(let a), .model(let b)): return a.isEqual(to: b)
        default: return false
        }
    }
}

/// The half-open integer range `lower..upper`; empty when `upper <= lower`.
struct IntegerRange: Equatable {
    var lower: Int
    var upper: Int

    var count: Int { upper > lower ? upper - lower : 0 }
}
