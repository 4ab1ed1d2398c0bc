import Foundation

/// Multi-head scaled dot-product attention with softmax (the float transformer's), on
/// [T, B, L, D] with `heads` heads of D/heads features:
///
///     Q, K, V = xW_q, xW_k, xW_v;  A = softmax(QKᵀ/√(D/heads));  y = (A V) W_o
///
/// Cost: 4 linear layers plus 4·T·B·L²·D flops.
struct SoftmaxAttention: Layer {
    var query: Linear, key: Linear, value: Linear, projection: Linear
    let heads: Int

    init(features: Int, heads: Int, generator: inout SeededGenerator) throws {
        try OptionCheck.heads(heads, divide: features)
        query = try Linear(inputs: features, outputs: features, generator: &generator)
        key = try Linear(inputs: features, outputs: features, generator: &generator)
        value = try Linear(inputs: features, outputs: features, generator: &generator)
        projection = try Linear(inputs: features, outputs: features, generator: &generator)
        self.heads = heads
    }

    var parameters: [Tensor] {
        get { query.parameters + key.parameters + value.parameters + projection.parameters }
        set {
            query.parameters = Array(newValue[0..<2])
            key.parameters = Array(newValue[2..<4])
            value.parameters = Array(newValue[4..<6])
            projection.parameters = Array(newValue[6..<8])
        }
    }

    func forward(_ input: Variable, in context: ForwardContext) throws -> Variable {
        guard input.value.rank == 4, input.shape[3] == query.inputs else {
            throw EngineError.shape(operation: "attention", first: input.shape, second: [-1, -1, -1, query.inputs])
        }
        let tape = context.tape
        let (t, b, l, d) = (input.shape[0], input.shape[1], input.shape[2], input.shape[3])
        let width = d / heads
        func split(_ linear: Linear) throws -> Variable {
            try tape.permute(tape.reshape(linear.forward(input, in: context), [t, b, l, heads, width]), [0, 1, 3, 2, 4])
        }
        let q = try split(query)
        let k = try split(key)
        let v = try split(value)
        let scores = tape.scale(try tape.matmul(q, tape.transpose(k)), by: 1 / Float(width).squareRoot())
        let mixed = try tape.matmul(tape.softmax(scores), v)
        let merged = try tape.reshape(tape.permute(mixed, [0, 1, 3, 2, 4]), [t, b, l, d])
        return try projection.forward(merged, in: context)
    }
}
