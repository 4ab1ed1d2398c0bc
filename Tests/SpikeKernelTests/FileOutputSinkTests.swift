import Foundation
import SpikeLang
import XCTest

@testable import SpikeKernel

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

    func testASymlinkAtAnOutputNameIsReplacedNotWrittenThrough() throws {
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("spike-victim-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: outside) }
        try Data("precious".utf8).write(to: outside)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let link = folder.appendingPathComponent("output-001.svg")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: outside)
        let sink = FileOutputSink(folder: folder)
        sink.display(Rendering(plain: "figure", svg: "<svg>new</svg>"), id: nil)
        XCTAssertNil(sink.problem)
        XCTAssertEqual(try String(contentsOf: outside, encoding: .utf8), "precious")
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: link.path)[.type] as? FileAttributeType, .typeRegular)
        XCTAssertEqual(try contents("output-001.svg"), "<svg>new</svg>")
    }

    func testADanglingSymlinkAtAnOutputNameDoesNotCreateItsTarget() throws {
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("spike-missing-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: outside) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("output-001.html"), withDestinationURL: outside)
        let sink = FileOutputSink(folder: folder)
        sink.display(Rendering(plain: "table", html: "<table/>"), id: nil)
        XCTAssertFalse(FileManager.default.fileExists(atPath: outside.path))
        XCTAssertEqual(try contents("output-001.html"), "<table/>")
    }

    func testRewritingAFileLeavesNoTemporaryFilesBehind() throws {
        let sink = FileOutputSink(folder: folder)
        sink.display(Rendering(plain: "progress", svg: "<svg>0%</svg>"), id: "bar")
        sink.update(Rendering(plain: "progress", svg: "<svg>50%</svg>"), id: "bar")
        sink.update(Rendering(plain: "progress", svg: "<svg>100%</svg>"), id: "bar")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["output-001.svg"])
        XCTAssertEqual(try contents("output-001.svg"), "<svg>100%</svg>")
    }

    func testADirectoryInTheWayIsReportedWithItsPath() throws {
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("output-001.svg"), withIntermediateDirectories: true)
        let sink = FileOutputSink(folder: folder)
        sink.display(Rendering(plain: "figure", svg: "<svg/>"), id: nil)
        XCTAssertEqual(sink.problem, "cannot replace \(folder.appendingPathComponent("output-001.svg").path): Is a directory")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["output-001.svg"])
    }

    func testAnUnwritableFolderIsReportedNotFatal() {
        let sink = FileOutputSink(folder: URL(fileURLWithPath: "/proc/spike-cannot-write-here"))
        sink.display(Rendering(plain: "figure", svg: "<svg/>"), id: nil)
        XCTAssertNotNil(sink.problem)
    }
}

/// The text fallback of a live display (the training progress bar) in `spike run`.
final class FileOutputSinkUpdateTests: XCTestCase {
    private final class Clock { var time = Date(timeIntervalSince1970: 0) }

    private func sink(interactive: Bool, clock: Clock, into lines: @escaping (String) -> Void) -> FileOutputSink {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("spike-run-\(UUID().uuidString)")
        return FileOutputSink(
            folder: folder, interactive: interactive, updateInterval: 2, now: { clock.time }, emit: { text, _ in lines(text) })
    }

    func testOnATerminalUpdatesRedrawOneLineThatLaterTextEnds() {
        var out = ""
        let clock = Clock()
        let sink = sink(interactive: true, clock: clock) { out += $0 }
        sink.display(Rendering(plain: "epoch 1/3"), id: "p")
        sink.update(Rendering(plain: "epoch 2/3"), id: "p")
        sink.update(Rendering(plain: "epoch 3/3"), id: "p")
        sink.write("done\n", stream: .stdout)
        XCTAssertEqual(out, "epoch 1/3\n\r\u{1B}[2Kepoch 2/3\r\u{1B}[2Kepoch 3/3\ndone\n")
    }

    func testIntoAPipeUpdatesPrintAtMostOnePerInterval() {
        var out = ""
        let clock = Clock()
        let sink = sink(interactive: false, clock: clock) { out += $0 }
        sink.display(Rendering(plain: "epoch 1/9"), id: "p")
        clock.time += 1
        sink.update(Rendering(plain: "epoch 2/9"), id: "p")
        clock.time += 1.5
        sink.update(Rendering(plain: "epoch 3/9"), id: "p")
        clock.time += 0.5
        sink.update(Rendering(plain: "epoch 4/9"), id: "p")
        XCTAssertEqual(out, "epoch 1/9\nepoch 3/9\n")
        sink.finish()
        XCTAssertEqual(out, "epoch 1/9\nepoch 3/9\nepoch 4/9\n", "the last state is printed when the script ends")
    }
}
