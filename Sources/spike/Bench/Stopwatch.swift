import Foundation

/// Times a closure: warm-up calls, then repetitions of enough calls to last `minimum` seconds;
/// reports the median seconds per call, by the wall clock, by the process's CPU clock (robust
/// to the machine being shared, and counting every thread the engine uses, so a split that only
/// burns a second core shows) and by the calling thread's CPU clock (the work left on it: on a
/// loaded machine, where the wall clock says little, process ÷ thread CPU bounds what the
/// other threads took off it).
struct Stopwatch {
    var warmUp = 3
    var repetitions = 7
    var minimum = 0.05

    /// Median seconds per call of `body`.
    struct Timing {
        let wall: Double
        let cpu: Double
        let threadCPU: Double
    }

    /// The median time of one call of `body`.
    func median(_ body: () throws -> Void) rethrows -> Timing {
        for _ in 0..<warmUp { try body() }
        // Calibrate how many calls make one repetition last at least `minimum` seconds.
        var calls = 1
        while true {
            let elapsed = try time(calls, body).wall
            if elapsed >= minimum || calls >= 1 << 20 { break }
            calls *= 2
        }
        var wall = [Double]()
        var cpu = [Double]()
        var threadCPU = [Double]()
        for _ in 0..<repetitions {
            let sample = try time(calls, body)
            wall.append(sample.wall / Double(calls))
            cpu.append(sample.cpu / Double(calls))
            threadCPU.append(sample.threadCPU / Double(calls))
        }
        func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
        return Timing(wall: median(wall), cpu: median(cpu), threadCPU: median(threadCPU))
    }

    private func time(_ calls: Int, _ body: () throws -> Void) rethrows -> Timing {
        let startCPU = Self.cpuSeconds(CLOCK_PROCESS_CPUTIME_ID)
        let startThreadCPU = Self.cpuSeconds(CLOCK_THREAD_CPUTIME_ID)
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<calls { try body() }
        let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return Timing(
            wall: wall, cpu: Self.cpuSeconds(CLOCK_PROCESS_CPUTIME_ID) - startCPU,
            threadCPU: Self.cpuSeconds(CLOCK_THREAD_CPUTIME_ID) - startThreadCPU)
    }

    private static func cpuSeconds(_ clock: clockid_t) -> Double {
        var spec = timespec()
        clock_gettime(clock, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
}

/// Prints an encodable report as one JSON object (keys sorted, in snake case: `trainStepMs`
/// is written `train_step_ms`) on stdout.
func printJSON<Report: Encodable>(_ report: Report) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    encoder.keyEncodingStrategy = .convertToSnakeCase
    let data = try encoder.encode(report)
    print(String(decoding: data, as: UTF8.self))
}
