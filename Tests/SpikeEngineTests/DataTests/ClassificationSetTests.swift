import Foundation
import XCTest

@testable import SpikeEngine

final class ClassificationSetTests: XCTestCase {
    func testAStratifiedSplitKeepsEveryClassInProportion() throws {
        let digits = try BundledDataset.digits.labeledData()
        let set = try ClassificationSet(digits)
        XCTAssertEqual(set.train.count + set.valid.count + set.test.count, 1797)
        XCTAssertEqual(set.train.inputs.shape, [set.train.count, 64])
        for part in SplitPart.allCases {
            let split = set.split(part)
            let fraction: Double = part == .train ? 0.7 : part == .valid ? 0.1 : 0.2
            for label in 0..<10 {
                let inPart = split.labels.filter { $0 == label }.count
                let expected = fraction * Double(digits.classCounts[label])
                XCTAssertEqual(Double(inPart), expected, accuracy: 1, "\(part) class \(label)")
            }
        }
        let all = (set.train.rows + set.valid.rows + set.test.rows).sorted()
        XCTAssertEqual(all, Array(0..<1797))
    }

    func testASplitIsReproducibleFromItsSeedAndChangesWithIt() throws {
        let digits = try BundledDataset.digits.labeledData()
        let a = try ClassificationSet(digits, order: .stratified(seed: 4))
        let b = try ClassificationSet(digits, order: .stratified(seed: 4))
        let c = try ClassificationSet(digits, order: .stratified(seed: 5))
        XCTAssertEqual(a, b)
        XCTAssertNotEqual(a.test.rows, c.test.rows)
    }

    func testAChronologicalSplitKeepsFileOrder() throws {
        let digits = try BundledDataset.digits.labeledData()
        let set = try ClassificationSet(digits, split: try SplitFractions([0.6, 0.2, 0.2]), order: .chronological)
        XCTAssertEqual(set.train.rows, Array(0..<1078))
        XCTAssertEqual(set.valid.rows.first, 1078)
        XCTAssertEqual(set.test.rows.last, 1796)
        // Row 0 of the test inputs is example 1438 of the file.
        XCTAssertEqual(Array(set.test.inputs.scalars.prefix(64)), Array(digits.features[(1438 * 64)..<(1439 * 64)]))
        XCTAssertEqual(set.test.labels.first, digits.labels[1438])
    }

    func testTooFewExamplesForAPartIsAValueError() throws {
        let tiny = try LabeledData(name: "tiny", featureNames: ["x"], features: [1, 2, 3], labels: [0, 1, 0])
        XCTAssertThrowsError(try ClassificationSet(tiny, order: .chronological)) { error in
            guard case .value(argument: .split, _)? = error as? EngineError else { return XCTFail("\(error)") }
        }
    }
}
