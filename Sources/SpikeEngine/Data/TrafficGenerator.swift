import Foundation

/// A synthetic road-traffic data set: flow (vehicles per hour) at several sensors along a
/// road, every 15 minutes (96 steps a day), starting on a Monday at 00:00. It stands in for
/// METR-LA / PEMS-BAY, which cannot be shipped.
///
/// Sensor i has a peak flow A_i ~ U(800, 1600) and a lag d_i ~ U(-0.5, 0.5) h (downstream
/// sensors see the rush later). With g(x, w) = exp(-x² / 2w²) and h the hour of the day:
///
///     weekday  p(h) = 0.15 + g(h - 8 - d_i, 1) + 0.85 g(h - 17.5 - d_i, 1.3) + 0.35 g(h - 13, 2.5)
///     weekend  p(h) = 0.15 + 0.1 g(h - 8 - d_i, 1) + 0.1 g(h - 17.5 - d_i, 1.3) + 0.55 g(h - 13.5, 3)
///     flow_i(t) = max(0, A_i p(h) (1 + c(t) + e_i(t)) + 0.02 A_i n_i(t))
///
/// so weekdays have a double rush hour (08:00 and 17:30) and Saturdays and Sundays are quieter
/// with one midday bump. c(t) is a factor shared by every sensor (weather, events) and makes
/// them correlated: AR(1) with coefficient 0.98 and stationary deviation 0.08. e_i(t) is each
/// sensor's own AR(1) (coefficient 0.7, deviation 0.05) and n_i(t) standard normal noise.
/// All randomness comes from `SeededGenerator(seed:)`, drawn in a fixed order.
struct TrafficGenerator {
    /// Steps per day (15-minute intervals).
    static let stepsPerDay = 96
    private static let dayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

    let sensors: Int
    let seed: UInt64

    /// The series of `length` steps, columns `sensor_1` ... `sensor_N`, labels like `d1 Mon 08:15`.
    func series(length: Int) throws -> Series {
        var generator = SeededGenerator(seed: seed)
        let peaks = (0..<sensors).map { _ in 800 + 800 * generator.nextUnit() }
        let lags = (0..<sensors).map { _ in generator.nextUnit() - 0.5 }
        let shared = AutoRegression(coefficient: 0.98, deviation: 0.08)
        let own = AutoRegression(coefficient: 0.7, deviation: 0.05)
        var common = shared.deviation * generator.nextNormalPair().0
        var individual = (0..<sensors).map { _ in own.deviation * generator.nextNormalPair().0 }

        var values = [Float]()
        values.reserveCapacity(length * sensors)
        var labels = [String]()
        labels.reserveCapacity(length)
        for step in 0..<length {
            let day = step / Self.stepsPerDay
            let hour = Double(step % Self.stepsPerDay) * 24 / Double(Self.stepsPerDay)
            let weekend = day % 7 >= 5
            labels.append(Self.label(day: day, hour: hour))
            common = shared.next(after: common, generator: &generator)
            for sensor in 0..<sensors {
                individual[sensor] = own.next(after: individual[sensor], generator: &generator)
                let noise = generator.nextNormalPair().0
                let profile = Self.profile(hour: hour, lag: lags[sensor], weekend: weekend)
                let flow = peaks[sensor] * profile * (1 + common + individual[sensor]) + 0.02 * peaks[sensor] * noise
                values.append(Float(max(0, flow)))
            }
        }
        let columns = (1...sensors).map { "sensor_\($0)" }
        return try Series(name: "traffic", columns: columns, values: values, timeLabels: labels)
    }

    /// The relative flow at `hour` (0..<24) for a sensor with `lag` hours, p(h) above.
    static func profile(hour: Double, lag: Double, weekend: Bool) -> Double {
        func bump(_ centre: Double, _ width: Double) -> Double {
            let x = hour - centre
            return exp(-x * x / (2 * width * width))
        }
        let morning = bump(8 + lag, 1)
        let evening = bump(17.5 + lag, 1.3)
        if weekend {
            return 0.15 + 0.1 * morning + 0.1 * evening + 0.55 * bump(13.5, 3)
        }
        return 0.15 + morning + 0.85 * evening + 0.35 * bump(13, 2.5)
    }

    private static func label(day: Int, hour: Double) -> String {
        let minutes = Int((hour * 60).rounded())
        let hh = minutes / 60
        let mm = minutes % 60
        let time = (hh < 10 ? "0" : "") + "\(hh):" + (mm < 10 ? "0" : "") + "\(mm)"
        return "d\(day + 1) \(dayNames[day % 7]) \(time)"
    }
}
