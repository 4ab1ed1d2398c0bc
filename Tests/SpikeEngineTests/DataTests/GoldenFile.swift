import Foundation
import XCTest

/// A golden file written by scripts/golden_data.py: lines of `key value value ...`, grouped in
/// blank-line-separated blocks.
struct GoldenFile {
    /// Each block's lines as key → values (the words after the key).
    let blocks: [[String: [String]]]

    /// The folder beside this file, DataTests/Golden.
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Golden")

    /// The file `name` in `directory` (DataTests/Golden unless given).
    init(_ name: String, in directory: URL = Self.directory) throws {
        let url = directory.appendingPathComponent(name)
        let text = try String(contentsOf: url, encoding: .utf8)
        var blocks: [[String: [String]]] = []
        var current: [String: [String]] = [:]
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let words = line.split(separator: " ").map(String.init)
            guard let key = words.first else {
                if !current.isEmpty { blocks.append(current) }
                current = [:]
                continue
            }
            current[key] = Array(words.dropFirst())
        }
        if !current.isEmpty { blocks.append(current) }
        self.blocks = blocks
    }

    /// The single block of a file without blank lines.
    var only: [String: [String]] { blocks.first ?? [:] }
}

extension Dictionary where Key == String, Value == [String] {
    func doubles(_ key: String) throws -> [Double] {
        let words = try XCTUnwrap(self[key], "golden key \(key) missing")
        return try words.map { try XCTUnwrap(Double($0), "not a number: \($0)") }
    }

    func double(_ key: String) throws -> Double {
        try XCTUnwrap(try doubles(key).first, "golden key \(key) is empty")
    }

    func ints(_ key: String) throws -> [Int] {
        try doubles(key).map { Int($0) }
    }
}
