import Foundation
import XCTest

@testable import SpikeEngine

final class BundledDatasetTests: XCTestCase {
    func testTheCatalogListsEveryDataSetWithItsKindSourceAndLicence() {
        let catalog = BundledDataset.catalog
        XCTAssertEqual(catalog.map(\.name), ["electricity", "sunspots", "co2", "digits", "traffic", "sines"])
        XCTAssertEqual(catalog.filter { $0.kind == .classification }.map(\.name), ["digits"])
        for info in catalog {
            XCTAssertFalse(info.source.isEmpty, info.name)
            XCTAssertFalse(info.licence.isEmpty, info.name)
            XCTAssertFalse(info.description.isEmpty, info.name)
        }
    }

    func testEachCatalogShapeIsTheShapeOfTheLoadedData() throws {
        for dataset in BundledDataset.allCases {
            let loaded = dataset.kind == .classification ? try dataset.labeledData().shape : try dataset.series().shape
            XCTAssertEqual(loaded, dataset.info.shape, dataset.rawValue)
        }
    }

    func testElectricityIsHalfHourlyDemandInMegawattsWithTimeLabels() throws {
        let demand = try BundledDataset.electricity.series()
        XCTAssertEqual(demand.columns, ["demand_mw"])
        XCTAssertEqual(demand.timeLabels?.first, "2000-06-05T00:00")
        XCTAssertEqual(demand.timeLabels?.last, "2000-08-27T23:30")
        XCTAssertEqual(demand.values.first, 22262)
        XCTAssertEqual(demand.missing.total, 0)
    }

    func testSunspotsReadsTheQuotedHeaderAndLabelsRowsByYear() throws {
        let sunspots = try BundledDataset.sunspots.series()
        XCTAssertEqual(sunspots.columns, ["SUNACTIVITY"])
        XCTAssertEqual(sunspots.timeLabels?.first, "1700")
        XCTAssertEqual(sunspots.timeLabels?.last, "2008")
        XCTAssertEqual(Array(sunspots.values.prefix(2)), [5, 11])
    }

    func testCO2ReportsItsFiftyNineMissingWeeksAndInterpolatesThemLikeNumPy() throws {
        let co2 = try BundledDataset.co2.series()
        XCTAssertEqual(co2.missing.total, 59)
        XCTAssertEqual(co2.missing.policy, .interpolate)
        let golden = try GoldenFile("co2_interpolated.txt").blocks[0]
        XCTAssertEqual(try golden.ints("count"), [59])
        XCTAssertEqual(try golden.ints("rows"), [co2.length])
        var checked = 0
        for (key, words) in golden where Int(key) != nil {
            let row = try XCTUnwrap(Int(key))
            let expected = try XCTUnwrap(Double(words[0]))
            XCTAssertEqual(Double(co2.values[row]), expected, accuracy: 1e-4, "row \(row)")
            checked += 1
        }
        XCTAssertEqual(checked, 59)
    }

    func testCO2CanBeAskedToRefuseOrDropItsGaps() throws {
        XCTAssertThrowsError(try BundledDataset.co2.series(missing: .error)) { error in
            guard case .missingValue(line: 8, column: "co2")? = error as? DataError else { return XCTFail("\(error)") }
        }
        XCTAssertEqual(try BundledDataset.co2.series(missing: .drop).length, 2284 - 59)
    }

    func testDigitsAreScaledToTheUnitIntervalWithTenBalancedClasses() throws {
        let digits = try BundledDataset.digits.labeledData()
        XCTAssertEqual(digits.shape, [1797, 64])
        XCTAssertEqual(digits.classCount, 10)
        XCTAssertEqual(digits.featureNames.first, "p0")
        XCTAssertEqual(digits.features.min(), 0)
        XCTAssertEqual(digits.features.max(), 1)
        XCTAssertEqual(digits.classCounts.reduce(0, +), 1797)
        XCTAssertTrue(digits.classCounts.allSatisfy { (174...183).contains($0) }, "\(digits.classCounts)")
        // The first image of the file: 0,0,5,13,9,1,0,0 on its first row, label 0.
        XCTAssertEqual(Array(digits.features.prefix(4)), [0, 0, 5.0 / 16, 13.0 / 16])
        XCTAssertEqual(digits.labels.first, 0)
    }

    func testAskingForTheWrongKindOfDataIsAValueErrorNamingTheDataSet() {
        XCTAssertThrowsError(try BundledDataset.digits.series()) { error in
            guard case .value(argument: .datasetName, _)? = error as? EngineError else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try BundledDataset.sunspots.labeledData()) { error in
            guard case .value(argument: .datasetName, _)? = error as? EngineError else { return XCTFail("\(error)") }
        }
    }

    func testAnUnknownNameListsTheBundledDataSets() {
        XCTAssertThrowsError(try BundledDataset(named: "weather")) { error in
            XCTAssertEqual(
                error as? DataError,
                .unknownDataset(name: "weather", valid: ["electricity", "sunspots", "co2", "digits", "traffic", "sines"]))
        }
    }
}
