import Foundation
import SpikeLang
import XCTest

@testable import spike

/// `spike run` writes figures and tables to numbered files.
final class FileOutputSinkTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("spike-run-\(UUID().uuidString)")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func contents(_ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }

    func testEachRichDisplayGetsItsOwnNumberedFile() throws {
        let sink = FileOutputSink(folder: folder)
        sink.display(Rendering(plain: "figure", svg: "<svg>1</svg>"), id: nil)
        sink.display(Rendering(plain: "table", html: "<table>2</table>"), id: nil)
        XCTAssertEqual(try contents("output-001.svg"), "<svg>1</svg>")
        XCTAssertEqual(try contents("output-002.html"), "<table>2</table>")
        XCTAssertNil(sink.problem)
    }

    func testAnUpdateRewritesTheFileOfItsDisplay() throws {
        let sink = FileOutputSink(folder: folder)
        sink.display(Rendering(plain: "progress", svg: "<svg>0%</svg>"), id: "bar")
        sink.display(Rendering(plain: "other", svg: "<svg>other</svg>"), id: nil)
        sink.update(Rendering(plain: "progress", svg: "<svg>100%</svg>"), id: "bar")
        XCTAssertEqual(try contents("output-001.svg"), "<svg>100%</svg>")
        XCTAssertEqual(try contents("output-002.svg"), "<svg>other</svg>")
    }

    func testPlainTextOutputCreatesNoFolder() {
        let sink = FileOutputSink(folder: folder)
        sink.display(Rendering(plain: "42"), id: nil)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.path))
    }

    func testAnUnwritableFolderIsReportedNotFatal() {
        let sink = FileOutputSink(folder: URL(fileURLWithPath: "/proc/spike-cannot-write-here"))
        sink.display(Rendering(plain: "figure", svg: "<svg/>"), id: nil)
        XCTAssertNotNil(sink.problem)
    }
}
