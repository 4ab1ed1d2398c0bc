import Foundation
import XCTest

/// Canonical figures compared byte for byte with recorded files in `Snapshots/`.
///
/// To re-record deliberately after an intended change of look: run the tests with
/// `SPIKEPLOT_RECORD=1`, inspect the new files (and their PNGs), and commit them.
final class SnapshotTests: XCTestCase {
    private let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    func testCanonicalFiguresMatchTheirRecordedSnapshots() throws {
        let recording = ProcessInfo.processInfo.environment["SPIKEPLOT_RECORD"] == "1"
        for (name, figure) in Gallery.all {
            let file = directory.appendingPathComponent(name + ".svg")
            let svg = figure.svg()
            if recording {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                try svg.write(to: file, atomically: true, encoding: .utf8)
                continue
            }
            guard let recorded = try? String(contentsOf: file, encoding: .utf8) else {
                XCTFail("no snapshot \(file.path); record with SPIKEPLOT_RECORD=1")
                continue
            }
            XCTAssertEqual(svg, recorded, "\(name) differs from its snapshot")
        }
    }
}
