import Foundation
import JupyterKernel
import JupyterWire
import ZeroMQ

/// Sends the kernel's messages: replies straight out of the shell or control ROUTER (always
/// from the thread that owns that socket — the kernel replies on the channel it is serving),
/// IOPub messages through the ``IOPubPublisher`` queue.
///
/// Each socket is used by the thread serving its channel only (a ``Socket`` is used by one
/// thread at a time): the shell socket by the shell thread, control by the control thread.
final class SocketMessageSink: MessageSink {
    private let shell: Socket
    private let control: Socket
    private let iopub: IOPubPublisher
    private let codec: WireCodec
    private let log: @Sendable (String) -> Void

    init(
        shell: Socket, control: Socket, iopub: IOPubPublisher, codec: WireCodec,
        log: @escaping @Sendable (String) -> Void
    ) {
        self.shell = shell
        self.control = control
        self.iopub = iopub
        self.codec = codec
        self.log = log
    }

    func flush() {
        iopub.flush()
    }

    func send(_ message: Message, on channel: Channel) {
        let socket: Socket
        switch channel {
        case .iopub:
            iopub.publish(message)
            return
        case .shell: socket = shell
        case .control: socket = control
        case .stdin, .heartbeat:
            log("no route for \(message.type) on \(channel.rawValue)")
            return
        }
        do {
            try socket.send(codec.encode(message))
        } catch {
            log("\(channel.rawValue) send of \(message.type) failed: \(error)")
        }
    }
}
