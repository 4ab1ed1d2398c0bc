import Foundation

/// A named OS thread running one long-lived loop, which others can wait for.
///
/// The shell thread runs the interpreter, so it gets the stack the interpreter asks for
/// (`Interpreter.callerStackSize`; secondary threads default to far less, the main thread 8 MiB).
///
/// The body is `sending`, not `@Sendable`: it may capture what is not `Sendable` (the shell
/// thread's interpreter) as long as the starting thread hands it over and keeps no reference
/// — the compiler checks that — and it then runs on the new thread only.
public final class ServiceThread: Sendable {
    private let finished = DispatchSemaphore(value: 0)

    /// Starts `body` on a new thread called `name` with `stackSize` bytes of stack.
    public init(name: String, stackSize: Int = 1 << 20, _ body: sending @escaping () -> Void) {
        let handoff = Handoff(body)
        let thread = Thread { [finished] in
            handoff.take()?()
            finished.signal()
        }
        thread.name = name
        thread.stackSize = stackSize
        thread.start()
    }

    /// Waits until the loop has returned, at most `timeout` seconds; true if it did.
    @discardableResult
    public func join(timeout: TimeInterval) -> Bool {
        guard finished.wait(timeout: .now() + timeout) == .success else { return false }
        finished.signal()
        return true
    }
}
