import Foundation

/// Where the kernel's diagnostics go by default.
public enum KernelLog {
    /// Writes `line` to stderr, prefixed with "spike: ".
    public static let standardError: @Sendable (String) -> Void = { line in
        FileHandle.standardError.write(Data("spike: \(line)\n".utf8))
    }
}
