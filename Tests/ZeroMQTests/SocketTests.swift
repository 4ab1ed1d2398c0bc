import Foundation
import Synchronization
import XCTest
import ZeroMQ

final class SocketTests: XCTestCase {
    private func pair(_ a: SocketKind, _ b: SocketKind, in context: Context) throws -> (Socket, Socket) {
        let server = try Socket(context: context, kind: a)
        try server.set(.linger(milliseconds: 0))
        try server.bind("tcp://127.0.0.1:*")
        let client = try Socket(context: context, kind: b)
        try client.set(.linger(milliseconds: 0))
        try client.connect(try server.lastEndpoint())
        return (server, client)
    }

    func testARouterReceivesTheIdentityAndAllFramesVerbatim() throws {
        let context = try Context()
        let router = try Socket(context: context, kind: .router)
        try router.set(.linger(milliseconds: 0))
        try router.bind("tcp://127.0.0.1:*")
        let dealer = try Socket(context: context, kind: .dealer)
        try dealer.set(.linger(milliseconds: 0))
        try dealer.set(.routingID(Array("me".utf8)))
        try dealer.connect(try router.lastEndpoint())
        let frames: [[UInt8]] = [Array("<IDS|MSG>".utf8), [], [0, 255, 1], Array(repeating: 7, count: 100_000)]
        try dealer.send(frames)
        let received = try XCTUnwrap(try router.receive())
        XCTAssertEqual(received, [Array("me".utf8)] + frames)
        try router.send(received)
        XCTAssertEqual(try dealer.receive(), frames)
    }

    func testReceivingWithoutWaitingReturnsNilWhenNothingIsQueued() throws {
        let context = try Context()
        let (router, _) = try pair(.router, .dealer, in: context)
        XCTAssertNil(try router.receive(dontWait: true))
        XCTAssertEqual(try Poller.readable([router], timeoutMilliseconds: 10), [false])
    }

    func testPollingReportsWhichSocketIsReadable() throws {
        let context = try Context()
        let (routerA, dealerA) = try pair(.router, .dealer, in: context)
        let (routerB, _) = try pair(.router, .dealer, in: context)
        try dealerA.send([Array("x".utf8)])
        var ready = [false, false]
        for _ in 0..<100 where !ready[0] {
            ready = try Poller.readable([routerA, routerB], timeoutMilliseconds: 50)
        }
        XCTAssertEqual(ready, [true, false])
    }

    func testAVerboseXpubReportsEachSubscription() throws {
        let context = try Context()
        let xpub = try Socket(context: context, kind: .xpub)
        try xpub.set(.linger(milliseconds: 0))
        try xpub.set(.xpubVerbose(true))
        try xpub.bind("tcp://127.0.0.1:*")
        let sub = try Socket(context: context, kind: .sub)
        try sub.set(.linger(milliseconds: 0))
        try sub.connect(try xpub.lastEndpoint())
        try sub.set(.subscribe([]))
        XCTAssertEqual(try xpub.receive(), [[1]])
        try xpub.send([Array("topic".utf8), Array("body".utf8)])
        XCTAssertEqual(try sub.receive(), [Array("topic".utf8), Array("body".utf8)])
    }

    func testCanReceiveReportsAPendingSubscriptionWithoutReceivingIt() throws {
        let context = try Context()
        let xpub = try Socket(context: context, kind: .xpub)
        try xpub.set(.linger(milliseconds: 0))
        try xpub.bind("tcp://127.0.0.1:*")
        XCTAssertGreaterThanOrEqual(try xpub.notificationDescriptor(), 0)
        XCTAssertFalse(try xpub.canReceive())
        let sub = try Socket(context: context, kind: .sub)
        try sub.set(.linger(milliseconds: 0))
        try sub.connect(try xpub.lastEndpoint())
        try sub.set(.subscribe(Array("topic".utf8)))
        var pending = false
        for _ in 0..<500 where !pending {
            pending = try xpub.canReceive()
            if !pending { _ = try Poller.readable([xpub], timeoutMilliseconds: 10) }
        }
        XCTAssertTrue(pending)
        XCTAssertEqual(try xpub.receive(dontWait: true), [[1] + Array("topic".utf8)])
        XCTAssertFalse(try xpub.canReceive())
    }

    func testAProxyFromARouterToItselfEchoesEachMessageToItsSender() throws {
        let context = try Context()
        let (router, _) = try pair(.router, .dealer, in: context)
        let echo = Thread {
            try? Proxy.run(frontend: router, backend: router)
        }
        echo.start()
        let requester = try Socket(context: context, kind: .req)
        try requester.set(.linger(milliseconds: 0))
        try requester.connect(try router.lastEndpoint())
        for ping in ["ping", "", "\u{0}binary"] {
            try requester.send([Array(ping.utf8)])
            XCTAssertEqual(try requester.receive(), [Array(ping.utf8)])
        }
        context.shutdown()
    }

    func testShuttingTheContextDownUnblocksAWaitingReceive() throws {
        let context = try Context()
        let (router, _) = try pair(.router, .dealer, in: context)
        let done = DispatchSemaphore(value: 0)
        let outcome = Mutex<(any Error)?>(nil)
        Thread.detachNewThread {
            do {
                _ = try router.receive()
            } catch {
                outcome.withLock { $0 = error }
            }
            done.signal()
        }
        usleep(20_000)
        context.shutdown()
        XCTAssertEqual(done.wait(timeout: .now() + 5), .success)
        XCTAssertEqual(outcome.withLock { $0 } as? ZeroMQError, .terminated)
    }

    func testABatchContextRunsItsIOThreadAsABatchThreadAndDeliversAsUsual() throws {
        let callersPolicy = sched_getscheduler(0)
        let context = try Context(ioScheduling: .batch)
        XCTAssertEqual(sched_getscheduler(0), callersPolicy, "checking that batch is allowed changed the caller")
        let (router, dealer) = try pair(.router, .dealer, in: context)
        try dealer.send([Array("ping".utf8)])
        XCTAssertEqual(try XCTUnwrap(try router.receive()).last, Array("ping".utf8))
        // libzmq names its I/O threads ZMQbg/IO/<n>; this context's has policy SCHED_BATCH (3).
        let tasks = try FileManager.default.contentsOfDirectory(atPath: "/proc/self/task")
        let batchIOThreads = tasks.filter { task in
            guard let name = try? String(contentsOfFile: "/proc/self/task/\(task)/comm", encoding: .utf8),
                name.hasPrefix("ZMQbg/IO/"), let id = Int32(task)
            else { return false }
            return sched_getscheduler(id) == 3
        }
        XCTAssertFalse(batchIOThreads.isEmpty, "no SCHED_BATCH ZeroMQ I/O thread among \(tasks.count) threads")
    }

    func testBindingAnInvalidEndpointThrowsWithTheEndpoint() throws {
        let socket = try Socket(context: try Context(), kind: .router)
        XCTAssertThrowsError(try socket.bind("nonsense://x")) { error in
            guard case .failed(let operation, _, _) = error as? ZeroMQError else { return XCTFail("\(error)") }
            XCTAssertEqual(operation, "zmq_bind nonsense://x")
        }
    }
}
