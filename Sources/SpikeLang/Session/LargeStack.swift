import Foundation

/// Runs work on a fresh thread with a large stack and waits for it.
///
/// The parser bounds nesting and the evaluator bounds call depth, but those bounds must hold
/// whatever thread the kernel calls from (secondary threads often get 512 KB). A 512 MB stack
/// is reserved, not committed: pages are touched only as deep as evaluation goes.
enum LargeStack {
    static let size = 512 << 20

    static func run<T>(_ work: @escaping () -> T) -> T {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.value = work()
            done.signal()
        }
        thread.stackSize = size
        thread.start()
        done.wait()
        guard let value = box.value else {
            // The thread always stores a value before signalling.
            preconditionFailure("evaluation thread finished without a result")
        }
        return value
    }

    private final class ResultBox<T>: @unchecked Sendable {
        var value: T?
    }
}
