import Dispatch
import Foundation

/// Stops the kernel when the process that launched it (`JPY_PARENT_PID`, set by
/// jupyter_client) is gone, so an orphaned kernel does not linger. Checks once a second.
final class ParentWatch {
    private let timer: DispatchSourceTimer

    /// A watch on the parent named in `environment`, or nil when none is named.
    init?(environment: [String: String], stop: StopSignal) {
        guard let text = environment["JPY_PARENT_PID"], let pid = pid_t(text), pid > 1 else { return nil }
        timer = DispatchSource.makeTimerSource(queue: .global())
        timer.schedule(deadline: .now() + 1, repeating: 1)
        timer.setEventHandler {
            if kill(pid, 0) != 0 && errno == ESRCH { stop.raise() }
        }
        timer.resume()
    }

    func cancel() {
        timer.cancel()
    }
}
