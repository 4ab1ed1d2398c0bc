import Foundation

/// A named OS thread running one long-lived loop, which others can wait for.
///
/// The shell thread runs the interpreter, so it gets the stack the interpreter asks for
/// (`Interpreter.callerStackSize`; secondary threads default to far less, the main thread 8 MiB).
public final class ServiceThread: Sendable {
    private let finished = DispatchSemaphore(value: 0)

    /// Starts `body` on a new thread called `name` with `stackSize` bytes of stack.
    public init(name: String, stackSize: Int = 1 << 20, _ body: @escaping @Sendable () -> Void) {
        let thread = Thread { [finished] in
            body()
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
