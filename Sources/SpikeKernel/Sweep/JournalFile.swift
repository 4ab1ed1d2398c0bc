import Foundation

/// A sweep's `sweep.jsonl` on disk, opened for appending whole lines.
///
/// Opening reads what is there (`journal`) and cuts a torn last line off, so the file is whole
/// lines again. Each `append` is one `write(2)` of a whole line to a descriptor opened with
/// `O_APPEND`, followed by `fsync(2)`: a crash leaves every earlier line intact and at most one
/// torn line at the end, which the next opening removes.
public final class JournalFile {
    public let journal: SweepJournal
    private let descriptor: Int32
    private let path: String
    /// Bytes of whole lines in the file.
    private var length: Int

    /// Why the journal could not be read or written: the step and the system's reason.
    public struct Failure: Error, Equatable, CustomStringConvertible {
        public let step: String
        public let path: String
        public let code: Int32

        public var description: String { "cannot \(step) \(path): \(String(cString: strerror(code)))" }
    }

    /// Opens (creating if need be) the journal at `url`.
    public init(url: URL) throws(Failure) {
        path = url.path
        descriptor = open(path, O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Failure(step: "open", path: url.path, code: errno) }
        let contents: Data
        do {
            contents = try FileHandle(fileDescriptor: descriptor, closeOnDealloc: false).readToEnd() ?? Data()
        } catch {
            close(descriptor)
            throw Failure(step: "read", path: url.path, code: EIO)
        }
        journal = SweepJournal(contents: contents)
        length = journal.wholeLength
        if journal.wholeLength < contents.count, ftruncate(descriptor, off_t(journal.wholeLength)) != 0 {
            let code = errno
            close(descriptor)
            throw Failure(step: "cut the torn last line of", path: url.path, code: code)
        }
    }

    deinit {
        close(descriptor)
    }

    /// Appends `record` as one line and waits until it is on disk. A line that could not be
    /// written whole (a full disk) is cut off again, so the file stays whole lines.
    public func append(_ record: RunRecord) throws(Failure) {
        let line = SweepJournal.line(for: record)
        let written = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == line.count else {
            let code = written < 0 ? errno : ENOSPC
            _ = ftruncate(descriptor, off_t(length))
            throw Failure(step: "append to", path: path, code: code)
        }
        length += line.count
        guard fsync(descriptor) == 0 else { throw Failure(step: "sync", path: path, code: errno) }
    }

    /// Appends `record` as one line to the journal at `path` from a process that does not own
    /// it (a Slurm array task): under an exclusive `flock(2)` so concurrent tasks never
    /// interleave, one `write(2)`, then `fsync(2)`. Does not read or repair the file.
    public static func appendLocked(_ record: RunRecord, to path: String) throws(Failure) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Failure(step: "open", path: path, code: errno) }
        defer { close(descriptor) }
        guard flock(descriptor, LOCK_EX) == 0 else { throw Failure(step: "lock", path: path, code: errno) }
        defer { flock(descriptor, LOCK_UN) }
        let line = SweepJournal.line(for: record)
        let written = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == line.count else { throw Failure(step: "append to", path: path, code: written < 0 ? errno : ENOSPC) }
        guard fsync(descriptor) == 0 else { throw Failure(step: "sync", path: path, code: errno) }
    }
}
