import Foundation
import JupyterKernel
import JupyterWire
import Synchronization
import ZeroMQ

/// The IOPub XPUB socket, shared safely: any thread publishes through one lock, in order, and a
/// watcher thread greets every new subscription with `iopub_welcome` (protocol 5.5).
///
/// Publishing sends straight from the calling thread (no hand-off to another thread per
/// message; the XPUB never blocks, it queues without limit, see ``KernelSockets``). The
/// socket is manual (``KernelSockets/iopubOptions``): a subscriber gets nothing until its
/// subscription is applied here, together with its welcome. The watcher waits on the
/// socket's notification descriptor with the system `poll`, outside the lock, and takes the
/// lock only to read subscription events; because that descriptor is edge-triggered and other
/// threads' sends may consume its signal, it also looks every `watchInterval`.
/// ``finish()`` stops publishing, closes the socket and wakes the watcher; later messages are
/// dropped.
///
/// `Sendable`, checked: the XPUB socket (used by one thread at a time) is touched only inside
/// `finished.withLock`.
final class IOPubPublisher: Sendable {
    private let xpub: Socket
    private let codec: WireCodec
    private let headers: HeaderFactory
    private let log: @Sendable (String) -> Void
    private let watchIntervalMilliseconds: Int32 = 50
    /// Written by ``finish()`` so the watcher wakes at once.
    private let wake = SelfPipe()
    /// Set once by ``finish()``; its lock is the socket's lock too.
    private let finished = Mutex(false)

    init(xpub: Socket, codec: WireCodec, headers: HeaderFactory, log: @escaping @Sendable (String) -> Void) {
        self.xpub = xpub
        self.codec = codec
        self.headers = headers
        self.log = log
    }

    /// Publishes `message` with topic `kernel.<session>.<msg_type>` (any thread).
    func publish(_ message: Message) {
        var topical = message
        topical.identities = [Data("kernel.\(headers.session).\(message.type)".utf8)]
        send(codec.encode(topical))
    }

    /// Lets the I/O thread send what was published so far, now. It runs as SCHED_BATCH
    /// (``KernelSockets``): it does not preempt the publishing thread, so messages sent in quick
    /// succession leave together once that thread blocks or yields — here, it yields.
    func flush() {
        sched_yield()
    }

    /// Stops publishing and closes the socket (pending messages linger briefly); idempotent.
    func finish() {
        finished.withLock { finished in
            guard !finished else { return }
            finished = true
            xpub.close()
            var byte = SelfPipe.stopByte
            _ = write(wake.writeEnd, &byte, 1)
        }
    }

    /// The subscription watcher's loop; returns after ``finish()`` or when the context shuts down.
    func watchSubscriptions() {
        let descriptor: Int32?
        do {
            descriptor = try finished.withLock { finished throws(ZeroMQError) in
                finished ? nil : try xpub.notificationDescriptor()
            }
        } catch {
            log("iopub: \(error)")
            return
        }
        guard let descriptor else { return }
        while true {
            var waiting = [
                pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0),
                pollfd(fd: wake.readEnd, events: Int16(POLLIN), revents: 0)
            ]
            _ = poll(&waiting, 2, watchIntervalMilliseconds)
            let stopped = finished.withLock { finished in
                if finished { return true }
                do {
                    try welcomeNewSubscribers()
                } catch ZeroMQError.terminated {
                    return true
                } catch {
                    log("iopub: \(error)")
                }
                return false
            }
            if stopped { return }
        }
    }

    /// Applies and greets every subscription the socket has reported. Called with the lock held,
    /// by the watcher and before every send — so a subscriber that joined since the last send
    /// is welcomed and gets this message too, without waiting for the watcher.
    private func welcomeNewSubscribers() throws(ZeroMQError) {
        while try xpub.canReceive() {
            if let event = try xpub.receive(dontWait: true) { welcome(event) }
        }
    }

    private func send(_ frames: [Data]) {
        finished.withLock { finished in
            guard !finished else { return }
            do {
                try welcomeNewSubscribers()
                try xpub.send(frames)
            } catch {
                log("iopub send: \(error)")
            }
        }
    }

    /// Applies a subscription event to its subscriber (the XPUB is manual, see
    /// ``KernelSockets/iopubOptions``) and answers a subscription (`0x01` + topic) with
    /// `iopub_welcome` on that topic, at once, so it is the subscriber's first message. An
    /// unsubscription (`0x00` + topic) is applied and not answered. Called with the lock held.
    private func welcome(_ event: [[UInt8]]) {
        guard let frame = event.first, let kind = frame.first else { return }
        let topic = Array(frame.dropFirst())
        do {
            guard kind == 1 else {
                if kind == 0 { try xpub.set(.unsubscribe(topic)) }
                return
            }
            try xpub.set(.subscribe(topic))
            let content = IopubWelcome(subscription: String(decoding: topic, as: UTF8.self))
            var message = Message(header: headers.header(for: IopubWelcome.messageType), content: content.json)
            message.identities = [topic.isEmpty ? Data(IopubWelcome.messageType.utf8) : Data(topic)]
            try xpub.send(codec.encode(message))
        } catch {
            log("iopub welcome: \(error)")
        }
    }
}
