import Foundation
import JupyterKernel
import JupyterWire
import Synchronization
import ZeroMQ

/// The stdin ROUTER socket as a running cell uses it: `input_request` out to the identities of
/// the execute request (the front end's stdin socket has the same identity as its shell
/// socket), verified replies in through the shared ``FrameGate``.
///
/// Only a running cell uses the socket, one at a time, from its evaluation thread; the lock
/// makes each hand-over between threads a full memory barrier, as libzmq asks of a socket that
/// moves between threads. Closed with the other sockets at shutdown (a receive then ends).
final class SocketStdinTransport: StdinTransport {
    private let socket: Socket
    private let codec: WireCodec
    private let gate: FrameGate
    private let log: @Sendable (String) -> Void
    private let lock = Mutex(())

    init(socket: Socket, codec: WireCodec, gate: FrameGate, log: @escaping @Sendable (String) -> Void) {
        self.socket = socket
        self.codec = codec
        self.gate = gate
        self.log = log
    }

    func send(_ message: Message) -> Bool {
        lock.withLock { _ in
            do {
                try socket.send(codec.encode(message), dontWait: true)
                return true
            } catch {
                return false
            }
        }
    }

    /// Closes the socket once no cell is using it (at shutdown, after the context was shut
    /// down, so a cell waiting for input returns at once).
    func close() {
        lock.withLock { _ in socket.close() }
    }

    func receive(timeout: TimeInterval) -> Message? {
        lock.withLock { _ in
            do {
                guard try Poller.readable([socket], timeoutMilliseconds: Int(timeout * 1000)).first == true,
                    let frames = try socket.receive(dontWait: true)
                else { return nil }
                return gate.admit(frames.map { Data($0) }, on: .stdin)
            } catch {
                log("stdin receive failed: \(error)")
                return nil
            }
        }
    }
}
