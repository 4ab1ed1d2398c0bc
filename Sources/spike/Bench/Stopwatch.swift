import Foundation

/// Times a closure: warm-up calls, then repetitions of enough calls to last `minimum` seconds;
/// reports the median seconds per call.
struct Stopwatch {
    var warmUp = 3
    var repetitions = 7
    var minimum = 0.05

    /// The median wall time of one call of `body`, in seconds.
    func median(_ body: () throws -> Void) rethrows -> Double {
        for _ in 0..<warmUp { try body() }
        // Calibrate how many calls make one repetition last at least `minimum` seconds.
        var calls = 1
        while true {
            let elapsed = try time(calls, body)
            if elapsed >= minimum || calls >= 1 << 20 { break }
            calls *= 2
        }
        var samples = [Double]()
        for _ in 0..<repetitions {
            samples.append(try time(calls, body) / Double(calls))
        }
        samples.sort()
        return samples[samples.count / 2]
    }

    private func time(_ calls: Int, _ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<calls { try body() }
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
}

/// Prints an encodable report as one JSON object (keys sorted) on stdout.
func printJSON<Report: Encodable>(_ report: Report) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let data = try encoder.encode(report)
    print(String(decoding: data, as: UTF8.self))
}
