/// The session's top-level bindings, shared by reference between the session, the evaluator
/// running a cell and every function defined in the session.
///
/// Sharing is what makes a function see a global's current value when it runs (Python's late
/// binding): after `x = 1; fn f() = x; x = 2`, `f()` is 2. It also keeps closures cheap: a
/// function holds this one object, never a copy of the session's bindings.
///
/// Functions bound here hold the object in turn (a reference cycle); the session breaks it by
/// emptying `bindings` on `%reset` and when it goes away.
final class Globals {
    var bindings: [String: Value]

    init(_ bindings: [String: Value] = [:]) {
        self.bindings = bindings
    }
}
