import Foundation
import XCTest

@testable import SpikeEngine

final class SyntheticSeriesTests: XCTestCase {
    func testTheSameSeedGivesBitIdenticalSeries() throws {
        for kind in SyntheticKind.allCases {
            let a = try Series.synthetic(kind: kind, length: 500, variates: 5, seed: 42)
            let b = try Series.synthetic(kind: kind, length: 500, variates: 5, seed: 42)
            XCTAssertEqual(a.values.map(\.bitPattern), b.values.map(\.bitPattern), kind.rawValue)
            let c = try Series.synthetic(kind: kind, length: 500, variates: 5, seed: 43)
            XCTAssertNotEqual(a.values, c.values, kind.rawValue)
        }
    }

    func testTheShapeAndColumnNamesFollowTheArguments() throws {
        let traffic = try Series.synthetic(kind: .traffic, length: 600, variates: 3)
        XCTAssertEqual(traffic.shape, [600, 3])
        XCTAssertEqual(traffic.columns, ["sensor_1", "sensor_2", "sensor_3"])
        XCTAssertEqual(traffic.timeLabels?[33], "d1 Mon 08:15")
        XCTAssertEqual(traffic.timeLabels?[96 * 5], "d6 Sat 00:00")
        let sines = try Series.synthetic(kind: .sines, length: 10, variates: 2)
        XCTAssertEqual(sines.columns, ["sine_1", "sine_2"])
    }

    /// The mean flow of all sensors at each 15-minute slot, over the chosen days.
    private func dailyProfile(_ series: Series, days: [Int]) -> [Double] {
        let perDay = TrafficGenerator.stepsPerDay
        return (0..<perDay).map { slot in
            var sum = 0.0
            for day in days {
                let row = day * perDay + slot
                for c in 0..<series.variates { sum += Double(series.values[row * series.variates + c]) }
            }
            return sum / Double(days.count * series.variates)
        }
    }

    func testWeekdaysHaveAMorningAndAnEveningRushAndWeekendsAreQuieter() throws {
        let traffic = try Series.synthetic(kind: .traffic, length: 96 * 14, variates: 6, seed: 3)
        let weekdays = dailyProfile(traffic, days: [0, 1, 2, 3, 4, 7, 8, 9, 10, 11])
        let weekend = dailyProfile(traffic, days: [5, 6, 12, 13])
        let night = weekdays[12]  // 03:00
        let morning = weekdays[32]  // 08:00
        let noon = weekdays[50]  // 12:30
        let evening = weekdays[70]  // 17:30
        XCTAssertGreaterThan(morning, 3 * night)
        XCTAssertGreaterThan(evening, 3 * night)
        XCTAssertGreaterThan(morning, noon * 1.3)
        XCTAssertGreaterThan(evening, noon * 1.3)
        XCTAssertLessThan(weekend.reduce(0, +), 0.8 * weekdays.reduce(0, +))
        XCTAssertLessThan(weekend[32], 0.5 * morning)
        XCTAssertGreaterThanOrEqual(traffic.values.min() ?? -1, 0)
    }

    func testSensorsAreCorrelatedBeyondTheirSharedDailyShape() throws {
        // Divide each weekday flow by that sensor's mean weekday flow at the same time of day;
        // what is left (daytime only, where flow is large) is the shared factor plus each
        // sensor's own noise, so two sensors' residuals must still be clearly correlated.
        let perDay = TrafficGenerator.stepsPerDay
        let days = (0..<28).filter { $0 % 7 < 5 }
        let traffic = try Series.synthetic(kind: .traffic, length: perDay * 28, variates: 2, seed: 9)
        var residuals: [[Double]] = [[], []]
        for sensor in 0..<2 {
            let x = traffic.column(at: sensor).map(Double.init)
            for slot in 28..<76 {  // 07:00 to 19:00
                let mean = days.map { x[$0 * perDay + slot] }.reduce(0, +) / Double(days.count)
                residuals[sensor] += days.map { x[$0 * perDay + slot] / mean - 1 }
            }
        }
        XCTAssertGreaterThan(correlation(residuals[0], residuals[1]), 0.4)
        let raw = correlation(traffic.column(at: 0).map(Double.init), traffic.column(at: 1).map(Double.init))
        XCTAssertGreaterThan(raw, 0.8)
    }

    func testSinesRepeatWithTheirPeriod() throws {
        // Each sine has a period of 12–96 steps; its autocorrelation is high at some lag in
        // that range and the series is not white noise.
        let sines = try Series.synthetic(kind: .sines, length: 1000, variates: 3, seed: 1)
        for c in 0..<3 {
            let x = sines.column(at: c).map(Double.init)
            let best = (12...96).map { lag in correlation(Array(x.dropLast(lag)), Array(x.dropFirst(lag))) }.max() ?? 0
            XCTAssertGreaterThan(best, 0.9, "column \(c)")
        }
    }

    func testSizesBelowOneAreValueErrorsNamingTheArgument() {
        XCTAssertThrowsError(try Series.synthetic(length: 0)) { error in
            guard case .value(argument: .length, _)? = error as? EngineError else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try Series.synthetic(variates: -1)) { error in
            guard case .value(argument: .variates, _)? = error as? EngineError else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try Series.synthetic(length: 1 << 40, variates: 1 << 30)) { error in
            guard case .resource? = error as? EngineError else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try SyntheticKind(named: "weather")) { error in
            XCTAssertEqual(error as? DataError, .unknownSynthetic(name: "weather", valid: ["traffic", "sines"]))
        }
    }

    private func correlation(_ a: [Double], _ b: [Double]) -> Double {
        let n = Double(a.count)
        let ma = a.reduce(0, +) / n
        let mb = b.reduce(0, +) / n
        var ab = 0.0
        var aa = 0.0
        var bb = 0.0
        for (x, y) in zip(a, b) {
            ab += (x - ma) * (y - mb)
            aa += (x - ma) * (x - ma)
            bb += (y - mb) * (y - mb)
        }
        return ab / (aa * bb).squareRoot()
    }
}
