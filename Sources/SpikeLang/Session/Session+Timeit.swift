import Foundation

extension Session {
    /// `%timeit`: runs `code` quietly `loops` times per repeat, `repeats` times, and writes the
    /// time per loop as IPython does: `1.2 ms ± 30 µs per loop (mean ± std. dev. of 7 runs,
    /// 100 loops each)`. Without `-n`, loops grow 1, 2, 5, 10, 20, … until one repeat takes at
    /// least 0.2 s (those calibration runs are not counted); without `-r`, 7 repeats. Nothing
    /// the code shows or prints is kept; its bindings are (each run assigns them again). The
    /// first failure or interrupt ends the timing and is the cell's outcome.
    func timeit(_ code: String, source: String, output: OutputSink, loops: Int?, repeats: Int?) -> CellOutcome {
        let quiet = MutedSink(of: output)
        func seconds(for count: Int) -> (Double, CellOutcome?) {
            let started = ContinuousClock.now
            for _ in 0..<count {
                let outcome = execute(code, source: source, output: quiet)
                if outcome.failure != nil { return (0, outcome) }
            }
            let elapsed = ContinuousClock.now - started
            return (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18, nil)
        }
        var loopCount = loops ?? 1
        if loops == nil {
            var step = 0
            while true {
                let (total, failed) = seconds(for: loopCount)
                if let failed { return failed }
                if total >= 0.2 { break }
                step += 1
                loopCount = [1, 2, 5][step % 3] * Int(pow(10, Double(step / 3)))
            }
        }
        var perLoop: [Double] = []
        for _ in 0..<(repeats ?? 7) {
            let (total, failed) = seconds(for: loopCount)
            if let failed { return failed }
            perLoop.append(total / Double(loopCount))
        }
        let mean = perLoop.reduce(0, +) / Double(perLoop.count)
        let deviation = (perLoop.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(perLoop.count)).squareRoot()
        let runs = perLoop.count == 1 ? "1 run" : "\(perLoop.count) runs"
        let each = loopCount == 1 ? "1 loop each" : "\(loopCount.formatted(.number.grouping(.automatic))) loops each"
        output.write(
            "\(WallTime.text(mean)) ± \(WallTime.text(deviation)) per loop (mean ± std. dev. of \(runs), \(each))\n",
            stream: .stdout)
        return CellOutcome()
    }
}

extension Magic {
    var isTimeit: Bool {
        if case .timeit = self { return true }
        return false
    }
}
