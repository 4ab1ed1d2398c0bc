import XCTest

/// Asserts that two sequences of numbers agree within an absolute-plus-relative tolerance,
/// naming the first index where they differ.
public func assertClose(
    _ actual: [Double], _ expected: [Double], absolute: Double = 1e-9, relative: Double = 1e-9,
    _ message: @autoclosure () -> String = "", file: StaticString = #filePath, line: UInt = #line
) {
    XCTAssertEqual(actual.count, expected.count, "lengths differ. \(message())", file: file, line: line)
    for (index, (a, e)) in zip(actual, expected).enumerated() {
        let tolerance = absolute + relative * abs(e)
        if !(abs(a - e) <= tolerance) {
            XCTFail("index \(index): \(a) vs \(e) (tolerance \(tolerance)). \(message())", file: file, line: line)
            return
        }
    }
}
