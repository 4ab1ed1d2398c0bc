// A kernel's pointers, acquired in one call: the buffers of the arrays it reads (`withBuffers`),
// of those it writes (`withMutableBuffers`) and the scratch it needs (`withScratch`), handed to
// one closure instead of a pyramid of `withUnsafe…` calls. The pointers are valid only inside
// the closure; nothing is copied.
//
//     withBuffers(x, weight, bias) { x, w, b in … }
//     withScratch(Float.self, 2 * size, Int.self, inputs) { floats, ints in … }

/// `body` with the buffers of `a` and `b`.
@inline(__always)
func withBuffers<A, B, Result>(
    _ a: [A], _ b: [B], _ body: (UnsafeBufferPointer<A>, UnsafeBufferPointer<B>) -> Result
) -> Result {
    a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in body(a, b) } }
}

/// `body` with the buffers of `a`, `b` and `c`.
@inline(__always)
func withBuffers<A, B, C, Result>(
    _ a: [A], _ b: [B], _ c: [C],
    _ body: (UnsafeBufferPointer<A>, UnsafeBufferPointer<B>, UnsafeBufferPointer<C>) -> Result
) -> Result {
    withBuffers(a, b) { a, b in c.withUnsafeBufferPointer { c in body(a, b, c) } }
}

/// `body` with the buffers of `a`, `b`, `c` and `d`.
@inline(__always)
func withBuffers<A, B, C, D, Result>(
    _ a: [A], _ b: [B], _ c: [C], _ d: [D],
    _ body: (UnsafeBufferPointer<A>, UnsafeBufferPointer<B>, UnsafeBufferPointer<C>, UnsafeBufferPointer<D>) -> Result
) -> Result {
    withBuffers(a, b, c) { a, b, c in d.withUnsafeBufferPointer { d in body(a, b, c, d) } }
}

/// `body` with the mutable buffers of `a` and `b`.
@inline(__always)
func withMutableBuffers<A, B, Result>(
    _ a: inout [A], _ b: inout [B], _ body: (UnsafeMutableBufferPointer<A>, UnsafeMutableBufferPointer<B>) -> Result
) -> Result {
    a.withUnsafeMutableBufferPointer { a in b.withUnsafeMutableBufferPointer { b in body(a, b) } }
}

/// `body` with uninitialised stack or heap scratch: `countA` values of `A` and `countB` of `B`.
@inline(__always)
func withScratch<A, B, Result>(
    _: A.Type, _ countA: Int, _: B.Type, _ countB: Int,
    _ body: (UnsafeMutableBufferPointer<A>, UnsafeMutableBufferPointer<B>) -> Result
) -> Result {
    withUnsafeTemporaryAllocation(of: A.self, capacity: countA) { a in
        withUnsafeTemporaryAllocation(of: B.self, capacity: countB) { b in body(a, b) }
    }
}
