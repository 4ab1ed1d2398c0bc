import XCTest

@testable import SpikePlot

final class NumberFormatTests: XCTestCase {
    func testSignificantDigitsNeverShowFloatNoise() {
        XCTAssertEqual(NumberFormat.significant(0.1 + 0.2, digits: 4), "0.3")
        XCTAssertEqual(NumberFormat.significant(0.30000000000000004, digits: 17), "0.30000000000000004")
        XCTAssertEqual(NumberFormat.significant(2.0 / 3, digits: 4), "0.6667")
        XCTAssertEqual(NumberFormat.significant(123456, digits: 4), "123456")
        XCTAssertEqual(NumberFormat.significant(12345.678, digits: 4), "12346")
        XCTAssertEqual(NumberFormat.significant(1234567.5, digits: 3), "1.23e+06")
        XCTAssertEqual(NumberFormat.significant(0.000012345, digits: 3), "1.23e-05")
        XCTAssertEqual(NumberFormat.significant(-0.00049999, digits: 2), "-0.0005")
        XCTAssertEqual(NumberFormat.significant(9.9996, digits: 4), "10")
        XCTAssertEqual(NumberFormat.significant(-0.0, digits: 4), "0")
        XCTAssertEqual(NumberFormat.significant(.nan, digits: 4), "NaN")
        XCTAssertEqual(NumberFormat.significant(-.infinity, digits: 4), "−∞")
    }

    func testSignificantTextReadsBackWithinHalfAUnitInTheLastKeptDigit() {
        var generator = SeededRandom(seed: 21)
        for _ in 0..<5000 {
            let digits = Int.random(in: 1...8, using: &generator)
            let exponent = Double.random(in: -12...12, using: &generator)
            let value = (Bool.random(using: &generator) ? 1 : -1) * pow(10, exponent)
            let text = NumberFormat.significant(value, digits: digits)
            guard let parsed = Double(text) else {
                XCTFail("\(text) does not parse (value \(value), \(digits) digits)")
                continue
            }
            let unit = pow(10, (log10(abs(value))).rounded(.down) - Double(digits - 1))
            let isWholeNumber = value == value.rounded() && abs(value) < 1e15
            XCTAssertLessThanOrEqual(
                abs(parsed - value), (isWholeNumber ? 0 : unit / 2) * (1 + 1e-9) + 1e-300,
                "\(value) to \(digits) digits read \(text)")
            let mantissa = text.split(separator: "e").first.map(String.init) ?? text
            let kept = mantissa.filter(\.isNumber).drop { $0 == "0" }
            let integerPart = mantissa.split(separator: ".").first?.filter(\.isNumber).drop { $0 == "0" }.count ?? 0
            XCTAssertTrue(isWholeNumber || kept.count <= max(digits, integerPart), "\(text) keeps more than \(digits) digits")
        }
    }

    func testTenthsRoundCoordinatesAndNeverPrintMinusZero() {
        XCTAssertEqual(NumberFormat.tenths(12.34), "12.3")
        XCTAssertEqual(NumberFormat.tenths(-0.04), "0")
        XCTAssertEqual(NumberFormat.tenths(-0.06), "-0.1")
        XCTAssertEqual(NumberFormat.tenths(7.0), "7")
        XCTAssertEqual(NumberFormat.tenths(-12.96), "-13")
    }

    func testLinearTicksAreNiceStepsWithCleanLabels() {
        let axis = Axis.linear(low: 0, high: 0.1 + 0.2, maxTicks: 4)
        XCTAssertEqual(axis.ticks.map(\.label), ["0.0", "0.1", "0.2", "0.3"])
        let wide = Axis.linear(low: -3.7, high: 12.2, maxTicks: 5)
        XCTAssertEqual(wide.ticks.map(\.label), ["0", "5", "10"])
        let quarter = Axis.linear(low: 0, high: 1, maxTicks: 4)
        XCTAssertEqual(quarter.ticks.map(\.label), ["0.00", "0.25", "0.50", "0.75", "1.00"])
        let big = Axis.linear(low: 0, high: 3e6, maxTicks: 3)
        XCTAssertEqual(big.ticks.map(\.label), ["0", "1e+06", "2e+06", "3e+06"])
    }

    func testTickLabelsOfRandomRangesAreDistinctShortAndReadBackAsTheirTicks() {
        var generator = SeededRandom(seed: 22)
        for _ in 0..<2000 {
            let scale = pow(10, Double.random(in: -8...9, using: &generator))
            let low = Double.random(in: -5...5, using: &generator) * scale
            let high = low + Double.random(in: 0.01...10, using: &generator) * scale
            let axis = Axis.linear(low: low, high: high, maxTicks: Int.random(in: 2...10, using: &generator))
            let labels = axis.ticks.map(\.label)
            XCTAssertGreaterThanOrEqual(labels.count, 2, "\(low)...\(high)")
            XCTAssertEqual(Set(labels).count, labels.count, "duplicate labels \(labels)")
            let step = axis.ticks.count > 1 ? axis.ticks[1].value - axis.ticks[0].value : 1
            for tick in axis.ticks {
                XCTAssertLessThanOrEqual(tick.label.count, 12, "label \(tick.label) for \(tick.value)")
                let parsed = Double(tick.label) ?? .nan
                XCTAssertEqual(parsed, tick.value, accuracy: step * 1e-6, "label \(tick.label) for \(tick.value)")
            }
        }
    }

    func testNiceStepsAreOneTwoTwoAndAHalfOrFiveTimesAPowerOfTen() {
        XCTAssertEqual(Axis.niceStep(0.13), 0.2, accuracy: 1e-12)
        XCTAssertEqual(Axis.niceStep(0.07), 0.1, accuracy: 1e-12)
        XCTAssertEqual(Axis.niceStep(2.2), 2.5, accuracy: 1e-12)
        XCTAssertEqual(Axis.niceStep(3.1), 5, accuracy: 1e-12)
        XCTAssertEqual(Axis.niceStep(700), 1000, accuracy: 1e-9)
    }

    func testLogTicksSitAtPowersOfTen() {
        let axis = Axis.log(low: 0.003, high: 420, maxTicks: 10)
        XCTAssertEqual(axis.ticks.map(\.label), ["0.001", "0.01", "0.1", "1", "10", "100", "1000"])
        let wide = Axis.log(low: 1e-8, high: 1e8, maxTicks: 5)
        XCTAssertEqual(wide.ticks.first?.label, "10⁻⁸")
        XCTAssertEqual(wide.ticks.map(\.value).count, 5)
    }
}
