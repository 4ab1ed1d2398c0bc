import Foundation
import JupyterWire
import XCTest
import ZeroMQ

/// A minimal Jupyter client over raw ZeroMQ sockets with its own signing, for runtime tests.
final class KernelClient {
    let context: Context
    let codec: WireCodec
    let shell: Socket
    let control: Socket
    let iopub: Socket
    let heartbeat: Socket
    private let headers = HeaderFactory(session: "test-client", username: "tester")

    init(connection: ConnectionInfo) throws {
        let context = try Context()
        self.context = context
        codec = WireCodec(key: connection.key)
        func make(_ kind: SocketKind, _ channel: Channel) throws -> Socket {
            let socket = try Socket(context: context, kind: kind)
            try socket.set(.linger(milliseconds: 0))
            if kind == .dealer { try socket.set(.routingID(Array("client-\(channel.rawValue)".utf8))) }
            if kind == .sub { try socket.set(.subscribe([])) }
            try socket.connect(connection.address(of: channel))
            return socket
        }
        shell = try make(.dealer, .shell)
        control = try make(.dealer, .control)
        iopub = try make(.sub, .iopub)
        heartbeat = try make(.req, .heartbeat)
    }

    func socket(for channel: Channel) -> Socket {
        switch channel {
        case .control: return control
        case .iopub: return iopub
        case .heartbeat: return heartbeat
        case .shell, .stdin: return shell
        }
    }

    /// Sends a signed request; returns it.
    @discardableResult
    func send(_ type: String, _ content: JSONValue = [:], on channel: Channel = .shell) throws -> Message {
        let message = Message(header: headers.header(for: type), content: content)
        try socket(for: channel).send(codec.encode(message).map { [UInt8]($0) })
        return message
    }

    /// Sends raw frames (for forged input).
    func sendRaw(_ frames: [Data], on channel: Channel = .shell) throws {
        try socket(for: channel).send(frames.map { [UInt8]($0) })
    }

    /// The next message on `channel`, verified with the client's key; nil after `timeout` seconds.
    func receive(on channel: Channel, timeout: TimeInterval = 5) throws -> Message? {
        let socket = socket(for: channel)
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            guard try Poller.readable([socket], timeoutMilliseconds: 20)[0],
                let frames = try socket.receive(dontWait: true)
            else {
                continue
            }
            return try codec.decode(frames.map { Data($0) }).get()
        }
        return nil
    }

    /// IOPub messages until (and including) the idle caused by `request`.
    func iopubUntilIdle(of request: Message, timeout: TimeInterval = 5) throws -> [Message] {
        var collected = [Message]()
        while let message = try receive(on: .iopub, timeout: timeout) {
            guard message.parentMessageID == request.header.messageID else { continue }
            collected.append(message)
            if message.type == "status", message.content["execution_state"] == "idle" { return collected }
        }
        XCTFail("no idle for \(request.type); got \(collected.map(\.type))")
        return collected
    }
}
