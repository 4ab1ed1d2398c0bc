import Foundation
import XCTest

@testable import SpikeEngine

final class PositionalEncodingTests: XCTestCase {
    private func golden(_ name: String) throws -> [[Float]] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/\(name)")
        let text = try String(contentsOf: url, encoding: .utf8)
        return text.split(separator: "\n").map { line in line.map { $0 == "1" ? 1 : 0 } }
    }

    func testCPGPEMatchesTheNumPyGoldenFileInAllButAtMostTwoEntries() throws {
        let expected = try golden("cpg_n20_tau1e4_5000.txt")
        XCTAssertEqual(expected.count, 5000)
        let pe = PositionalEncoding.cpg(pairs: 10, tau: 10_000, threshold: 0.8, index: .rolling)
        let matrix = try pe.encode(length: 5000)
        XCTAssertEqual(matrix.shape, [5000, 20])
        var differing = 0
        for (p, row) in expected.enumerated() {
            for (k, value) in row.enumerated() where matrix.scalars[p * 20 + k] != value {
                differing += 1
            }
        }
        XCTAssertLessThanOrEqual(differing, 2)
    }

    func testTheFirstCPGCodesAreTheReferenceRows() throws {
        let matrix = try PositionalEncoding.standardCPG.encode(length: 7)
        let rows = (0..<7).map { p in matrix.scalars[(p * 10)..<((p + 1) * 10)].map { $0 == 1 ? "1" : "0" }.joined() }
        XCTAssertEqual(rows[0], "0101010101")
        XCTAssertEqual(rows[1], "1001010101")
        XCTAssertEqual(rows[2], "1001010101")
        XCTAssertEqual(rows[3], "0001010101")
        XCTAssertEqual(rows[6], "0110010101")
    }

    func testAFullCycleChannelFiresAboutTwentyPercentOfTheTime() throws {
        let expected = (Double.pi - 2 * asin(0.8)) / (2 * Double.pi)
        XCTAssertEqual(expected, 0.2048, accuracy: 5e-5)
        let rates = try PositionalEncoding.standardCPG.firingRates(length: 5000)
        XCTAssertEqual(rates[0], expected, accuracy: 0.01)  // omega = 1: ~796 full cycles
        XCTAssertEqual(rates[1], expected, accuracy: 0.01)
    }

    func testTenChannelsAtTauTenThousandGiveSeventyFourDistinctCodesIn672Positions() throws {
        XCTAssertEqual(try PositionalEncoding.standardCPG.distinctCodes(length: 672), 74)
        let wide = PositionalEncoding.cpg(pairs: 20, tau: 10_000, threshold: 0.8, index: .rolling)
        XCTAssertEqual(try wide.distinctCodes(length: 672), 568)
    }

    func testRollingIndexContinuesAcrossTimeStepsAndPositionIndexRepeats() throws {
        let rolling = try PositionalEncoding.standardCPG.encode(length: 4, steps: 3)
        let long = try PositionalEncoding.standardCPG.encode(length: 12)
        XCTAssertEqual(rolling, long)
        let position = try PositionalEncoding.cpg(pairs: 5, tau: 10_000, threshold: 0.8, index: .position)
            .encode(length: 4, steps: 3)
        let once = try PositionalEncoding.standardCPG.encode(length: 4)
        XCTAssertEqual(position.shape, [12, 10])
        for t in 0..<3 {
            XCTAssertEqual(try position.sliced(axis: 0, range: (4 * t)..<(4 * t + 4)), once)
        }
    }

    func testSinusoidalPEIsTheThresholdFreeCPGTable() throws {
        let table = try PositionalEncoding.sinusoidal(base: 10_000).encode(length: 50, channels: 10)
        let spikes = try PositionalEncoding.standardCPG.encode(length: 50)
        XCTAssertEqual(table.map { $0 - 0.8 >= 0 ? 1 : 0 }, spikes)
        XCTAssertEqual(try table.scalar(at: [0, 1]), 1)
        XCTAssertEqual(Double(try table.scalar(at: [3, 0])), sin(3.0), accuracy: 1e-6)
    }

    func testTheRandomCodeIsPlusMinusOneAndDependsOnlyOnItsSeed() throws {
        let a = try PositionalEncoding.randomCode(channels: 8, seed: 5).encode(length: 100, steps: 2)
        let b = try PositionalEncoding.randomCode(channels: 8, seed: 5).encode(length: 100, steps: 2)
        XCTAssertEqual(a, b)
        XCTAssertTrue(a.scalars.allSatisfy { $0 == 1 || $0 == -1 })
        XCTAssertNotEqual(a, try PositionalEncoding.randomCode(channels: 8, seed: 6).encode(length: 100, steps: 2))
        let ones = a.scalars.filter { $0 == 1 }.count
        XCTAssertEqual(Double(ones) / Double(a.count), 0.5, accuracy: 0.05)
    }

    func testNoneHasNoChannelsAndLearnedEncodingsHaveNoFixedMatrix() throws {
        XCTAssertEqual(try PositionalEncoding.none.encode(length: 5, steps: 2).shape, [10, 0])
        XCTAssertThrowsError(try PositionalEncoding.learnable.encode(length: 5)) { error in
            guard case .value(argument: .encoding, _)? = error as? EngineError else { return XCTFail("\(error)") }
        }
    }

    func testBadParametersAreValueErrorsNamingTheArgument() {
        let cases: [(PositionalEncoding, EngineParameter)] = [
            (.cpg(pairs: 0, tau: 10_000, threshold: 0.8, index: .rolling), .pairs),
            (.cpg(pairs: 5, tau: -1, threshold: 0.8, index: .rolling), .tau),
            (.cpg(pairs: 5, tau: 10_000, threshold: .nan, index: .rolling), .threshold),
            (.randomCode(channels: 0, seed: 1), .channels),
            (.sinusoidal(base: 0), .base)
        ]
        for (pe, name) in cases {
            XCTAssertThrowsError(try pe.encode(length: 3, channels: 4)) { error in
                guard case .value(argument: name, _)? = error as? EngineError else { return XCTFail("\(error)") }
            }
        }
        XCTAssertThrowsError(try PositionalEncoding.sinusoidal(base: 100).encode(length: 3)) { error in
            guard case .value(argument: .channels, _)? = error as? EngineError else { return XCTFail("\(error)") }
        }
    }
}
