import Foundation
import Synchronization

/// Runs independent jobs on up to `workers` threads of their own while the calling thread
/// relays their progress events and watches for an interrupt (docs/architecture.md §5).
///
/// Jobs are taken in index order; each gets a `stopped` check to poll (true once the caller's
/// interrupt fired or another job failed) and a `report` to send events through. Events and
/// the interrupt check stay on the calling thread, so neither needs to be thread-safe; the
/// jobs share nothing but this pool. A job that has not started when the pool stops never
/// starts, and its outcome is nil.
///
///     let outcomes = RunPool.run(count: 4, workers: 2, job: { index, report, stopped in index * index },
///                                onEvent: { _, _ in }, isCancelled: nil)
///     outcomes.results   // [0, 1, 4, 9]
enum RunPool {
    /// The outcome of every job (nil for one that never started) and whether the caller's
    /// interrupt stopped the pool.
    struct Outcomes<Outcome> {
        var results: [Outcome?]
        var interrupted: Bool
    }

    /// The stack of each job's thread: training recurses only through a network's stages,
    /// but user networks can be long chains.
    static let stackSize = 16 << 20

    /// How often the calling thread polls the interrupt check while jobs run.
    static let pollInterval = 0.02

    /// Runs `job(index, report, stopped)` for every index in `0..<count` on
    /// `min(workers, count)` threads; calls `onEvent(index, event)` on the calling thread for
    /// each reported event, in the order each job reported them. A job whose outcome
    /// `isFailure` says failed stops the pool (the other jobs see `stopped()` become true).
    static func run<Event: Sendable, Outcome: Sendable>(
        count: Int, workers: Int,
        job:
            @escaping @Sendable (_ index: Int, _ report: @escaping @Sendable (Event) -> Void, _ stopped: @escaping @Sendable () -> Bool)
            -> Outcome,
        isFailure: @escaping @Sendable (Outcome) -> Bool = { _ in false },
        onEvent: (Int, Event) -> Void, isCancelled: CancellationCheck?
    ) -> Outcomes<Outcome> {
        let state = PoolState<Event, Outcome>(count: count)
        let threads = max(1, min(workers, count))
        for _ in 0..<(count == 0 ? 0 : threads) {
            let thread = Thread {
                state.work(job: job, isFailure: isFailure)
            }
            thread.stackSize = stackSize
            thread.start()
        }
        var interrupted = false
        while !state.allDone(threads: count == 0 ? 0 : threads) {
            _ = state.signal.wait(timeout: .now() + pollInterval)
            for (index, event) in state.takeEvents() { onEvent(index, event) }
            if !interrupted, isCancelled?() == true {
                interrupted = true
                state.stop.store(true, ordering: .relaxed)
            }
        }
        for (index, event) in state.takeEvents() { onEvent(index, event) }
        return Outcomes(results: state.takeResults(), interrupted: interrupted)
    }
}

/// What the jobs of one `RunPool.run` share: the next index, the stop flag, the events not
/// yet relayed and the outcomes.
private final class PoolState<Event: Sendable, Outcome: Sendable>: Sendable {
    let next = Atomic<Int>(0)
    let stop = Atomic<Bool>(false)
    let finishedThreads = Atomic<Int>(0)
    /// Signalled after every event and when a thread finishes, to wake the calling thread.
    let signal = DispatchSemaphore(value: 0)
    private let events = Mutex<[(Int, Event)]>([])
    private let results: Mutex<[Outcome?]>
    let count: Int

    init(count: Int) {
        self.count = count
        results = Mutex([Outcome?](repeating: nil, count: count))
    }

    /// One thread's loop: takes the next index until none is left or the pool stopped.
    func work(
        job: @Sendable (Int, @escaping @Sendable (Event) -> Void, @escaping @Sendable () -> Bool) -> Outcome,
        isFailure: @Sendable (Outcome) -> Bool
    ) {
        defer {
            finishedThreads.add(1, ordering: .releasing)
            signal.signal()
        }
        while !stop.load(ordering: .relaxed) {
            let index = next.add(1, ordering: .relaxed).oldValue
            guard index < count else { return }
            let outcome = job(
                index,
                { [self] event in
                    events.withLock { $0.append((index, event)) }
                    signal.signal()
                },
                { [self] in stop.load(ordering: .relaxed) })
            results.withLock { $0[index] = outcome }
            if isFailure(outcome) { stop.store(true, ordering: .relaxed) }
        }
    }

    func allDone(threads: Int) -> Bool {
        finishedThreads.load(ordering: .acquiring) == threads
    }

    func takeEvents() -> [(Int, Event)] {
        events.withLock { events in
            defer { events.removeAll(keepingCapacity: true) }
            return events
        }
    }

    func takeResults() -> [Outcome?] {
        results.withLock { $0 }
    }
}
