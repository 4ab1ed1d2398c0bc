import Foundation
import JupyterKernel

/// Turns SIGINT into a cancellation request instead of process death.
///
/// Frontends in `interrupt_mode: "signal"` (and `jupyter console` Ctrl-C, and jupyter_client's
/// `shutdown_kernel`) send SIGINT; the default action would kill the kernel. A minimal
/// async-signal-safe handler writes one byte to a self-pipe; a watcher thread reads it and
/// raises the same flag as `interrupt_request`. (A dispatch signal source does not work here:
/// on Linux it needs the signal blocked in every thread.)
final class SignalInterrupts {
    private let watcher: ServiceThread

    init(cancellation: CancellationFlag) {
        let pipe = interruptPipe
        watcher = ServiceThread(name: "spike-sigint") {
            var byte: UInt8 = 0
            while true {
                let count = read(pipe.readEnd, &byte, 1)
                if count < 0 && errno == EINTR { continue }
                if count <= 0 || byte == SelfPipe.stopByte { return }
                cancellation.set()
            }
        }
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in
            var byte = SelfPipe.interruptByte
            _ = write(interruptPipe.writeEnd, &byte, 1)
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = SA_RESTART
        sigaction(SIGINT, &action, nil)
    }

    /// Stops observing; SIGINT gets its default action back.
    func cancel() {
        signal(SIGINT, SIG_DFL)
        var byte = SelfPipe.stopByte
        _ = write(interruptPipe.writeEnd, &byte, 1)
        watcher.join(timeout: 1)
    }
}

/// A pipe to wake a thread blocked in `read` or `poll`; a signal handler may write to it
/// (`write` is async-signal-safe). Both ends close when it is released.
final class SelfPipe: Sendable {
    static let interruptByte: UInt8 = 1
    static let stopByte: UInt8 = 0
    let readEnd: Int32
    let writeEnd: Int32

    init() {
        var ends: [Int32] = [-1, -1]
        let created = pipe(&ends)
        precondition(created == 0, "cannot create the SIGINT pipe")
        readEnd = ends[0]
        writeEnd = ends[1]
    }

    deinit {
        close(readEnd)
        close(writeEnd)
    }
}

/// The one pipe of this process's SIGINT handler. A C signal handler cannot capture context,
/// so it reaches the pipe through this constant (created once, never reassigned).
let interruptPipe = SelfPipe()
