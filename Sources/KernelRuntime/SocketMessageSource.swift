import Foundation
import JupyterKernel
import JupyterWire
import ZeroMQ

/// Requests from a ROUTER socket (shell or control), verified through a ``FrameGate``.
///
/// Owned by the one thread that serves the channel: that thread receives here and sends the
/// replies on the same socket (through ``SocketMessageSink``), so the socket is never shared.
/// Ends (nil) when the context shuts down.
final class SocketMessageSource: MessageSource {
    let socket: Socket
    let channel: Channel
    private let gate: FrameGate
    private let log: @Sendable (String) -> Void

    init(socket: Socket, channel: Channel, gate: FrameGate, log: @escaping @Sendable (String) -> Void) {
        self.socket = socket
        self.channel = channel
        self.gate = gate
        self.log = log
    }

    func next() -> Message? {
        receive(dontWait: false)
    }

    func nextIfQueued() -> Message? {
        receive(dontWait: true)
    }

    private func receive(dontWait: Bool) -> Message? {
        while true {
            let frames: [[UInt8]]?
            do {
                frames = try socket.receive(dontWait: dontWait)
            } catch .terminated {
                return nil
            } catch {
                log("\(channel.rawValue) receive failed: \(error)")
                return nil
            }
            guard let frames else { return nil }
            if let message = gate.admit(frames.map { Data($0) }, on: channel) { return message }
        }
    }
}
