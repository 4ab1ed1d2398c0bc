import Foundation

/// Elementwise ops on the tape with broadcasting; each VJP sums the gradient back down to its
/// input's shape over the broadcast axes. A VJP captures only what it reads (a shape is copied
/// out rather than capturing the variable, which would keep its tensor alive on the tape).
extension Tape {
    /// a + b (broadcast). VJP: (g, g).
    public func add(_ a: Variable, _ b: Variable) throws -> Variable {
        let value = try a.value + b.value
        return record(value, inputs: [a, b]) { [aShape = a.shape, bShape = b.shape] g in
            [Broadcast.reduce(g, to: aShape), Broadcast.reduce(g, to: bShape)]
        }
    }

    /// a − b (broadcast). VJP: (g, −g).
    public func subtract(_ a: Variable, _ b: Variable) throws -> Variable {
        let value = try a.value - b.value
        return record(value, inputs: [a, b]) { [aShape = a.shape, bShape = b.shape] g in
            [Broadcast.reduce(g, to: aShape), Broadcast.reduce(-g, to: bShape)]
        }
    }

    /// a · b elementwise (broadcast). VJP: (g·b, g·a).
    public func multiply(_ a: Variable, _ b: Variable) throws -> Variable {
        let value = try a.value * b.value
        return record(value, inputs: [a, b]) { g in
            [
                a.isDifferentiable ? Broadcast.reduce(try g * b.value, to: a.shape) : nil,
                b.isDifferentiable ? Broadcast.reduce(try g * a.value, to: b.shape) : nil
            ]
        }
    }

    /// a / b elementwise (broadcast). VJP: (g/b, −g·a/b²).
    public func divide(_ a: Variable, _ b: Variable) throws -> Variable {
        let value = try a.value / b.value
        return record(value, inputs: [a, b]) { g in
            [
                a.isDifferentiable ? Broadcast.reduce(try g / b.value, to: a.shape) : nil,
                b.isDifferentiable ? Broadcast.reduce(try -(g * value) / b.value, to: b.shape) : nil
            ]
        }
    }

    /// factor · a. VJP: factor · g.
    public func scale(_ a: Variable, by factor: Float) -> Variable {
        record(a.value * factor, inputs: [a]) { g in [g * factor] }
    }

    /// a + constant. VJP: g.
    public func shift(_ a: Variable, by constant: Float) -> Variable {
        record(a.value + constant, inputs: [a]) { g in [g] }
    }

    /// max(a, 0). VJP: g where a > 0.
    public func relu(_ a: Variable) -> Variable {
        record(a.value.map { Swift.max($0, 0) }, inputs: [a]) { g in
            [g.zipMap(a.value) { gradient, x in x > 0 ? gradient : 0 }]
        }
    }

    /// tanh(a). VJP: g·(1 − tanh²).
    public func tanh(_ a: Variable) -> Variable {
        let value = a.value.map { Foundation.tanh($0) }
        return record(value, inputs: [a]) { g in [g.zipMap(value) { gradient, y in gradient * (1 - y * y) }] }
    }

    /// The logistic sigmoid 1/(1+e^−a). VJP: g·s·(1 − s).
    public func sigmoid(_ a: Variable) -> Variable {
        let value = a.value.map { 1 / (1 + Foundation.exp(-$0)) }
        return record(value, inputs: [a]) { g in [g.zipMap(value) { gradient, s in gradient * s * (1 - s) }] }
    }

    /// e^a. VJP: g·e^a.
    public func exp(_ a: Variable) -> Variable {
        let value = a.value.map { Foundation.exp($0) }
        return record(value, inputs: [a]) { g in [g.zipMap(value, *)] }
    }

    /// ln a. VJP: g/a.
    public func log(_ a: Variable) -> Variable {
        record(a.value.map { Foundation.log($0) }, inputs: [a]) { g in [g.zipMap(a.value, /)] }
    }

    /// |a|. VJP: g·sign(a) (0 at 0).
    public func abs(_ a: Variable) -> Variable {
        record(a.value.map { Swift.abs($0) }, inputs: [a]) { g in
            [g.zipMap(a.value) { gradient, x in x > 0 ? gradient : (x < 0 ? -gradient : 0) }]
        }
    }

    /// a². VJP: 2·a·g.
    public func square(_ a: Variable) -> Variable {
        record(a.value.map { $0 * $0 }, inputs: [a]) { g in [g.zipMap(a.value) { gradient, x in 2 * x * gradient }] }
    }
}
