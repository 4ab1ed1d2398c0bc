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
