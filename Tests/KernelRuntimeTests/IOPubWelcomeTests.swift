import Foundation
import JupyterWire
import XCTest
import ZeroMQ

@testable import KernelRuntime

/// Every new IOPub subscriber's first message is its `iopub_welcome`.
final class IOPubWelcomeTests: XCTestCase {
    private let codec = WireCodec(key: "welcome-test")
    private let headers = HeaderFactory()

    private func kernelXPUB(in context: Context) throws -> Socket {
        let xpub = try Socket(context: context, kind: .xpub)
        try xpub.set(.linger(milliseconds: 0))
        for option in KernelSockets.iopubOptions { try xpub.set(option) }
        try xpub.bind("tcp://127.0.0.1:*")
        return xpub
    }

    private func subscriber(to xpub: Socket, in context: Context, topic: String = "") throws -> Socket {
        let sub = try Socket(context: context, kind: .sub)
        try sub.set(.linger(milliseconds: 0))
        try sub.connect(try xpub.lastEndpoint())
        try sub.set(.subscribe(Array(topic.utf8)))
        return sub
    }

    private func type(of frames: [[UInt8]]?) throws -> String {
        let frames = try XCTUnwrap(frames)
        guard case .success(let message) = codec.decode(frames.map { Data($0) }) else {
            XCTFail("undecodable message")
            return ""
        }
        return message.type
    }

    private func status() -> Message {
        Self.status(from: headers)
    }

    /// A `status: busy` with a header from `headers` (callable from any thread).
    private static func status(from headers: HeaderFactory) -> Message {
        Message(header: headers.header(for: Status.messageType), content: Status(.busy).json)
    }

    /// The race the manual XPUB closes: libzmq may attach a subscriber *inside* a send, after
    /// the publisher last looked for new subscriptions. That message must not reach it.
    func testAMessageSentBeforeASubscriptionIsAppliedNeverReachesTheSubscriber() throws {
        let context = try Context()
        let xpub = try kernelXPUB(in: context)
        let sub = try subscriber(to: xpub, in: context)
        // The subscription has arrived (the subscriber is attached) but nobody applied it yet.
        var pending = false
        for _ in 0..<500 where !pending {
            pending = try xpub.canReceive()
            if !pending { usleep(2000) }
        }
        XCTAssertTrue(pending)
        try xpub.send(codec.encode(status()).map { [UInt8]($0) })
        let publisher = IOPubPublisher(xpub: xpub, codec: codec, headers: headers, log: { _ in })
        publisher.publish(status())
        XCTAssertEqual(try type(of: try sub.receive()), IopubWelcome.messageType)
        XCTAssertEqual(try type(of: try sub.receive()), Status.messageType)
        XCTAssertNil(try sub.receive(dontWait: true), "the message sent before the welcome arrived after all")
        publisher.finish()
    }

    func testSubscribersJoiningDuringABurstGetTheirWelcomeFirst() throws {
        let context = try Context(ioScheduling: .batch)
        let xpub = try kernelXPUB(in: context)
        let publisher = IOPubPublisher(xpub: xpub, codec: codec, headers: headers, log: { _ in })
        Thread.detachNewThread { publisher.watchSubscriptions() }
        let stopPublishing = StopSignal()
        let done = DispatchSemaphore(value: 0)
        let headers = self.headers
        Thread.detachNewThread {
            while !stopPublishing.isRaised { publisher.publish(IOPubWelcomeTests.status(from: headers)) }
            done.signal()
        }
        defer {
            stopPublishing.raise()
            done.wait()
            publisher.finish()
        }
        for attempt in 0..<40 {
            let sub = try subscriber(to: xpub, in: context, topic: attempt % 2 == 0 ? "" : "kernel.")
            XCTAssertEqual(try type(of: try sub.receive()), IopubWelcome.messageType, "attempt \(attempt)")
            XCTAssertEqual(try type(of: try sub.receive()), Status.messageType, "attempt \(attempt)")
            sub.close()
        }
    }
}
