import Foundation

/// Times a closure: warm-up calls, then repetitions of enough calls to last `minimum` seconds;
/// reports the median seconds per call, by the wall clock and by the process's CPU clock (the
/// latter is robust to the machine being shared, and counts every thread the engine uses, so
/// a split that only burns a second core shows).
struct Stopwatch {
    var warmUp = 3
    var repetitions = 7
    var minimum = 0.05

    /// Median seconds per call of `body`.
    struct Timing {
        let wall: Double
        let cpu: Double
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
        for _ in 0..<repetitions {
            let sample = try time(calls, body)
            wall.append(sample.wall / Double(calls))
            cpu.append(sample.cpu / Double(calls))
        }
        return Timing(wall: wall.sorted()[wall.count / 2], cpu: cpu.sorted()[cpu.count / 2])
    }

    private func time(_ calls: Int, _ body: () throws -> Void) rethrows -> Timing {
        let startCPU = Self.processCPUSeconds()
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<calls { try body() }
        let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return Timing(wall: wall, cpu: Self.processCPUSeconds() - startCPU)
    }

    private static func processCPUSeconds() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
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
