import Dispatch
import Foundation
import JupyterKernel

/// Turns SIGINT into a cancellation request instead of process death.
///
/// Frontends in `interrupt_mode: "signal"` (and `jupyter console` Ctrl-C, and jupyter_client's
/// `shutdown_kernel`) send SIGINT; the default action would kill the kernel. The signal is
/// ignored at the process level and observed through a dispatch source, which raises the
/// same flag as `interrupt_request`.
final class SignalInterrupts {
    private let source: DispatchSourceSignal

    init(cancellation: CancellationFlag) {
        signal(SIGINT, SIG_IGN)
        source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler { cancellation.set() }
        source.resume()
    }

    /// Stops observing; SIGINT gets its default action back.
    func cancel() {
        source.cancel()
        signal(SIGINT, SIG_DFL)
    }
}
