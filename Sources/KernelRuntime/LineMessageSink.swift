import Foundation
import JupyterKernel
import JupyterWire

/// Writes each message as one JSON line (with its channel) through `writeLine`, one line at a
/// time even when the shell and control paths send concurrently.
final class LineMessageSink: MessageSink, @unchecked Sendable {
    private let lock = NSLock()
    private let writeLine: (String) -> Void

    init(writeLine: @escaping (String) -> Void) {
        self.writeLine = writeLine
    }

    func send(_ message: Message, on channel: Channel) {
        let line = JSONLineCodec.encode(message, on: channel)
        lock.lock()
        writeLine(line)
        lock.unlock()
    }
}
