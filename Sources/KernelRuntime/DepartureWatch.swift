import Foundation
import ZeroMQ

/// Gives memory back after peers leave: watches the kernel sockets for disconnections (libzmq
/// socket monitors) and trims the heap (``HeapTrim``) on the ``TrimSchedule`` after each.
///
/// What a peer left behind — the queue of a stalled IOPub subscriber, an unfinished message
/// of many frames from an unauthenticated peer — is freed by libzmq when its connection ends,
/// but glibc keeps freed memory in its arenas; without a trim the process would stay as large
/// as it once was. ``run()`` is the watch's loop, on its own thread; it returns when the
/// context shuts down, closing its monitor sockets.
///
/// Not `Sendable`: made where the sockets are set up, then moved (`sending`) to the thread that
/// runs ``run()``, which alone uses its monitors and schedule.
final class DepartureWatch {
    private let monitors: [Socket]
    private var schedule = TrimSchedule()
    private let clock: () -> Double
    private let log: @Sendable (String) -> Void

    /// Monitors the disconnections of `sockets`; call before they are handed to other threads.
    init(
        sockets: [Socket], context: Context, clock: @escaping () -> Double = DepartureWatch.monotonicSeconds,
        log: @escaping @Sendable (String) -> Void
    ) throws(ZeroMQError) {
        var monitors = [Socket]()
        for (index, socket) in sockets.enumerated() {
            let endpoint = "inproc://spike-departures-\(index)"
            try socket.monitor(.disconnected, at: endpoint)
            let monitor = try Socket(context: context, kind: .pair)
            try monitor.set(.linger(milliseconds: 0))
            try monitor.connect(endpoint)
            monitors.append(monitor)
        }
        self.monitors = monitors
        self.clock = clock
        self.log = log
    }

    /// Seconds on the system's monotonic clock.
    static func monotonicSeconds() -> Double {
        Double(DispatchTime.now().uptimeNanoseconds) / 1e9
    }

    /// Waits for departures and trims after them until the context shuts down.
    func run() {
        defer { for monitor in monitors { monitor.close() } }
        while true {
            do {
                let readable = try Poller.readable(monitors, timeoutMilliseconds: 50)
                for (monitor, isReadable) in zip(monitors, readable) where isReadable {
                    while let event = try monitor.receive(dontWait: true) {
                        if Socket.monitorEvent(in: event)?.contains(.disconnected) == true {
                            schedule.peerLeft(at: clock())
                        }
                    }
                }
            } catch .terminated {
                return
            } catch {
                log("departure watch: \(error)")
                return
            }
            if schedule.takeDue(at: clock()) { HeapTrim.releaseFreeMemory() }
        }
    }
}
