import Foundation
import XCTest

/// Canonical figures compared byte for byte with recorded files in `Snapshots/`.
///
/// To re-record deliberately after an intended change of look: run the tests with
/// `SPIKEPLOT_RECORD=1`, inspect the new files (and their PNGs), and commit them.
final class SnapshotTests: XCTestCase {
    private let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    func testCanonicalFiguresMatchTheirRecordedSnapshots() throws {
        for (name, figure) in Gallery.all {
            try check(figure.svg(), against: name + ".svg")
        }
    }

    func testTheCanonicalTableMatchesItsRecordedHTMLAndText() throws {
        try check(Gallery.table.html(), against: "table.html")
        try check(Gallery.table.text(), against: "table.txt")
    }

    /// Compares `output` with the snapshot file `name`, or writes it when recording.
    private func check(_ output: String, against name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let url = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["SPIKEPLOT_RECORD"] == "1" {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try output.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let recorded = try? String(contentsOf: url, encoding: .utf8) else {
            XCTFail("no snapshot \(url.path); record with SPIKEPLOT_RECORD=1", file: file, line: line)
            return
        }
        XCTAssertEqual(output, recorded, "\(name) differs from its snapshot", file: file, line: line)
    }
}
