import Synchronization

/// Moves one value, `Sendable` or not, from the thread that makes the handoff to the first
/// thread that takes it — checked by the compiler, no `@unchecked`.
///
/// The value comes in as `sending` (the giver keeps no reference to it) and sits behind a
/// `Mutex` until ``take()`` moves it out, once: a second `take()` returns nil.
///
///     let handoff = Handoff(body)            // body: a non-Sendable closure
///     Thread { handoff.take()?() }.start()   // runs on the new thread, only there
final class Handoff<Value>: Sendable {
    private let slot: Mutex<Value?>

    init(_ value: sending Value) {
        slot = Mutex(value)
    }

    /// The value, moved out; nil after the first call.
    func take() -> sending Value? {
        slot.withLock { $0.take() }
    }
}
