import Foundation
import XCTest

@testable import SpikePlot

/// Renders one figure of each kind to PNG in headless Chromium (installed on demand) and checks
/// the PNGs are not blank, via the checked-in `scripts/plot_browser_check.py`.
///
/// Skipped only when no browser can be found or installed. Set `SPIKEPLOT_GALLERY=DIR` to also
/// render the showcase figures and keep every SVG and PNG in DIR for a look.
final class BrowserRenderingTests: XCTestCase {
    func testEveryFigureKindRendersToANonBlankPNGInHeadlessChromium() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let script = root.appendingPathComponent("scripts/plot_browser_check.py")
        let directory: URL
        let figures: [(name: String, figure: Figure)]
        if let kept = ProcessInfo.processInfo.environment["SPIKEPLOT_GALLERY"] {
            directory = URL(fileURLWithPath: kept)
            figures = Gallery.showcase
        } else {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("spikeplot-\(UUID().uuidString)")
            figures = Gallery.all
        }
        defer {
            if ProcessInfo.processInfo.environment["SPIKEPLOT_GALLERY"] == nil {
                try? FileManager.default.removeItem(at: directory)
            }
        }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (name, figure) in figures {
            try figure.svg().write(to: directory.appendingPathComponent(name + ".svg"), atomically: true, encoding: .utf8)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, directory.path, "--install"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if process.terminationStatus == 77 { throw XCTSkip("no headless browser could be installed: \(output)") }
        XCTAssertEqual(process.terminationStatus, 0, output)
        for (name, _) in figures {
            XCTAssertTrue(output.contains("\(name).svg: ok"), "\(name) not checked: \(output)")
        }
    }
}
