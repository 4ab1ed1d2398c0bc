import Foundation

/// Writes a file by creating a new one beside it and renaming it over the old name, so
/// whatever stood at that name — a file, or a symlink pointing anywhere — is replaced,
/// never written through, and a reader never sees half a file.
///
/// The temporary file is created with `O_CREAT | O_EXCL | O_NOFOLLOW` (a name that already
/// exists, symlink or not, is never opened) and permissions 0666 less the umask, like any
/// new file. `rename(2)` replaces the directory entry itself; it fails on a directory.
enum FileReplacement {
    /// Why a file could not be replaced: the step that failed and the system's reason.
    struct Failure: Error, Equatable, CustomStringConvertible {
        let step: String
        let path: String
        let code: Int32

        var description: String {
            "cannot \(step) \(path): \(String(cString: strerror(code)))"
        }
    }

    /// Replaces the file at `url` with `data`.
    static func replace(_ url: URL, with data: Data) throws {
        let target = url.path
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString.prefix(8)).tmp").path
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw Failure(step: "create", path: temporary, code: errno) }
        do {
            try writeAll(data, to: descriptor, path: temporary)
            guard close(descriptor) == 0 else { throw Failure(step: "close", path: temporary, code: errno) }
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
        guard rename(temporary, target) == 0 else {
            let failure = Failure(step: "replace", path: target, code: errno)
            unlink(temporary)
            throw failure
        }
    }

    private static func writeAll(_ data: Data, to descriptor: Int32, path: String) throws {
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw Failure(step: "write", path: path, code: errno)
                }
                offset += written
            }
        }
    }
}
