/// `break` or `continue` on its way to the innermost `for` loop, which catches it. The checker
/// admits them only inside a loop body of the same function, so one never leaves a call.
struct LoopJump: Error {
    var kind: Statement.Jump
}
