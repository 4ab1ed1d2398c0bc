import Foundation
import JupyterKernel
import JupyterWire
import Synchronization

/// Writes each message as one JSON line (with its channel) through `writeLine`, one line at a
/// time even when the shell and control paths send concurrently.
final class LineMessageSink: MessageSink {
    private let lock = Mutex(())
    private let writeLine: @Sendable (String) -> Void

    init(writeLine: @escaping @Sendable (String) -> Void) {
        self.writeLine = writeLine
    }

    func send(_ message: Message, on channel: Channel) {
        let line = JSONLineCodec.encode(message, on: channel)
        lock.withLock { _ in writeLine(line) }
    }
}
