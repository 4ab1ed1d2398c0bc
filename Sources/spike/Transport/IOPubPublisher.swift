import Foundation
import JupyterKernel
import JupyterWire
import ZeroMQ

/// The single owner of the IOPub XPUB socket: forwards messages queued by any thread, in
/// order, and greets every new subscription with `iopub_welcome` (protocol 5.5).
///
/// Other threads hand over already-signed frames through an in-process PAIR pipe (its sending
/// end is guarded by a lock), so the XPUB socket is only ever touched by this thread.
/// ``finish()`` queues a one-frame stop marker after everything sent so far: the publisher
/// forwards all earlier messages, then returns.
final class IOPubPublisher: @unchecked Sendable {
    private static let stopMarker = [Array("stop".utf8)]
    private let xpub: Socket
    private let inbox: Socket
    private let outbox: Socket
    private let outboxLock = NSLock()
    private let codec: WireCodec
    private let headers: HeaderFactory
    private let log: @Sendable (String) -> Void
    private var stopped = false

    init(
        xpub: Socket, context: Context, codec: WireCodec, headers: HeaderFactory,
        log: @escaping @Sendable (String) -> Void
    )
        throws(ZeroMQError)
    {
        self.xpub = xpub
        self.codec = codec
        self.headers = headers
        self.log = log
        let endpoint = "inproc://iopub-\(UUID().uuidString)"
        inbox = try Socket(context: context, kind: .pair)
        try inbox.bind(endpoint)
        outbox = try Socket(context: context, kind: .pair)
        try outbox.set(.linger(milliseconds: 0))
        try outbox.connect(endpoint)
    }

    /// Queues `message` for publication with its type as topic (any thread).
    func publish(_ message: Message) {
        var topical = message
        topical.identities = [Data("kernel.\(headers.session).\(message.type)".utf8)]
        enqueue(codec.encode(topical).map { [UInt8]($0) })
    }

    /// Queues the stop marker after everything published so far (any thread).
    func finish() {
        enqueue(Self.stopMarker)
    }

    private func enqueue(_ frames: [[UInt8]]) {
        outboxLock.lock()
        defer { outboxLock.unlock() }
        guard !stopped else { return }
        if frames == Self.stopMarker { stopped = true }
        do {
            try outbox.send(frames)
        } catch {
            log("iopub queue: \(error)")
        }
    }

    /// The publishing loop; returns after the stop marker or when the context shuts down.
    /// Any other failure is logged and the loop goes on (producers must never block on a dead
    /// publisher).
    func run() {
        defer {
            inbox.close()
            xpub.close()
        }
        while true {
            do {
                let ready = try Poller.readable([inbox, xpub], timeoutMilliseconds: -1)
                if ready[1], let event = try xpub.receive(dontWait: true) {
                    welcome(event)
                }
                if ready[0], let frames = try inbox.receive(dontWait: true) {
                    if frames == Self.stopMarker { return }
                    try xpub.send(frames)
                }
            } catch .terminated {
                return
            } catch {
                log("iopub: \(error)")
            }
        }
    }

    /// Answers a subscription event (`0x01` + topic) with `iopub_welcome` on that topic.
    private func welcome(_ event: [[UInt8]]) {
        guard let frame = event.first, frame.first == 1 else { return }
        let topic = frame.dropFirst()
        let content = IopubWelcome(subscription: String(decoding: topic, as: UTF8.self))
        var message = Message(header: headers.header(for: IopubWelcome.messageType), content: content.json)
        message.identities = [topic.isEmpty ? Data(IopubWelcome.messageType.utf8) : Data(topic)]
        do {
            try xpub.send(codec.encode(message).map { [UInt8]($0) })
        } catch {
            log("iopub welcome: \(error)")
        }
    }
}
