import Foundation
import XCTest

@testable import SpikeLang

/// Runs every `.spk` file under `Golden/` and checks it against its inline expectations.
///
/// A file is a sequence of cells separated by `#%%` lines, run in one session. In each cell,
/// `# expect: TEXT` lines give the expected output lines in order (stdout, displayed values,
/// `%help` pages, then the result's text), and `# error: Kind at L:C: message` lines give the
/// expected diagnostics exactly, with lines counted from the cell's first line. A
/// `# interrupt-after: N` line makes the sink report an interrupt from its (N+1)th poll (a cell
/// polls twice before it runs: after parsing and after checking).
final class GoldenFileTests: XCTestCase {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    func testEveryGoldenFileProducesItsExpectedOutputAndErrors() throws {
        let files = try FileManager.default.contentsOfDirectory(at: Self.folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "spk" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        XCTAssertGreaterThan(files.count, 10, "golden files not found in \(Self.folder.path)")
        for file in files {
            try check(file)
        }
    }

    private func check(_ file: URL) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        let session = Session()
        var cellStartLine = 1
        for cell in text.components(separatedBy: "\n#%%\n") {
            let expected = Expectations(cell)
            let sink = RecordingSink(cancelAfterPolls: expected.interruptAfter)
            let outcome = session.run(cell, output: sink)
            var actualLines = sink.lines
            for page in outcome.pages { actualLines += page.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
            if let result = outcome.result {
                actualLines += result.plain.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            }
            let actualErrors = outcome.failure?.diagnostics.map(\.summary) ?? []
            let name = "\(file.lastPathComponent), cell from line \(cellStartLine)"
            XCTAssertEqual(actualLines, expected.output, "output of \(name)")
            XCTAssertEqual(actualErrors, expected.errors, "errors of \(name)")
            if let failure = outcome.failure, let first = expected.errors.first {
                XCTAssertEqual(failure.name + " " + failure.message, first, "failure summary of \(name)")
            }
            cellStartLine += cell.split(separator: "\n", omittingEmptySubsequences: false).count + 1
        }
    }

    /// The `# expect:` and `# error:` lines of one cell.
    private struct Expectations {
        var output: [String] = []
        var errors: [String] = []
        var interruptAfter: Int?

        init(_ cell: String) {
            for line in cell.split(separator: "\n", omittingEmptySubsequences: false) {
                if let range = line.range(of: "# expect: ") {
                    output.append(String(line[range.upperBound...]))
                } else if line.hasSuffix("# expect:") {
                    output.append("")
                } else if let range = line.range(of: "# error: ") {
                    errors.append(String(line[range.upperBound...]))
                } else if let range = line.range(of: "# interrupt-after: ") {
                    interruptAfter = Int(line[range.upperBound...])
                }
            }
        }
    }
}
