import Foundation

/// Where the kernel's diagnostics go by default.
public enum KernelLog {
    /// Writes `line` to stderr, prefixed with "spike: ". A closed stderr is ignored.
    public static let standardError: @Sendable (String) -> Void = { line in
        try? FileHandle.standardError.write(contentsOf: Data("spike: \(line)\n".utf8))
    }
}
