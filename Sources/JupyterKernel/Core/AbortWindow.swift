import Foundation

/// How long the kernel holds the reply to an execution that failed with `stop_on_error`, so
/// that the rest of a Run-All burst is aborted instead of run.
///
/// A Run-All client (JupyterLab, `for cell in cells: kc.execute(cell)`) sends all its
/// execute requests before it sees any reply. When the first cell fails fast (a name error is
/// found before the cell runs), the later requests may not have reached the kernel yet when
/// it is done with the first one; answering at once and aborting only what is queued then
/// lets them run. So the reply (and the idle after it) is held until the burst is in:
///
/// - the hold ends `quiet` after the kernel took the failed request, or `quiet` after the
///   last execute request that arrived during the hold, whichever is later;
/// - but never later than `longest` after the kernel took the failed request;
/// - every execute request that arrived before the reply is sent (already queued, or during
///   the hold) is answered `status: aborted` without running; other requests are served.
///
/// A client cannot react to a reply it has not received, so a request sent after the client
/// saw the failure's reply (or its idle) is never aborted — whatever the clocks say and
/// whether or not the request carries a `date`. A cell that ran longer than `longest` is
/// answered at once (its followers are long queued). The cost is a failed cell's reply
/// arriving up to `quiet` after its error output, once per failure.
///
/// Why not the request's `date` against the time of the failure reply: the followers of a
/// burst are dated when the client builds them, which on a fast failure is often after the
/// kernel already replied (the kernel was quicker than the client), and remote clocks skew.
///
/// ``standard``: `quiet` 50 ms, `longest` 1 s. Measured with `Tests/Conformance/test_run_all.py
/// --measure` on the 2-core development machine, load average 3–5 (other builds running):
/// jupyter_client sends a three-request burst in 0.3–1 ms (median), 23 ms at worst over 400
/// bursts, so 50 ms of quiet covers it twice over. In 200 bursts (half after a name error,
/// half after a run-time error) Spike aborted both followers 200 times (2 of 40 without the
/// hold; ipykernel 7.4: 194 of 200), and a request sent the moment the failure's reply
/// arrived ran 200 of 200 times (ipykernel aborted 4 of 200).
/// A failed cell's reply then comes 53 ms (median) after the request instead of 3 ms.
public struct AbortWindow: Equatable, Sendable {
    /// Seconds without a new execute request after which the hold ends.
    public var quiet: TimeInterval
    /// The longest hold, in seconds from the moment the failed request was taken.
    public var longest: TimeInterval

    public init(quiet: TimeInterval, longest: TimeInterval) {
        self.quiet = quiet
        self.longest = longest
    }

    /// 50 ms quiet, 1 s at most.
    public static let standard = AbortWindow(quiet: 0.05, longest: 1)

    /// No hold: only requests queued when the failed cell is done are aborted.
    public static let queuedOnly = AbortWindow(quiet: 0, longest: 0)

    /// When the hold ends for a request taken at `takenAt`, the last execute request having
    /// arrived at `lastArrival` (nil when none arrived yet).
    func deadline(takenAt: Date, lastArrival: Date?) -> Date {
        let quietEnd = max(takenAt, lastArrival ?? takenAt).addingTimeInterval(quiet)
        return min(quietEnd, takenAt.addingTimeInterval(longest))
    }
}
