/// When to give freed memory back to the system after peers leave: a few times over the next
/// two seconds after each departure, as libzmq's I/O thread frees what was queued for them.
///
///     var schedule = TrimSchedule()
///     schedule.peerLeft(at: 10.0)        // trims due at 10.1, 10.5 and 12.0
///     schedule.takeDue(at: 10.05)        // false
///     schedule.takeDue(at: 10.6)         // true (10.1 and 10.5 both passed: one trim serves)
///     schedule.takeDue(at: 12.0)         // true, and then nothing is due
///
/// Times are seconds on any monotonic clock. A departure while trims are pending starts the
/// schedule again from that departure.
struct TrimSchedule: Equatable {
    /// Delays after a departure at which the heap is trimmed, in seconds.
    static let delays: [Double] = [0.1, 0.5, 2]

    /// Pending trim times, soonest first.
    private(set) var deadlines: [Double] = []

    /// Records a departure at `now`.
    mutating func peerLeft(at now: Double) {
        deadlines = Self.delays.map { now + $0 }
    }

    /// Whether a trim is due at `now`; consumes every deadline that has passed.
    mutating func takeDue(at now: Double) -> Bool {
        let passed = deadlines.prefix { $0 <= now }.count
        deadlines.removeFirst(passed)
        return passed > 0
    }
}
